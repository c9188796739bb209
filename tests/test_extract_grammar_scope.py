"""Scope of negation and the actor of a ministry, by language family (docs/extraction.md,
"Grammar rules"). Every sentence was written for this test; none comes from the labelled eval
files.

- A negated *verb of saying* ('has not confirmed', 'did not comment on', 'hat nicht
  bestätigt', 'n'a pas confirmé', 'не подтвердил') negates the saying, not the recognition
  after it: neither a reject nor a recognition is stated.
- A *ministry named with its state* acts for it: after 'of' when the office's full name stands
  before it ('the Ministry of Foreign Affairs of Ghana', 'le ministère des Affaires étrangères
  du Ghana'), as a possessor ('Ghana's foreign ministry'), in the genitive ('МИД Ганы'). A
  ministry *without* its state gives no actor: the extractor reads the text alone and never
  takes the state from the source (docs/extraction.md, "Whose ministry").
- A subject that *thanks or welcomes* reacts to the act ('Vučić thanked him for the decision to
  withdraw the recognition'): it is not the actor; the state thanked, when named, is.
- A *generic noun before a relative clause set off by a comma* is the relative's subject ('die
  Zahl der Staaten, die das Kosovo anerkannt haben'): the search stops there, unless it is
  the complement of 'one of' ('einer der Staaten, die…').
"""

import pytest

from diplowatch.extract import extract

NEGATED_SPEECH = {
    "germanic": [
        ("Addis Ababa has not confirmed the reports about its recognition of Somaliland.", "en",
         []),
        ("Addis Ababa did not say that it recognized Somaliland.", "en", []),
        ("Nairobi has not commented on any recognition of Somaliland.", "en", []),
        ("Berlin hat die Berichte über die Anerkennung Somalilands nicht bestätigt.", "de", []),
        # the negation of the act itself is still a refusal when the state speaks
        ("Ethiopia does not recognize Somaliland, the foreign minister said.", "en",
         [("ET", "somaliland", "reject")]),
    ],
    "romance": [
        ("Paris n'a pas confirmé les informations sur la reconnaissance du Somaliland.", "fr", []),
        ("Madrid no confirmó las informaciones sobre el reconocimiento de Somalilandia.", "es", []),
    ],
    "slavic": [
        ("Минск не подтвердил сообщения о признании Абхазии.", "ru", []),
        ("Warszawa nie potwierdziła doniesień o uznaniu Somalilandu.", "pl", []),
    ],
}

MINISTRIES = {
    "germanic": [
        ("The Ministry of Foreign Affairs of Ghana announced that it recognizes Kosovo.", "en",
         [("GH", "XK", "recognize")]),
        ("Ghana's foreign ministry said the country recognized Kosovo.", "en",
         [("GH", "XK", "recognize")]),
        ("The Ministry of Foreign Affairs of Ghana welcomed the recognition of Kosovo by Kenya.",
         "en", [("KE", "XK", "recognize")]),
        ("The Foreign Ministry said it recognized Kosovo.", "en", []),
        ("Das Außenministerium erklärte, es erkenne das Kosovo an.", "de", []),
    ],
    "romance": [
        ("Le ministère des Affaires étrangères du Ghana a annoncé qu'il reconnaissait le "
         "Kosovo.", "fr", [("GH", "XK", "recognize")]),
        ("Le ministère des Affaires étrangères a annoncé qu'il reconnaissait le Kosovo.", "fr",
         []),
    ],
    "slavic": [
        ("МИД Ганы заявил, что признаёт Косово.", "ru", [("GH", "XK", "recognize")]),
        ("МИД заявил, что признаёт Косово.", "ru", []),
    ],
}

REACTIONS = {
    "germanic": [
        ("Vučić thanked him for the decision to withdraw the recognition of Kosovo.", "en", []),
        ("Serbia thanked Burundi for withdrawing its recognition of Kosovo.", "en",
         [("BI", "XK", "withdraw")]),
        ("Serbia welcomed Ghana's decision to revoke its recognition of Kosovo.", "en",
         [("GH", "XK", "withdraw")]),
        ("Der serbische Präsident dankte ihm für die Rücknahme der Anerkennung des Kosovo.", "de",
         []),
    ],
    "romance": [
        ("Il presidente serbo Vučić lo ha ringraziato per la decisione di ritirare il "
         "riconoscimento del Kosovo.", "it", []),
        ("Le président serbe l'a remercié pour le retrait de la reconnaissance du Kosovo.", "fr",
         []),
    ],
    "slavic": [
        ("Президент Сербии поблагодарил его за отзыв признания Косово.", "ru", []),
    ],
}

RELATIVE_HEADS = {
    "germanic": [
        ("Serbiens Außenminister will die Zahl der Staaten, die das Kosovo anerkannt haben, "
         "unter 100 drücken.", "de", []),
        ("Ghana ist einer der Staaten, die das Kosovo anerkannt haben.", "de",
         [("GH", "XK", "recognize")]),
        ("Ghana is one of the states that recognized Kosovo.", "en", [("GH", "XK", "recognize")]),
        ("Serbia's minister spoke of the number of states, which have recognized Kosovo, "
         "falling below 100.", "en", []),
    ],
}

TABLES = {"negated_speech": NEGATED_SPEECH, "ministries": MINISTRIES, "reactions": REACTIONS,
          "relative_heads": RELATIVE_HEADS}


def _cases():
    for name, families in TABLES.items():
        for family, rows in families.items():
            for i, (text, lang, expected) in enumerate(rows):
                yield pytest.param(text, lang, expected, id=f"{name}-{family}-{lang}-{i}")


@pytest.mark.parametrize(("text", "lang", "expected"), list(_cases()))
def test_scope_grammar(text, lang, expected):
    assert {(e.actor, e.target, e.act) for e in extract(text, lang)} == set(expected)
