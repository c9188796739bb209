"""Sentence splitting and tokenisation with character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import HAN, fold

# Chinese is written without spaces between words: each Han character is a token of its own,
# and names and cue words are matched as sequences of characters ('承 认', '科 索 沃').
_W = rf"[^\W{HAN}]"  # a word character other than a Han character
# A word (letters/digits, inner hyphens and apostrophes kept: "Guinea-Bissau", "невід'ємну",
# "Kosova'yı"), the possessive "'s" (also "'S" in capitals) as its own token, a Han
# character, or one punctuation mark.
_TOKEN = re.compile(rf"'[sS]\b|[{HAN}]|{_W}+(?:[-‐‑]{_W}+|'(?![sS]\b){_W}+)*|[^\w\s]", re.U)
# French/Italian elision: "l'Ukraine", "dell'Ucraina", "qu'il" → article + word.
_ELISION = re.compile(r"^(?:l|d|qu|j|n|s|c|m|t|dell|nell|all|dall|sull|un|quell|dov)'(?=\w)", re.I)
# Chinese and Japanese full stops end a sentence with no space after them; '։' is the
# Armenian full stop.
_BOUNDARY = re.compile(r"(?<=[.!?…؟։])[\"»”')\]]*\s+(?=[\"«“„'(\[-]?\s*[^\W\d_a-zа-я])"
                       r"|(?<=[。！？])[”」』）)]*\s*|\n\s*\n|\n(?=\s*[-•*–—]\s)")
_ABBREV = {"u.s", "u.k", "u.n", "mr", "mrs", "dr", "st", "no", "sept", "jan", "feb", "mar", "apr",
           "jun", "jul", "aug", "oct", "nov", "dec", "gen", "gov", "sen", "rep", "vs", "etc", "e.g",
           "i.e", "jr", "sr", "prof", "ул", "г", "т", "им", "ст", "р", "н", "e.u", "ee.uu", "s.a",
           "pres", "min", "col", "lt", "sgt", "ft", "inc", "ltd", "co", "corp", "approx",
           # 'so-called' before a name: 'тзв. Косово', 'tzw. Kosowo', 'т.н. ДНР', 'sog. …'
           "тзв", "tzv", "tzw", "т.н", "т.зв", "т.нар", "sog", "ე.წ",
           # 'among others', 'for example' before a list: 'm.in. Hiszpania', 'u.a. Spanien'
           "m.in", "np", "u.a", "z.b", "bzw", "inkl", "npr", "tzn", "itd", "т.е", "напр",
           "зокр"}
MAX_SENTENCE_CHARS = 1000


@dataclass(slots=True)
class Token:
    text: str
    f: str  # folded form
    start: int
    end: int


# A number glued to a name by a hyphen: Reuters' 'UPDATE 2-Kenya recognises…'.
_NUMBER_NAME = re.compile(r"\d+[-‐‑](?=[A-Z])")
_NAME_RECOGNISED = re.compile(r"[A-Z][\w']*(?=[-‐‑]recogni[sz]ed\b)")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        word, start = m.group(), m.start() + offset
        if word == "'S":
            word = "'s"  # 'KOSOVO'S': the possessive the rules look for, same length
        glued = _NUMBER_NAME.match(word)
        if glued:
            cut = glued.end() - 1
            tokens.append(Token(word[:cut], fold(word[:cut]), start, start + cut))
            tokens.append(Token(word[cut], word[cut], start + cut, start + cut + 1))
            word, start = word[cut + 1:], start + cut + 1
        compound = _NAME_RECOGNISED.match(word)
        if compound:  # 'Russian-recognised republics': the name is the participle's agent
            cut = compound.end()
            tokens.append(Token(word[:cut], fold(word[:cut]), start, start + cut))
            tokens.append(Token(word[cut], word[cut], start + cut, start + cut + 1))
            word, start = word[cut + 1:], start + cut + 1
        el = _ELISION.match(word)
        if el and el.end() < len(word):
            tokens.append(Token(word[: el.end()], fold(word[: el.end()]), start, start + el.end()))
            word, start = word[el.end():], start + el.end()
        tokens.append(Token(word, fold(word), start, start + len(word)))
    return tokens


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences; long runs without punctuation are cut into pieces."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _is_abbreviation(text, m.start()) or _list_number(text, m.start()):
            continue
        spans.extend(_cut(text, start, m.start()))
        start = m.end()
    spans.extend(_cut(text, start, len(text)))
    return _join_lists(text, [(s, e) for s, e in spans if text[s:e].strip()])


# '1.' at the start of a line numbers a list item, it ends no sentence.
_LIST_NUMBER = re.compile(r"[ \t]*\d{1,2}\.")


def _list_number(text: str, pos: int) -> bool:
    line = max(text.rfind("\n", max(0, pos - 8), pos) + 1, 0)
    if line == 0 and pos > 8:
        return False  # no line start in reach
    return _LIST_NUMBER.fullmatch(text, line, pos) is not None
_LIST_ITEM = re.compile(r"\s*(?:[-•*–—]|\d{1,2}[.)])\s")
_ITEM_CHARS = 120


def _join_lists(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A line ending in a colon and the short list items under it ('The following states
    recognized Kosovo:\n- Costa Rica\n- Albania') are one sentence: the items name the
    subject of the line before them."""
    out: list[tuple[int, int]] = []
    opened = False
    for s, e in spans:
        item = _LIST_ITEM.match(text, s) is not None and e - s <= _ITEM_CHARS
        if out and item and opened and e - out[-1][0] <= MAX_SENTENCE_CHARS:
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
        opened = text[s:e].rstrip().endswith(":")
    return out


def _is_abbreviation(text: str, pos: int) -> bool:
    head = text[max(0, pos - 12): pos].rstrip("\"»”')]")
    if not head.endswith("."):
        return False
    word = re.split(r"[\s(]", head[:-1])[-1].casefold()
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span longer than MAX_SENTENCE_CHARS at line breaks or spaces (bounded work)."""
    out = []
    while end - start > MAX_SENTENCE_CHARS:
        window = text[start: start + MAX_SENTENCE_CHARS]
        cut = max(window.rfind("\n"), window.rfind("; "), window.rfind(", "))
        if cut < MAX_SENTENCE_CHARS // 2:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = MAX_SENTENCE_CHARS
        out.append((start, start + cut))
        start += cut
    out.append((start, end))
    return out
