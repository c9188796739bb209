"""Long lists and enumerations, by language family (docs/extraction.md, "Grammar rules",
lists). The grammar, as the rules read it:

- a *generic subject or agent* named by a list: a copula or a verb of inclusion ('the states
  that have revoked recognition are A, B, C and D', 'the list … comprises A, B…'), 'including',
  'such as', 'among them', 'm.in.', also when the generic word stands a few words after the
  verb ('recognized by more than 100 states, including A, B…');
- *coordinated agents*: 'by A, B and C, as well as by D and E', 'ainsi que par', 'así como por';
- *parenthesised dates* between members: 'Kenya (2025), Ghana (2012) and Togo (2014)';
- *background actors*: 'apart from A and B, only C and D…' (A and B are background, C and D
  the subject, also inverted after the verb in German), 'followed by A, B and C', 'along with';
- *clefts*: 'it was A that…', 'c'est A qui…', 'A was the first to…'.

Abbreviations that open a list ('m.in.', 'npr.', 'u.a.', 'z.B.') end no sentence.
Every sentence was written for this test; none comes from the labelled eval files.
"""

import pytest

from diplowatch.extract import extract

R, W = "recognize", "withdraw"


def ev(codes, target, act=R):
    return [(c, target, act) for c in codes]


FIVE = ["ES", "IE", "NO", "SI", "AM"]
FOUR = ["ES", "IE", "NO", "SI"]
ABKHAZIA_FIVE = ["RU", "SY", "NI", "VE", "NR"]

LISTS = {
    "germanic": [
        ("The states that have revoked recognition of Kosovo are Burundi, Togo, Ghana, Palau "
         "and Grenada.", "en", ev(["BI", "TG", "GH", "PW", "GD"], "XK", W)),
        ("The countries that withdrew their recognition of Kosovo include Suriname, Burundi, "
         "Togo and Ghana.", "en", ev(["SR", "BI", "TG", "GH"], "XK", W)),
        ("Apart from Russia and Syria, only Nicaragua, Venezuela and Nauru recognize Abkhazia.",
         "en", ev(ABKHAZIA_FIVE, "abkhazia")),
        ("Kosovo is recognized by over 100 states, including the United States, Germany, "
         "France, Japan and Kenya.", "en", ev(["US", "DE", "FR", "JP", "KE"], "XK")),
        ("Palestine has been recognized by many states such as Spain, Ireland, Norway, "
         "Slovenia and Armenia.", "en", ev(FIVE, "PS")),
        ("Spain recognized Palestine along with Ireland, Norway and Slovenia.", "en",
         ev(FOUR, "PS")),
        ("Spain, Ireland, Norway and Slovenia are among the states that recognize Palestine.",
         "en", ev(FOUR, "PS")),
        ("Russia was the first to recognize Abkhazia, followed by Nicaragua, Venezuela and "
         "Nauru.", "en", ev(["RU", "NI", "VE", "NR"], "abkhazia")),
        ("It was Nicaragua that recognized Abkhazia after Russia.", "en",
         ev(["NI", "RU"], "abkhazia")),
        ("Armenia joined Spain, Ireland, Norway and Slovenia, which had recognized Palestine in "
         "May.", "en", ev(["AM", "ES", "IE", "NO", "SI"], "PS")),
        ("Russia recognized the DPR. So far it has been done by Syria, North Korea and "
         "Nicaragua as well.", "en", ev(["RU", "SY", "KP", "NI"], "donetsk-pr")),
        ("Kosovo has been recognised by Kenya (2025), Ghana (2012), Togo (2014), Palau (2009) "
         "and Grenada (2013).", "en", ev(["KE", "GH", "TG", "PW", "GD"], "XK")),
        ("Kenya (2025), Ghana (2012) and Togo (2014) recognized Kosovo.", "en",
         ev(["KE", "GH", "TG"], "XK")),
        ("Barbados, Jamaica, Trinidad and Tobago and the Bahamas recognized Palestine in 2024.",
         "en", ev(["BB", "JM", "TT", "BS"], "PS")),
        ("Palestine is recognized by Spain, Ireland and Norway, as well as by Slovenia and "
         "Armenia.", "en", ev(FIVE, "PS")),
        ("The list of states that recognized Palestine in 2024 comprises Spain, Ireland, "
         "Norway, Slovenia and Armenia.", "en", ev(FIVE, "PS")),
        ("The states that recognize Kosovo, among them Germany, France and Italy, met in "
         "Vienna.", "en", ev(["DE", "FR", "IT"], "XK")),
        ("Zu den Staaten, die Palästina anerkannt haben, gehören Spanien, Irland, Norwegen und "
         "Slowenien.", "de", ev(FOUR, "PS")),
        ("Außer Russland und Syrien erkennen nur Nicaragua, Venezuela und Nauru Abchasien an.",
         "de", ev(ABKHAZIA_FIVE, "abkhazia")),
        ("Kosovo wurde von vielen Staaten anerkannt, darunter Deutschland, Frankreich, Japan "
         "und Kenia.", "de", ev(["DE", "FR", "JP", "KE"], "XK")),
    ],
    "romance": [
        ("Les pays qui ont reconnu la Palestine sont l'Espagne, l'Irlande, la Norvège et la "
         "Slovénie.", "fr", ev(FOUR, "PS")),
        ("Outre la Russie et la Syrie, seuls le Nicaragua, le Venezuela et Nauru reconnaissent "
         "l'Abkhazie.", "fr", ev(ABKHAZIA_FIVE, "abkhazia")),
        ("Plusieurs pays ont reconnu la Palestine, notamment l'Espagne, l'Irlande, la Norvège "
         "et la Slovénie.", "fr", ev(FOUR, "PS")),
        ("C'est le Nicaragua qui a reconnu l'Abkhazie après la Russie.", "fr",
         ev(["NI", "RU"], "abkhazia")),
        ("La Palestine a été reconnue par l'Espagne, l'Irlande et la Norvège, ainsi que par la "
         "Slovénie.", "fr", ev(FOUR, "PS")),
        ("Los países que retiraron su reconocimiento de la RASD son Ecuador, Bolivia, Paraguay "
         "y Perú.", "es", ev(["EC", "BO", "PY", "PE"], "EH", W)),
        ("Palestina fue reconocida por España, Irlanda y Noruega, así como por Eslovenia y "
         "Armenia.", "es", ev(FIVE, "PS")),
        ("Además de Rusia y Siria, solo Nicaragua, Venezuela y Nauru reconocen a Abjasia.", "es",
         ev(ABKHAZIA_FIVE, "abkhazia")),
        ("Diversi Paesi hanno riconosciuto la Palestina, tra cui Spagna, Irlanda, Norvegia e "
         "Slovenia.", "it", ev(FOUR, "PS")),
        ("Entre os países que reconheceram a Palestina estão Espanha, Irlanda, Noruega e "
         "Eslovênia.", "pt", ev(FOUR, "PS")),
    ],
    "slavic": [
        ("Абхазию признали Россия, Никарагуа, Венесуэла, Науру и Сирия.", "ru",
         ev(["RU", "NI", "VE", "NR", "SY"], "abkhazia")),
        ("Кроме России и Сирии, Абхазию признают только Никарагуа, Венесуэла и Науру.", "ru",
         ev(ABKHAZIA_FIVE, "abkhazia")),
        ("Palestynę uznały m.in. Hiszpania, Irlandia, Norwegia i Słowenia.", "pl",
         ev(FOUR, "PS")),
        ("Palestinu su priznale npr. Španija i Irska.", "sr", ev(["ES", "IE"], "PS")),
        ("Kosovo su priznale mnoge države, među kojima Nemačka, Francuska, Japan i Kenija.",
         "sr", ev(["DE", "FR", "JP", "KE"], "XK")),
        ("Државе које су повукле признање Косова су Суринам, Бурунди, Гана и Палау.", "sr",
         ev(["SR", "BI", "GH", "PW"], "XK", W)),
    ],
}

# Lists that name no actors of the act: a description of non-recognition, a 'but not by'
# list, a 'followed by' that is no state, a parenthesis that names the capital.
LISTS_NONE = [
    ("Serbia thanked Spain, Greece, Romania, Slovakia and Cyprus, which do not recognize "
     "Kosovo.", "en", []),
    ("Kosovo is recognized by more than 100 states, but not by Spain, Greece, Romania and "
     "Slovakia.", "en", []),
    ("Followed by reporters, the minister said Kenya recognized Kosovo.", "en",
     ev(["KE"], "XK")),
    ("Kenya recognized Kosovo in 2025, followed weeks later by a visit of its president.", "en",
     ev(["KE"], "XK")),
    ("Kenya (Nairobi) recognized Kosovo and Serbia (Belgrade) protested.", "en", ev(["KE"], "XK")),
]

TABLES = {"lists": LISTS, "lists_none": {"": LISTS_NONE}}


def _cases():
    for name, families in TABLES.items():
        for family, rows in families.items():
            for i, (text, lang, expected) in enumerate(rows):
                yield pytest.param(text, lang, expected, id=f"{name}-{family or lang}-{lang}-{i}")


@pytest.mark.parametrize(("text", "lang", "expected"), list(_cases()))
def test_list_grammar(text, lang, expected):
    assert {(e.actor, e.target, e.act) for e in extract(text, lang)} == set(expected)
