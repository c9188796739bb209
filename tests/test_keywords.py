"""Keyword matching (store/keywords.py): the same answers as one regex search per keyword."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from diplowatch.store.keywords import KeywordIndex


def regex_match(keywords: set[str], text: str) -> set[str]:
    """The rule as it was written before the index: a search per keyword."""
    folded = text.casefold()
    return {k for k in keywords if re.search(rf"(?<!\w){re.escape(k)}(?!\w)", folded)}


CASES = [
    ({"recognition"}, "RECOGNITION of statehood", {"recognition"}),
    ({"recognition"}, "non-recognition", {"recognition"}),
    ({"recognition"}, "recognitions", set()),
    ({"north korea"}, "North Korea recognizes", {"north korea"}),
    ({"north korea"}, "north  korea (two spaces)", set()),
    ({"north korea"}, "northnorth korea", set()),
    ({"c++", "u.s."}, "the U.S. and C++ programmers", {"c++", "u.s."}),
    ({"u.s."}, "u.s.a", set()),  # 'a' right after the keyword
    ({"#tag"}, "a#tag", set()),
    ({"#tag"}, "a #tag!", {"#tag"}),
    ({"strasse"}, "Straße", {"strasse"}),  # casefold: ß → ss
    ({"признание"}, "Официальное ПРИЗНАНИЕ республики", {"признание"}),
    ({"a_b"}, "x a_b y", {"a_b"}),
    ({"ab"}, "a_ab", set()),  # '_' is a word character
    ({"😀 hi"}, "say😀 hi", set()),  # a word character before the keyword
    ({"😀 hi"}, "say 😀 hi", {"😀 hi"}),
    ({"kosovo", "kosovo recognition"}, "Kosovo recognition, Kosovo", {"kosovo", "kosovo recognition"}),
    ({"aa a"}, "aa aa a", {"aa a"}),  # overlapping candidates: the second one matches
]


def test_known_cases_agree_with_the_regex_rule():
    for keywords, text, expected in CASES:
        assert KeywordIndex(keywords).match(text) == expected, (keywords, text)
        assert regex_match(keywords, text) == expected, (keywords, text)


ALPHABET = st.sampled_from(list("ab _-.+ßSİ1é😀\n"))
KEYWORD = st.text(ALPHABET, min_size=1, max_size=5).map(lambda k: " ".join(k.split()).casefold())


@settings(max_examples=400, deadline=None)
@given(st.sets(KEYWORD.filter(bool), max_size=6), st.text(ALPHABET, max_size=40))
def test_any_keywords_and_text_agree_with_the_regex_rule(keywords, text):
    assert KeywordIndex(keywords).match(text) == regex_match(keywords, text)


def test_an_empty_index_matches_nothing():
    assert KeywordIndex([]).match("anything at all") == set()
