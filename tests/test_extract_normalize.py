"""Text cleaning, folding, the light stemmer and the language guess (normalize.py)."""

import pytest

from diplowatch.extract.normalize import clean_text, fold, guess_lang, stem


def test_fold_and_stem():
    assert fold("Palästina") == "palastina"
    assert stem("kosowem") == stem("kosowo") == "kosow"
    assert stem("peru") == "peru"  # never below four letters


def test_clean_text():
    assert clean_text("a&amp;b <b>c</b>\u200bd") == "a&b cd"
    assert clean_text("text[12] more") == "text more"


@pytest.mark.parametrize(("text", "lang"), [
    ("Россия признала независимость", "ru"), ("Україна не визнає", "uk"),
    ("Србија не признаје Косово", "sr"), ("the state and the people of", "en"),
    ("der Staat und die Regierung", "de"), ("la république et le peuple", "fr"),
])
def test_guess_lang(text, lang):
    assert guess_lang(text * 3) == lang
