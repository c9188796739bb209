"""pymorphy3 lemmas and grammatical case for Russian and Ukrainian tokens.

The analyzers load lazily and only texts that pass the recognition-word
pre-filter ever reach them. Results are cached per word form.
"""

from __future__ import annotations

from functools import lru_cache

from .normalize import fold

_ANALYZERS: dict[str, object] = {}


def _analyzer(lang: str):
    morph = _ANALYZERS.get(lang)
    if morph is None:
        import pymorphy3

        morph = _ANALYZERS[lang] = pymorphy3.MorphAnalyzer(lang=lang)
    return morph


@lru_cache(maxsize=200_000)
def analyse(word: str, lang: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """(folded lemmas, grammemes of all parses) for a Cyrillic word; lang is 'ru' or 'uk'."""
    try:
        parses = _analyzer(lang).parse(word)[:4]
    except ValueError:  # pymorphy3 calls unicodedata.name(), which fails on unnamed characters
        return (), frozenset()
    lemmas = tuple(dict.fromkeys(fold(p.normal_form) for p in parses))
    grams: set[str] = set()
    for p in parses:
        grams.update(p.tag.grammemes)
    return lemmas, frozenset(grams)


def morph_lang(lang: str | None) -> str | None:
    return lang if lang in ("ru", "uk") else None
