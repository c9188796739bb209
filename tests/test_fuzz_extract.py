"""Fuzzing the extractor: any text gives valid events — known codes and acts, a confidence in
[0, 1], evidence quoted from the (cleaned) text — and never an exception."""

from __future__ import annotations

import pycountry
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from diplowatch.extract import extract
from diplowatch.extract.normalize import clean_text
from diplowatch.models import ACTS, Event
from diplowatch.names import ENTITIES, TARGETS

FUZZ = settings(max_examples=300, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
STATES = {c.alpha_2 for c in pycountry.countries} | {"XK"}
ACTORS = STATES | set(ENTITIES)
KNOWN_TARGETS = set(TARGETS)

# Words that make the extractor work: states, entities, triggers, negation, modality, in the
# languages it reads, plus markup and punctuation.
VOCABULARY = [
    "Russia", "North Korea", "Syria", "Nicaragua", "Burundi", "the United States", "China",
    "Kosovo", "the Republic of Kosovo", "Abkhazia", "South Ossetia", "the DPR", "LPR",
    "Donetsk People's Republic", "Taiwan", "Palestine", "Somaliland", "Western Sahara",
    "Transnistria", "Northern Cyprus", "Artsakh", "Crimea", "the Taliban",
    "recognizes", "recognized", "has recognized the independence of", "recognition",
    "withdraws its recognition of", "derecognizes", "revoked", "does not recognize",
    "will not recognize", "urged", "to recognize", "may", "considering", "severed ties with",
    "established diplomatic relations with", "mutual recognition", "have done so", "also",
    "Россия", "признала", "признаёт", "независимость", "Абхазии", "ДНР", "КНДР", "Косово",
    "не признаёт", "визнала", "Україна", "reconoce", "reconoció", "Venezuela", "Kosovo",
    "reconnaît", "la France", "erkennt", "an", "anerkannt", "Deutschland", "reconhece",
    "riconosce", "uznaje", "Polska", "признаје", "Србија",
    " ", " ", " ", ", ", ". ", "; ", "\n", "\n\n", " and ", " or ", " not ", " the ", "?", "!",
    "«", "»", '"', "(", ")", "…", "—", "<b>", "</b>", "<p>", "&amp;", "&nbsp;", "\u200b",
    "\u202e", "\u00ad", "\ufeff", "[1]", "2022", "21 February 2022", "on 28 May",
]
SUBJECTS = ["Russia", "North Korea", "Syria", "Nicaragua", "Burundi", "Venezuela", "Россия",
            "КНДР", "La France", "Deutschland", "Polska", "Србија", "Abkhazia"]
VERBS = [" has recognized the independence of ", " recognizes ", " withdraws its recognition of ",
         " does not recognize ", " will recognize ", " urged Syria to recognize ", " признала ",
         " отозвала признание ", " reconoce a ", " reconnaît ", " erkennt ", " anerkannt ",
         " uznaje ", " признаје ", " severed ties with ", " has done so, recognizing "]
OBJECTS = ["Kosovo", "Abkhazia", "South Ossetia", "the DPR", "LPR", "Taiwan", "Palestine",
           "Somaliland", "Western Sahara", "Абхазию", "ДНР", "Косово", "Transnistria", "Crimea"]
CLAUSES = st.tuples(st.sampled_from(SUBJECTS), st.sampled_from(VERBS),
                    st.lists(st.sampled_from(OBJECTS), min_size=1, max_size=3),
                    st.sampled_from([". ", " and ", "; ", ", ", "\n", " in 2008. "])
                    ).map(lambda c: c[0] + c[1] + " and ".join(c[2]) + c[3])
TEXTS = st.lists(CLAUSES | st.sampled_from(VOCABULARY) | st.text(max_size=8),
                 max_size=40).map("".join)
LANGS = st.sampled_from([None, "en", "ru", "uk", "es", "fr", "de", "pt", "it", "pl", "sr", "xx",
                         "", "EN", "zz-ZZ", "ru-RU"])


def squeeze(text: str) -> str:
    return " ".join(text.split())


def check_events(events: list[Event], text: str) -> None:
    cleaned = squeeze(clean_text(text)) if text else ""
    seen = set()
    for ev in events:
        assert isinstance(ev, Event)
        assert ev.act in ACTS
        assert ev.actor in ACTORS, ev
        # "mutual recognition" gives both directions, so a state can be a target (the ledger
        # keeps only TARGETS and logs "ledger skipped event" for the others)
        assert ev.target in KNOWN_TARGETS | ACTORS, ev
        assert ev.actor != ev.target
        assert 0.0 <= ev.confidence <= 1.0
        assert ev.evidence and len(ev.evidence) <= 302
        assert squeeze(ev.evidence.strip("…")) in cleaned, (ev.evidence, cleaned)
        assert (ev.actor, ev.target, ev.act) not in seen  # merged: one event per triple
        seen.add((ev.actor, ev.target, ev.act))
        assert ev.as_json()["confidence"] == round(ev.confidence, 2)


@FUZZ
@given(text=TEXTS, lang=LANGS)
def test_recognition_like_text(text, lang):
    events = extract(text, lang)
    event("with events" if events else "no events")  # see --hypothesis-show-statistics
    check_events(events, text)


@FUZZ
@given(text=st.text(max_size=400), lang=LANGS)
def test_any_text(text, lang):
    check_events(extract(text, lang), text)


@FUZZ
@given(junk=st.binary(max_size=400), text=TEXTS)
def test_decoded_junk_around_a_statement(junk, text):
    mixed = junk.decode("latin-1") + text + junk.decode("utf-8", "replace")
    check_events(extract(mixed), mixed)


def test_the_vocabulary_makes_events():
    """The fuzzing above exercises real events, not only the pre-filter's early exit."""
    for text, triple in [("Nicaragua has recognized the independence of Abkhazia.",
                          ("NI", "abkhazia", "recognize")),
                         ("Россия признала ДНР.", ("RU", "donetsk-pr", "recognize")),
                         ("Burundi withdraws its recognition of Kosovo", ("BI", "XK", "withdraw"))]:
        assert triple in {(e.actor, e.target, e.act) for e in extract(text)}
