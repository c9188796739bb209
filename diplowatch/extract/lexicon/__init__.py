"""Cue-word lexicons per language, compiled for fast token tagging.

A lexicon field lists words ('not'), prefixes ('recogni*') and phrases ('call on',
'vie* pas'); ``tag_tokens`` marks each token with the fields it belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..normalize import HAN, fold
from .asia_mideast import HEDGES as _AM_HEDGES
from .asia_mideast import LEX as _AM
from .assertion_frames import ADJECTIVAL, CESSATION, CONDITION, EXTRA, FRAMES, INFINITIVES, NOT_YET
from .en import LEX as _EN
from .europe_caucasus import HEDGES as _EC_HEDGES
from .europe_caucasus import LEX as _EC
from .other import LEX as _OTHER
from .role_frames import (
    ANAPHORA,
    APART_FROM,
    CAUSE,
    CLAIMS,
    COPULA,
    EXAMPLE,
    INCLUDING,
    PART_OF,
    STILL,
    SWITCH,
)
from .romance import LEX as _ROMANCE
from .slavic_cyr import LEX as _CYR

RAW: dict[str, dict[str, tuple[str, ...]]] = {**_EN, **_CYR, **_ROMANCE, **_OTHER, **_EC, **_AM}
# Fields every lexicon must define (tests check this).
FIELDS = ("trigger", "trigger_not", "noun", "future", "passive", "by", "neg", "neg_after",
          "modal", "call", "withdraw", "speech", "first_person", "pronoun", "after", "block",
          "gov", "generic", "breaks", "comp", "conj", "other", "indep", "sever", "ties",
          "one_china", "mutual", "anaphor_act")
HEDGES = {"en": ("signal*", "hint*", "counterproductive", "premature", "right away"),
          "ru": ("нельзя", "сигнал*"), "uk": ("не можна", "сигнал*"),
          "de": ("abwartend*",), "es": (), "fr": (), "pt": (), "it": (), "pl": (), "sr": (),
          **_EC_HEDGES, **_AM_HEDGES}


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


def _word_match(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


@cache
def get_lexicon(lang: str) -> Lexicon:
    raw = dict(RAW.get(lang, RAW["en"]))
    raw["hedge"] = HEDGES.get(lang, ())
    known = lang if lang in RAW else "en"
    raw.update(FRAMES.get(known, {}))
    raw.update(INFINITIVES.get(known, {}))
    # The shared frame tables add to what a language's own lexicon lists (the asia_mideast
    # lexicons keep their frames beside their cue words).
    for name, table in (("cease", CESSATION), ("part_of", PART_OF), ("cause", CAUSE),
                        ("not_yet", NOT_YET), ("still", STILL), ("copula", COPULA),
                        ("including", INCLUDING), ("switch", SWITCH), ("cond", CONDITION)):
        raw[name] = tuple(raw.get(name, ())) + table.get(known, ())
    raw["trigger_not"] = tuple(raw.get("trigger_not", ())) + ADJECTIVAL.get(known, ())
    raw["after"] = tuple(raw.get("after", ())) + APART_FROM.get(known, ()) + EXAMPLE.get(known, ())
    raw["other"] = tuple(raw.get("other", ())) + CLAIMS.get(known, ())
    for name, entries in EXTRA.get(known, {}).items():
        raw[name] = tuple(raw.get(name, ())) + entries
    raw["anaphor_act"] = tuple(raw.get("anaphor_act", ())) + ANAPHORA.get(known, ())
    if lang == "tr":  # capitals fold to a dotted i ('TANIDI' → 'tanidi'): both spellings
        raw = {name: tuple(dict.fromkeys(e for entry in entries
                                         for e in (entry, entry.replace("ı", "i"))))
               for name, entries in raw.items()}
    lex = Lexicon(lang)
    phrase_firsts = set()
    for name, entries in raw.items():
        words, prefixes = set(), []
        for entry in entries:
            entry = _han_phrase(fold(entry))
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
    lex.phrases.sort(key=lambda p: -len(p[1]))
    lex.first_words = frozenset(phrase_firsts)
    for name, parts in lex.phrases:
        first = parts[0]
        if first.endswith("*"):
            lex.by_first_prefix.setdefault(first[:-1], []).append((name, parts))
        else:
            lex.by_first.setdefault(first, []).append((name, parts))
    lex.first_prefixes = tuple(lex.by_first_prefix)
    return lex


def tag_tokens(folded: list[str], lex: Lexicon) -> list[set[str]]:
    """For each token, the set of lexicon fields it belongs to (phrases mark all their words)."""
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
