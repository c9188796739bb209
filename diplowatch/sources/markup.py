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
