"""Names: look-alike codes, scripts, inflection, abbreviations, capitals and demonyms."""

import json

import pytest

from diplowatch.extract.gazetteer import DATA_FILE, find_mentions
from diplowatch.extract.normalize import clean_text
from diplowatch.extract.tokens import tokenize


def codes(text, lang="en"):
    return [(m.kind, m.codes) for m in find_mentions(tokenize(text), lang)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("DPRK", "en", [("state", ("KP",))]),
    ("DPR", "en", [("entity", ("donetsk-pr",))]),
    ("Democratic Republic of the Congo", "en", [("state", ("CD",))]),
    ("Republic of the Congo", "en", [("state", ("CG",))]),
    ("Republic of China", "en", [("entity", ("TW",))]),
    ("People's Republic of China", "en", [("state", ("CN",))]),
    ("Republic of Crimea", "en", [("entity", ("crimea",))]),
    ("Crimea", "en", [("territory", ("crimea",))]),
    ("Kosovo and Metohija", "en", [("entity", ("XK",))]),
    ("Tskhinvali region", "en", [("entity", ("south-ossetia",))]),
    ("КНДР", "ru", [("state", ("KP",))]),
    ("ЛДНР", "ru", [("entity", ("donetsk-pr", "luhansk-pr"))]),
    ("САДР", "ru", [("entity", ("EH",))]),
    ("Цхинвальского региона", "ru", [("entity", ("south-ossetia",))]),
    ("Южной Осетии", "ru", [("entity", ("south-ossetia",))]),
    ("Придністров'я", "uk", [("entity", ("transnistria",))]),
    ("Osetię Południową", "pl", [("entity", ("south-ossetia",))]),
    ("Kosowa", "pl", [("entity", ("XK",))]),
    ("Косова", "sr", [("entity", ("XK",))]),
    ("Pyongyang", "en", [("capital", ("KP",))]),
    ("Пхеньяна", "ru", [("capital", ("KP",))]),
    ("Kiev", "en", [("capital", ("UA",))]),
    ("российская сторона", "ru", [("adj", ("RU",))]),
    ("the Syrian government", "en", [("adj", ("SY",))]),
    ("el gobierno español", "es", [("adj", ("ES",))]),
    ("Taliban", "en", [("entity", ("AF",))]),
    ("United Nations", "en", [("org", ("ORG",))]),
    ("Sáhara Occidental", "es", [("entity", ("EH",))]),
    ("Palästina", "de", [("entity", ("PS",))]),
    ("Costa d'Avorio", "it", [("state", ("CI",))]),
])
def test_names(text, lang, expected):
    assert [m for m in codes(text, lang) if m[0] != "org" or expected[0][0] == "org"] == expected


@pytest.mark.parametrize("text", ["recognise us", "the island", "того же", "samo je"])
def test_common_words_are_not_names(text):
    assert [c for c in codes(text, "en") if c[0] == "state"] == []


def test_every_un_member_has_a_name():
    data = json.loads(DATA_FILE.read_text("utf-8"))["keys"]
    states = {c for kind, cs, *_ in data.values() if kind == "state" for c in cs}
    assert len(states) >= 193
    assert {"RU", "KP", "CN", "US", "VA", "SS", "TV"} <= states


@pytest.mark.parametrize("text, code", [
    ("Об’єднані Арабські Емірати визнали Косово.", "AE"),  # pycountry spells ’, texts are cleaned to '
    ("Обʼєднані Арабські Емірати визнали Косово.", "AE"),
    ("Об'єднане Королівство Великої Британії та Північної Ірландії", "GB"),
])
def test_names_with_an_apostrophe_match_however_it_is_typed(text, code):
    assert ("state", (code,)) in codes(clean_text(text), "uk")
