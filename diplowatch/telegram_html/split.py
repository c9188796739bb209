"""Cutting a rendered message into parts of at most ``limit`` UTF-16 code units (Telegram's
4096 by default), each one valid Telegram HTML on its own: cuts on paragraph boundaries first,
never inside an entity, a surrogate pair or a grapheme; tags open at a cut are closed and
reopened."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .escaping import MAX_MESSAGE
from .tokens import END, START, TEXT, Tok, tokenize

_ZWJ = "\u200d"


def _is_space(t: Tok) -> bool:
    return t.kind == TEXT and t.name.isspace()


def _glues(t: Tok, prev: Tok) -> bool:
    """True if a cut between ``prev`` and ``t`` would break a grapheme (emoji ZWJ, marks)."""
    if t.kind != TEXT or prev.kind != TEXT:
        return False
    ch = t.name[:1]
    return (
        prev.name.endswith(_ZWJ)
        or ch == _ZWJ
        or "\ufe00" <= ch <= "\ufe0f"
        or "\U0001f3fb" <= ch <= "\U0001f3ff"
        or unicodedata.combining(ch) > 0
    )


def split_message(src: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Cut ``src`` into valid HTML parts of at most ``limit`` UTF-16 units each.

    Cuts at the last paragraph break (blank line) that fits, else the last line break,
    else the last space, else anywhere between graphemes; tags open at a cut are closed
    at the end of the part and reopened at the start of the next. Whitespace around cuts
    is dropped and parts without visible text are left out.
    """
    if limit < 64:
        raise ValueError("limit must be at least 64")
    tokens = tokenize(src)
    parts: list[str] = []
    stack: list[tuple[Tok, bool]] = []  # (start tag, emitted), as _take_part returns it
    i = 0
    while i < len(tokens):
        part, i, stack = _take_part(tokens, i, stack, limit)
        if part:
            parts.append(part)
    return parts


def _take_part(
    tokens: list[Tok], i: int, head: list[tuple[Tok, bool]], limit: int
) -> tuple[str, int, list[tuple[Tok, bool]]]:
    """One part starting at ``tokens[i]`` with the still-open tags ``head`` reopened.

    Stack entries are (start tag, emitted); a tag too long to fit is kept with
    emitted=False: its text stays, its markup goes.
    """
    while i < len(tokens) and _is_space(tokens[i]):
        i += 1
    size = sum(t.units for t, on in head if on)
    close = sum(t.close_units for t, on in head if on)
    if size + close + 16 > limit:  # no room left for text: drop the reopened markup
        head = [(t, False) for t, _ in head]
        size = close = 0
    if size + close + sum(t.units for t in tokens[i:]) <= limit and any(
        t.kind == TEXT and not t.name.isspace() for t in tokens[i:]
    ):  # the rest fits whole: no cut (the slack kept for tags below would cut it needlessly)
        emitted = {k: True for k in range(i, len(tokens)) if tokens[k].kind == START}
        return _emit(tokens, i, len(tokens), head, emitted)
    scan = _scan(tokens, i, head, size, close, limit)
    if scan.first_text is None:  # only whitespace and empty markup left
        return "", len(tokens) if scan.end == len(tokens) else scan.end, scan.stack
    cut = scan.end if scan.end == len(tokens) else _choose_cut(
        tokens, scan.end, scan.first_text, scan.marks)
    return _emit(tokens, i, cut, head, scan.emitted)


@dataclass(slots=True)
class _Scan:
    """How far a part runs from its first token: to ``end`` (exclusive), and where it may be cut."""

    end: int
    stack: list[tuple[Tok, bool]]
    emitted: dict[int, bool] = field(default_factory=dict)
    first_text: int | None = None
    # the last places to cut: after a blank line, a newline, a space
    marks: list[int | None] = field(default_factory=lambda: [None, None, None])


def _scan(tokens: list[Tok], i: int, head: list[tuple[Tok, bool]], size: int, close: int,
          limit: int) -> _Scan:
    """Tokens from ``i`` while they fit in ``limit`` (``size`` used, ``close`` for end tags)."""
    scan, j = _Scan(i, list(head)), i
    while j < len(tokens):
        t = tokens[j]
        if t.kind == TEXT:
            if size + t.units + close > limit:
                break
            size += t.units
            if t.name == "\n":
                if j > i and tokens[j - 1].name == "\n":
                    scan.marks[0] = j + 1
                scan.marks[1] = j + 1
            elif t.name.isspace():
                scan.marks[2] = j + 1
            elif scan.first_text is None:
                scan.first_text = j
        elif t.kind == START:
            fits = size + t.units + close + t.close_units + 16 <= limit
            if not fits and scan.first_text is not None:
                break
            scan.emitted[j] = fits
            scan.stack.append((t, fits))
            if fits:
                size, close = size + t.units, close + t.close_units
        else:
            _, on = scan.stack.pop()
            if on:
                size, close = size + t.units, close - t.close_units
        j += 1
    scan.end = j
    return scan


def _choose_cut(tokens: list[Tok], j: int, first_text: int, marks: list[int | None]) -> int:
    for mark in marks:
        if mark is not None and mark > first_text:
            return mark
    cut = j
    while cut > first_text + 1 and (
        tokens[cut - 1].kind == START or _glues(tokens[cut], tokens[cut - 1])
    ):
        cut -= 1
    return cut


def _emit(
    tokens: list[Tok], i: int, cut: int, head: list[tuple[Tok, bool]], emitted: dict[int, bool]
) -> tuple[str, int, list[tuple[Tok, bool]]]:
    end = cut
    while end > i and _is_space(tokens[end - 1]):
        end -= 1
    out = [t.raw for t, on in head if on]
    stack = list(head)
    for k in range(i, cut):
        t = tokens[k]
        if t.kind == START:
            stack.append((t, emitted[k]))
            if emitted[k]:
                out.append(t.raw)
        elif t.kind == END:
            if stack.pop()[1]:
                out.append(t.raw)
        elif k < end:
            out.append(t.raw)
    out.extend(f"</{t.name}>" for t, on in reversed(stack) if on)
    return "".join(out), cut, stack
