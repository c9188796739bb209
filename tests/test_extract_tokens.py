"""Sentence splitting (tokens.py)."""

from diplowatch.extract.tokens import split_sentences


def test_sentence_split_keeps_abbreviations():
    text = "The U.S. President spoke. Then Sept. 10 came. Next one."
    assert len(split_sentences(text)) == 3
