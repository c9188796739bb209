"""One language's cue entries (tables.py) compiled for fast token tagging: words, prefixes
and phrases ('call on', 'vie* pas') per field, phrases indexed by their first word; and
``tag_tokens``, which marks each token with the fields it belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..normalize import HAN, fold
from .tables import entries


@dataclass
class Lexicon:
    lang: str
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    prefixes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # (field, pattern tuple), longest first
    phrases: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    first_words: frozenset[str] = frozenset()
    # phrases by their first word: exact, and by prefix (a tuple for one startswith call)
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    by_first_prefix: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    first_prefixes: tuple[str, ...] = ()
    _fields: dict[str, frozenset[str]] = field(default_factory=dict)  # word → its fields

    def fields_of(self, word: str) -> frozenset[str]:
        """The fields a single word belongs to (memoised: words repeat across texts)."""
        found = self._fields.get(word)
        if found is None:
            found = frozenset(name for name, words in self.words.items()
                              if word in words or (self.prefixes[name]
                                                   and word.startswith(self.prefixes[name])))
            if len(self._fields) < 200_000:
                self._fields[word] = found
        return found


_ELIDED = re.compile(r"^(\w+')(\w.*)$")


def _split_elision(word: str) -> tuple[str, ...]:
    """"l'instar" → ("l'", "instar"): a phrase is cut as the tokenizer cuts text."""
    m = _ELIDED.match(word)
    return (m.group(1), m.group(2)) if m else (word,)


_HAN = re.compile(f"[{HAN}]")


def _han_phrase(entry: str) -> str:
    """'承认' → '承 认': Chinese text is tokenised one Han character at a time."""
    if not _HAN.search(entry):
        return entry
    return " ".join(ch for ch in entry.rstrip("*") if not ch.isspace())


def _key(word: str) -> str:
    """The lexicon's key of a folded word: Polish 'ł', which has no decomposition (NFD leaves
    it), is 'l' here, as the lexicons write it ('odwołało' → 'odwolalo' matches 'odwol*')."""
    return word.replace("ł", "l") if "ł" in word else word


def _word_match(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


@cache
def get_lexicon(lang: str) -> Lexicon:
    lex = Lexicon(lang)
    phrase_firsts = _add_entries(lex, entries(lang))
    lex.phrases.sort(key=lambda p: -len(p[1]))
    lex.first_words = frozenset(phrase_firsts)
    _index_phrases(lex)
    return lex


def _add_entries(lex: Lexicon, raw: dict[str, tuple[str, ...]]) -> set[str]:
    """Each field's words, prefixes and phrases into ``lex``; the phrases' first words."""
    phrase_firsts = set()
    for name, listed in raw.items():
        words, prefixes = set(), []
        for entry in listed:
            entry = _key(_han_phrase(fold(entry)))
            if " " in entry or _ELIDED.match(entry):
                parts = tuple(p for word in entry.split() for p in _split_elision(word))
                lex.phrases.append((name, parts))
                phrase_firsts.add(parts[0].rstrip("*"))
            elif entry.endswith("*"):
                prefixes.append(entry[:-1])
            else:
                words.add(entry)
        lex.words[name] = frozenset(words)
        lex.prefixes[name] = tuple(prefixes)
    return phrase_firsts


def _index_phrases(lex: Lexicon) -> None:
    """Phrases by their first word, exact or by prefix, for tag_tokens."""
    for name, parts in lex.phrases:
        first = parts[0]
        if first.endswith("*"):
            lex.by_first_prefix.setdefault(first[:-1], []).append((name, parts))
        else:
            lex.by_first.setdefault(first, []).append((name, parts))
    lex.first_prefixes = tuple(lex.by_first_prefix)


def tag_tokens(folded: list[str], lex: Lexicon) -> list[set[str]]:
    """For each token, the set of lexicon fields it belongs to (phrases mark all their words)."""
    folded = [_key(word) for word in folded]
    tags: list[set[str]] = [set(lex.fields_of(word)) for word in folded]
    for i, word in enumerate(folded):
        candidates = lex.by_first.get(word, [])
        if lex.first_prefixes and word.startswith(lex.first_prefixes):
            candidates = candidates + [c for pre, group in lex.by_first_prefix.items()
                                       if word.startswith(pre) for c in group]
        if candidates:
            _tag_phrases(folded, i, sorted(candidates, key=lambda p: -len(p[1])), tags)
    return tags


def _tag_phrases(folded: list[str], i: int, phrases: list[tuple[str, tuple[str, ...]]],
                 tags: list[set[str]]) -> None:
    for name, parts in phrases:
        n = len(parts)
        if i + n <= len(folded) and all(_word_match(p, folded[i + k]) for k, p in enumerate(parts)):
            for k in range(n):
                tags[i + k].add(name)
            tags[i].add(name + "^")  # phrase start marker
