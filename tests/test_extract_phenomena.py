"""One table per phenomenon; every sentence here was written for these tests."""

import pytest

from diplowatch.extract import extract


def triples(text, lang=None):
    return {(e.actor, e.target, e.act) for e in extract(text, lang)}


def check(text, lang, expected):
    assert triples(text, lang) == set(expected)


PLAIN = [
    ("Burundi has recognized the Sahrawi Arab Democratic Republic.", "en",
     [("BI", "EH", "recognize")]),
    ("The Republic of Fiji today recognised Kosovo as a sovereign state.", "en",
     [("FJ", "XK", "recognize")]),
    ("Moscow recognizes the independence of Abkhazia.", "en", [("RU", "abkhazia", "recognize")]),
    ("The Syrian government recognized the Donetsk People's Republic on Monday.", "en",
     [("SY", "donetsk-pr", "recognize")]),
]

NEGATION = [
    ("Kazakhstan will never recognize Transnistria, its foreign minister said.", "en",
     [("KZ", "transnistria", "reject")]),
    ('"We do not recognize Northern Cyprus," the Greek prime minister told reporters.', "en",
     [("GR", "northern-cyprus", "reject")]),
    ("Министр заявил, что Казахстан не признает Абхазию.", "ru", [("KZ", "abkhazia", "reject")]),
    ("Глава МЗС заявив, що Молдова не визнає Косово.", "uk", [("MD", "XK", "reject")]),
    ("El canciller afirmó que Chile no reconoce a Somalilandia.", "es",
     [("CL", "somaliland", "reject")]),
    # A journalist's description is not a statement by the state.
    ("Armenia does not recognize Artsakh as an independent country.", "en", []),
]

MODALITY = [
    ("Malta will recognize the State of Palestine in September.", "en", []),
    ("Slovenia is ready to recognize Palestine.", "en", []),
    ("The cabinet is considering recognizing Kosovo.", "en", []),
    ("Belgium intends to recognize Palestine next year.", "en", []),
    ("Беларусь готова признать Абхазию.", "ru", []),
    ("Parlament rozważa uznanie Palestyny.", "pl", []),
    ("La France reconnaîtra la Palestine en septembre.", "fr", []),
    ("Spanien wird Palästina anerkennen.", "de", []),
]

CALLS = [
    ("Russia urged Belarus to recognize Abkhazia and South Ossetia.", "en", []),
    ("Turkey called on all countries to recognize the Turkish Republic of Northern Cyprus.", "en",
     []),
    ("Президент призвал Беларусь признать ДНР.", "ru", []),
    ("O governo pediu ao Brasil que reconheça a Palestina.", "pt", []),
]

SUPRANATIONAL = [
    ("The European Union does not recognize the Republic of Crimea.", "en", []),
    ("The EU will never recognize Abkhazia, the bloc said.", "en", []),
    ("NATO recognized Kosovo's institutions.", "en", []),
    ("ООН не признает Приднестровье.", "ru", []),
]

REPORTED = [
    ("Serbian officials said that Togo had withdrawn its recognition of Kosovo.", "en",
     [("TG", "XK", "withdraw")]),
    ("Venezuela's president announced that his country recognizes South Ossetia.", "en",
     [("VE", "south-ossetia", "recognize")]),
    ("Spain said on Tuesday that it would not recognize Kosovo.", "en", [("ES", "XK", "reject")]),
    ("Germany welcomed the decision by Ireland to recognize Palestine.", "en",
     [("IE", "PS", "recognize")]),
    ("Georgia condemned the recognition of Abkhazia by Syria.", "en",
     [("SY", "abkhazia", "recognize")]),
]

COORDINATION = [
    ("Russia, Syria and North Korea have recognized the DPR.", "en",
     [("RU", "donetsk-pr", "recognize"), ("SY", "donetsk-pr", "recognize"),
      ("KP", "donetsk-pr", "recognize")]),
    ("North Korea recognized the Donetsk and Luhansk people's republics.", "en",
     [("KP", "donetsk-pr", "recognize"), ("KP", "luhansk-pr", "recognize")]),
    ("Сирия признала ДНР и ЛНР.", "ru",
     [("SY", "donetsk-pr", "recognize"), ("SY", "luhansk-pr", "recognize")]),
    ("Россия признала ЛДНР.", "ru",
     [("RU", "donetsk-pr", "recognize"), ("RU", "luhansk-pr", "recognize")]),
]

SWITCHES = [
    ("Kiribati switched recognition from Taiwan to the People's Republic of China.", "en",
     [("KI", "TW", "withdraw"), ("KI", "CN", "recognize")]),
    ("Costa Rica recognized the People's Republic of China rather than Taiwan.", "en",
     [("CR", "TW", "withdraw"), ("CR", "CN", "recognize")]),
    ("Solomon Islands severed diplomatic ties with Taiwan.", "en", [("SB", "TW", "withdraw")]),
]

MUTUAL = [
    ("Abkhazia and South Ossetia recognized each other in 2008.", "en",
     [("abkhazia", "south-ossetia", "recognize"), ("south-ossetia", "abkhazia", "recognize")]),
]

BACKGROUND = [
    ("Nicaragua became the second country after Russia to recognize Abkhazia.", "en",
     [("NI", "abkhazia", "recognize"), ("RU", "abkhazia", "recognize")]),
    ("Вслед за Россией и Сирией КНДР признала ДНР.", "ru",
     [("KP", "donetsk-pr", "recognize"), ("RU", "donetsk-pr", "recognize"),
      ("SY", "donetsk-pr", "recognize")]),
]

OTHER_SENSES = [
    ("Belarus recognized Crimea as part of Russia.", "en", []),
    ("The United States recognized Morocco's sovereignty over Western Sahara.", "en", []),
    ("Canada recognized the Holodomor as a genocide.", "en", []),
    ("Georgia will not recognize the results of the elections in Abkhazia, the ministry said.",
     "en", []),
    ("The prize is a recognition of her work for peace.", "en", []),
    ("Украина не признает результаты выборов в ДНР, заявили в МИД.", "ru", []),
]

INFLECTION = [
    ("Никарагуа признала Абхазию и Южную Осетию.", "ru",
     [("NI", "abkhazia", "recognize"), ("NI", "south-ossetia", "recognize")]),
    ("Независимость Южной Осетии признана Венесуэлой.", "ru",
     [("VE", "south-ossetia", "recognize")]),
    ("Палестину визнала Ірландія.", "uk", [("IE", "PS", "recognize")]),
    ("Науру визнала незалежність Абхазії.", "uk", [("NR", "abkhazia", "recognize")]),
    ("Gwatemala uznała Kosowo.", "pl", [("GT", "XK", "recognize")]),
    ("МИД Грузии осудил признание Абхазии Сирией.", "ru", [("SY", "abkhazia", "recognize")]),
]

LANGUAGES = [
    ("Colombia reconoció al Estado de Palestina.", "es", [("CO", "PS", "recognize")]),
    ("Le Sénégal a reconnu l'État de Palestine.", "fr", [("SN", "PS", "recognize")]),
    ("Schweden hat Palästina als Staat anerkannt.", "de", [("SE", "PS", "recognize")]),
    ("Portugal reconheceu o Kosovo.", "pt", [("PT", "XK", "recognize")]),
    ("L'Ecuador ha ritirato il riconoscimento della RASD.", "it", [("EC", "EH", "withdraw")]),
    ("Surinam wycofał uznanie Kosowa.", "pl", [("SR", "XK", "withdraw")]),
    ("Гренада је повукла признање Косова.", "sr", [("GD", "XK", "withdraw")]),
    ("Gana je povukla priznanje Kosova.", "sr", [("GH", "XK", "withdraw")]),
]

TABLES = {
    "plain": PLAIN, "negation": NEGATION, "modality": MODALITY, "calls": CALLS,
    "supranational": SUPRANATIONAL, "reported": REPORTED, "coordination": COORDINATION,
    "switches": SWITCHES, "mutual": MUTUAL, "background": BACKGROUND,
    "other_senses": OTHER_SENSES, "inflection": INFLECTION, "languages": LANGUAGES,
}
CASES = [(name, *case) for name, table in TABLES.items() for case in table]


@pytest.mark.parametrize(("table", "text", "lang", "expected"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_phenomenon(table, text, lang, expected):
    check(text, lang, expected)


def test_without_language_hint_same_result():
    assert triples("Россия признала независимость Абхазии.") == {("RU", "abkhazia", "recognize")}
    assert triples("Francia reconoce a Palestina.") == {("FR", "PS", "recognize")}
    assert triples("Die Bundesregierung erkennt Kosovo an.") == {("DE", "XK", "recognize")}
    assert triples("Paraguay recognized Taiwan in 1957.") == {("PY", "TW", "recognize")}


def test_confidence_explicit_higher_than_background():
    events = {(e.actor, e.target): e.confidence for e in
              extract("Nicaragua became the second country after Russia to recognize Abkhazia.")}
    assert events[("NI", "abkhazia")] > events[("RU", "abkhazia")]
    assert all(0 < c < 1 for c in events.values())


def test_evidence_is_the_sentence():
    [event] = extract("Nothing happened. Then Burundi recognized Kosovo. Later, rain.")
    assert event.evidence == "Then Burundi recognized Kosovo."
