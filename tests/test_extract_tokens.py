"""Sentence splitting (tokens.py)."""

from diplowatch.extract.tokens import split_sentences


def test_sentence_split_keeps_abbreviations():
    text = "The U.S. President spoke. Then Sept. 10 came. Next one."
    assert len(split_sentences(text)) == 3


# 'so-called' is abbreviated before the name it qualifies ('тзв. Косово', 'tzw. Kosowo',
# 'т.н. ДНР', 'sog. Volksrepublik'): no sentence ends there.
SO_CALLED = [
    "Председник је говорио о признању тзв. Косова од стране Кеније.",
    "Prezydent mówił o uznaniu tzw. Kosowa przez Kenię.",
    "Министр говорил о признании т.н. ДНР Сирией.",
    "Der Minister sprach über die Anerkennung der sog. Volksrepublik durch Syrien.",
    "Ministr mluvil o uznání tzv. Kosova Keňou.",
]


def test_so_called_abbreviations_end_no_sentence():
    for text in SO_CALLED:
        assert len(split_sentences(text)) == 1, text
