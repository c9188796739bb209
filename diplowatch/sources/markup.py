"""Caps on markup before lexbor sees it. Pure, one linear pass.

lexbor's tree building is quadratic in nesting depth: 20,000 unclosed ``<div>`` take a second,
200,000 (1 MB) take minutes, and one such RSS description used to sink its whole feed. Tags that
would open deeper than ``MAX_DEPTH`` are dropped (their text stays, in place), and past
``MAX_TAGS`` kept tags the rest of the markup loses its tags altogether: text is kept, structure is
not, which is the most a reader of such a document can expect anyway.
"""

from __future__ import annotations

import re

MAX_DEPTH = 256
MAX_TAGS = 100_000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
_ANY_TAG = re.compile(r"<[/!?]?[A-Za-z][^<>]*>")
VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()  # noqa: SIM905
)
# Elements a new sibling of the same name closes implicitly (HTML's optional end tags).
_SELF_CLOSING_SIBLINGS = frozenset("p li dt dd tr td th option".split())  # noqa: SIM905


def cap_markup(markup: str, *, max_depth: int = MAX_DEPTH, max_tags: int = MAX_TAGS) -> str:
    """``markup`` unchanged when within the caps, else flattened past them (see module doc)."""
    if markup.count("<") <= max_depth:
        return markup  # too few tags to be too deep or too many
    pieces: list[str] = []
    stack: list[str] = []
    dropped: dict[str, int] = {}
    pos = kept = 0
    for tag in _TAG.finditer(markup):
        if kept >= max_tags:
            pieces.append(markup[pos : tag.start()])
            pieces.append(_ANY_TAG.sub(" ", markup[tag.start() :]))
            return "".join(pieces)
        keep = _keep(tag[1] == "/", tag[2].lower(), bool(tag[3]), stack, dropped, max_depth)
        pieces.append(markup[pos : tag.start()] if keep else markup[pos : tag.start()] + " ")
        if keep:
            pieces.append(tag[0])
            kept += 1
        pos = tag.end()
    pieces.append(markup[pos:])
    return "".join(pieces)


def _keep(
    closing: bool, name: str, self_closed: bool, stack: list[str], dropped: dict[str, int], cap: int
) -> bool:
    """Whether one tag is kept; keeps ``stack`` (open elements) and ``dropped`` up to date."""
    if name in VOID or self_closed:
        return True
    if closing:
        if dropped.get(name):
            dropped[name] -= 1
            return False
        if name in stack:  # closes what is open inside it too, as the HTML parser does
            while stack.pop() != name:
                pass
        return True
    if stack and name in _SELF_CLOSING_SIBLINGS and stack[-1] == name:
        stack.pop()
    if len(stack) >= cap:
        dropped[name] = dropped.get(name, 0) + 1
        return False
    stack.append(name)
    return True


# Numeric character references a parser cannot turn into a character: surrogates (some CMSs
# write an emoji as the UTF-16 pair '&#55357;&#56832;'), code points past U+10FFFF, numbers
# too long for C, and controls XML forbids. One such reference made feedparser fail on the
# whole feed, on every poll.
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9A-Fa-f]{1,40})|([0-9]{1,40}));")
_REPLACEMENT = b"&#xFFFD;"


def repair_char_refs(data: bytes) -> bytes:
    """``data`` with every numeric character reference made valid: a surrogate pair becomes
    the one character it encodes, anything else unusable becomes U+FFFD. Linear, bytes in
    and out (references are ASCII in every charset a feed may use)."""
    if b"&#" not in data:
        return data
    out: list[bytes] = []
    last = 0
    pending: re.Match[bytes] | None = None  # a high surrogate waiting for its low half
    for m in _CHAR_REF.finditer(data):
        value = _ref_value(m)
        if pending is not None:
            adjacent = pending.end() == m.start()
            out.append(data[last:pending.start()])
            if adjacent and 0xDC00 <= value <= 0xDFFF:
                high = _ref_value(pending)
                code = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
                out.append(b"&#x%X;" % code)
                last, pending = m.end(), None
                continue
            out.append(_REPLACEMENT)
            last, pending = pending.end(), None
        if 0xD800 <= value <= 0xDBFF:
            pending = m
            continue
        if not _usable(value):
            out.append(data[last:m.start()])
            out.append(_REPLACEMENT)
            last = m.end()
    if pending is not None:
        out.append(data[last:pending.start()])
        out.append(_REPLACEMENT)
        last = pending.end()
    out.append(data[last:])
    return b"".join(out)


def _ref_value(m: re.Match[bytes]) -> int:
    digits = m.group(1) or m.group(2)
    if len(digits) > 8:
        return -1  # '&#99999999999;': past any code point, and past C's int
    return int(digits, 16) if m.group(1) else int(digits)


def _usable(value: int) -> bool:
    """A code point XML 1.0 allows: tab, newline, return, and U+0020 up, no surrogates,
    U+FFFE/U+FFFF, nothing past U+10FFFF."""
    if value in (0x9, 0xA, 0xD):
        return True
    return (0x20 <= value < 0xD800 or 0xE000 <= value <= 0xFFFD
            or 0x10000 <= value <= 0x10FFFF)
