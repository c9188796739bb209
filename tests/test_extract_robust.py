"""Bad input: no crash, bounded time, events only where a recognition is stated."""

import time

import pycountry
import pytest

from diplowatch.extract import extract

SIMPLE = "Burundi has recognized the Republic of Kosovo."
EXPECTED = {("BI", "XK", "recognize")}


def triples(text, lang=None):
    return {(e.actor, e.target, e.act) for e in extract(text, lang)}


def timed(text, lang=None, limit=5.0):
    start = time.perf_counter()
    events = extract(text, lang)
    assert time.perf_counter() - start < limit
    return {(e.actor, e.target, e.act) for e in events}


@pytest.mark.parametrize("text", ["", " ", "\n\n", "recognize", ".", "\u200b" * 50])
def test_empty_and_tiny(text):
    assert extract(text) == []


def test_not_a_string():
    assert extract(None) == []  # type: ignore[arg-type]


def test_binary_junk():
    junk = bytes(range(256)).decode("latin-1") * 400
    assert timed(junk) == set()
    assert timed(junk + " " + SIMPLE) == EXPECTED


def test_zero_width_and_invisible_characters():
    text = "Burundi has recog\u200bnized the Repub\u00adlic of Ko\u2060sovo\ufeff."
    assert triples(text) == EXPECTED


def test_html_fragments_and_entities():
    text = "<p>Burundi has <b>recognized</b> the Republic&nbsp;of Kosovo.</p><script>x()</script>"
    assert triples(text) == EXPECTED
    assert triples("<div>Côte d&#39;Ivoire has recognized Kosovo.</div>") == {("CI", "XK", "recognize")}


def test_all_caps():
    assert triples(SIMPLE.upper()) == EXPECTED


def test_right_to_left_and_mixed_scripts():
    text = "\u202eاعترفت مصر\u202c " + SIMPLE + " 中华人民共和国 Россия"
    assert timed(text) == EXPECTED
    assert timed("שלום " * 2000) == set()


def test_one_megabyte_is_linear_and_bounded():
    filler = "The weather in the capital was mild and trade talks continued as usual. "
    text = filler * (1_000_000 // len(filler)) + SIMPLE
    assert timed(text, "en", limit=10) == EXPECTED


def test_one_megabyte_of_recognition_words():
    text = ("Russia recognized recognition recognizes " * 25_000)[:1_000_000]
    timed(text, "en", limit=20)


def test_long_sentence_without_punctuation_is_bounded():
    text = ("and Russia recognized Abkhazia " * 20_000) + "."
    timed(text, "en", limit=20)


def test_pathological_regex_input():
    text = "<" + "a" * 100_000 + " " + "&" * 50_000 + "[" * 10_000
    assert timed(text) == set()


def test_text_mentioning_150_states_lists_no_event():
    names = [c.name for c in list(pycountry.countries)[:150]]
    text = "Delegations from " + ", ".join(names) + " attended the summit on recognition of diplomas."
    assert timed(text, "en") == set()


def test_150_states_and_one_statement():
    names = [c.name for c in list(pycountry.countries)[:150]]
    text = "Delegations from " + ", ".join(names) + " attended. " + SIMPLE
    assert timed(text, "en") == EXPECTED


def test_no_recognition_word_returns_fast():
    text = "Russia and Abkhazia signed a trade agreement in Sukhumi. " * 20
    start = time.perf_counter()
    for _ in range(200):
        assert extract(text) == []
    assert time.perf_counter() - start < 1.0


def test_many_unclosed_script_tags_are_linear():
    text = "<script>" * 50_000 + SIMPLE
    assert timed(text, limit=5) == set()  # everything after an unclosed <script> is code
    assert timed("<style>x</style>" * 50_000 + SIMPLE, limit=5) == EXPECTED
