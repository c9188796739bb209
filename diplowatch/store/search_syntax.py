"""The search syntax people type → a safe FTS5 query.

Words must all occur; "a phrase" in quotes must occur as it is; ``a OR b`` takes either (OR
binds the two words beside it, as in web search: ``recognition Kosovo OR Abkhazia`` is
recognition AND (Kosovo OR Abkhazia)); ``-word`` or ``-"a phrase"`` leaves statements out;
``word*`` is a prefix. Anything else is refused with a message that says what to type.

Only double-quoted strings of word characters and our own operators reach FTS5, so nothing a
user types is read as FTS5 syntax (column filters, NEAR, ^, a stray quote).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..models import N_, UserError

MAX_TERMS = 8  # words in one search (each part of a hyphenated word or a phrase counts)
MAX_PREFIXES = 1  # words ending in *: each costs far more than a word (see docs/benchmarks.md)
MIN_PREFIX = 3  # letters before a *
PREFIX_INDEX = 6  # the longest prefix with an index of its own (migration m013)

QUOTES = "\"“”„«»"  # phones turn " into curly quotes
_TOKEN = re.compile(
    rf"(?P<minus>-+)?(?:[{QUOTES}](?P<phrase>[^{QUOTES}]*)(?P<close>[{QUOTES}])?(?P<star>\*)?"
    rf"|(?P<word>[\w*'’-]+))|(?P<bracket>[()\[\]{{}}])"
)


class SearchRefused(UserError):
    """A search past the cost limits, in a syntax we do not take, or over its time budget;
    the message says why."""


@dataclass(frozen=True)
class _Term:
    fts: str  # a double-quoted FTS5 string, maybe with a trailing *
    tokens: int
    prefix: bool
    negative: bool
    cut: str = ""  # a long prefix (past PREFIX_INDEX letters): fts with it cut to that length
    long_prefix: str = ""  # that prefix whole


@dataclass(frozen=True)
class Query:
    """A search as FTS5 reads it. With a prefix longer than PREFIX_INDEX letters, FTS5 would
    merge the row lists of every word it begins (a very common word: ~90 ms at a million
    statements); ``cut`` is the same query with that prefix cut to PREFIX_INDEX letters, which
    has its own index, and ``prefix`` the whole prefix, which the rows of ``cut`` must show
    (statements.search keeps only those)."""

    fts: str
    cut: str = ""
    prefix: str = ""


def fts_query(words: str) -> str:
    """User words → an FTS5 query ("" when there is no word to look for)."""
    return parse_query(words).fts


def parse_query(words: str) -> Query:
    """User words → the FTS5 query (``fts`` "" when there is no word to look for), and for a
    long prefix its cut form (see Query).

    Raises SearchRefused for a syntax error (unclosed quote, brackets, a misplaced OR, only
    exclusions) and past the cost limits (MAX_TERMS, MAX_PREFIXES, MIN_PREFIX): a prefix of one
    letter, or twenty of them, makes FTS5 merge the row lists of most of its words.
    """
    groups = _groups(words)
    terms = [t for group in groups for t in group]
    tokens, prefixes = sum(t.tokens for t in terms), sum(t.prefix for t in terms)
    if tokens > MAX_TERMS:
        raise SearchRefused(N_("Too many words ({n}): a search takes at most {max}. Leave out "
                               "the common ones."), n=tokens, max=MAX_TERMS)
    if prefixes > MAX_PREFIXES:
        raise SearchRefused(N_("Only {max} word of a search may end in * (this one has {n})."),
                            max=MAX_PREFIXES, n=prefixes)
    if any(t.long_prefix for g in groups if len(g) > 1 for t in g):
        raise SearchRefused(N_("A word ending in * cannot be one side of an OR when it has more "
                               "than {max} letters: shorten it, or search for each side alone."),
                            max=PREFIX_INDEX)
    long = next((t for t in terms if t.long_prefix), None)
    if groups and all(g[0].negative for g in groups):
        raise SearchRefused(N_("Add a word to look for: -word only leaves statements out "
                               "(e.g. /search recognition Kosovo OR Abkhazia -Serbia)."))
    if long is None:
        return Query(_combine(groups, lambda t: t.fts))
    return Query(_combine(groups, lambda t: t.fts), _combine(groups, lambda t: t.cut or t.fts),
                 long.long_prefix)


def _combine(groups: list[list[_Term]], fts: Callable[[_Term], str]) -> str:
    query = " AND ".join(_either_fts([fts(t) for t in g]) for g in groups if not g[0].negative)
    unwanted = [fts(g[0]) for g in groups if g[0].negative]
    return f"({query}) NOT {_either_fts(unwanted)}" if unwanted else query


def _groups(words: str) -> list[list[_Term]]:
    """The terms of a search, ANDed groups of ORed alternatives."""
    groups: list[list[_Term]] = []
    join = False  # an OR is waiting for its right-hand word
    for match in _TOKEN.finditer(words):
        word = match["word"]
        if match["bracket"]:
            raise SearchRefused(N_("Brackets are not part of the search syntax: type the words, "
                                   "OR between alternatives, -word to leave one out (e.g. "
                                   "/search recognition Kosovo OR Abkhazia -Serbia)."))
        if word in ("NEAR", "NOT") and not match["minus"]:
            raise SearchRefused(_OPERATOR_HINTS[word])
        if word in ("OR", "AND") and not match["minus"]:
            if join or (word == "OR" and not groups):
                raise SearchRefused(_OR_BETWEEN)
            join = word == "OR"  # AND is what a search does anyway
            continue
        term = _term(match)
        if term is None:
            continue
        if join:
            if term.negative or groups[-1][-1].negative:
                raise SearchRefused(N_("-word cannot be one side of an OR, e.g. /search "
                                       "recognition Kosovo OR Abkhazia -Serbia."))
            groups[-1].append(term)
            join = False
        else:
            groups.append([term])
    if join:
        raise SearchRefused(_OR_BETWEEN)
    return groups


_OR_BETWEEN = N_("OR goes between two words, e.g. /search recognition Kosovo OR Abkhazia "
                 "-Serbia.")
_OPERATOR_HINTS = {
    "NEAR": N_("NEAR is not part of the search syntax: put the words in quotes to find them "
               "side by side, e.g. /search \"recognition of Kosovo\"."),
    "NOT": N_("To leave a word out, put a minus before it: -word (e.g. /search recognition "
              "Kosovo OR Abkhazia -Serbia)."),
}


def _term(match: re.Match) -> _Term | None:
    negative = bool(match["minus"])
    if match["word"] is not None:
        raw = match["word"]
        prefix = raw.endswith("*")
        text = raw.strip("*'’-").replace("*", "")
        shown = f"{text}*"
    else:
        if match["close"] is None:
            raise SearchRefused(N_("A quote is not closed: end the phrase with a quote too, e.g. "
                                   "/search \"recognition of Kosovo\"."))
        prefix, text = bool(match["star"]), match["phrase"]
        shown = f"\"{text.strip()}\"*"
    parts = re.findall(r"\w+", text)
    if not parts:
        return None
    if prefix and len(parts[-1]) < MIN_PREFIX:
        raise SearchRefused(N_("“{prefix}” is too short a prefix: put at least {min} letters "
                               "before the *."), prefix=shown, min=MIN_PREFIX)
    if prefix and negative:
        raise SearchRefused(N_("A word left out with - cannot end in *: type it whole."))
    # A word keeps its apostrophes and hyphens (the tokenizer splits there as it does for
    # the text); a phrase is its words. Neither holds a double quote, so both are safe.
    body = text if match["word"] is not None else " ".join(parts)
    term = _Term(f'"{body}"' + ("*" if prefix else ""), len(parts), prefix, negative)
    if prefix and len(parts[-1]) > PREFIX_INDEX:  # body ends with its last word
        cut = body[:len(body) - len(parts[-1]) + PREFIX_INDEX]
        return replace(term, cut=f'"{cut}"*', long_prefix=parts[-1])
    return term


def _either_fts(alternatives: list[str]) -> str:
    return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"


MARKS = ("\ue000", "\ue001")  # around the words FTS5 matched (private-use characters)
_MARKED = re.compile(f"{MARKS[0]}(.*?){MARKS[1]}", re.S)
_WORD = re.compile(r"[^\W_]+")  # a token as FTS5's unicode61 reads it: letters and digits


def fold(word: str) -> str:
    """A word as FTS5's tokenizer compares it (remove_diacritics 2): case and accents gone."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def prefix_test(prefix: str) -> Callable[[str], bool]:
    """For text marked by FTS5's highlight() with MARKS: does a marked word begin with
    ``prefix`` (compared as FTS5 compares words)?"""
    folded = fold(prefix)

    def shows(marked: str) -> bool:
        return any(fold(word).startswith(folded)
                   for span in _MARKED.findall(marked or "") for word in _WORD.findall(span))

    return shows
