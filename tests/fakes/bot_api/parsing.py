"""Telegram's checks on a message's text: HTML entities as the Bot API parses them (written
independently of diplowatch's own HTML code) and lengths in UTF-16 code units."""

from __future__ import annotations

import html
import re

from .protocol import ApiError

_ALLOWED_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    }
)
_TAG = re.compile(r"<(/?)([^\s<>/]*)([^<>]*)>")
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);")


def utf16_len(s: str) -> int:
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def parse_html(text: str) -> str:
    """Telegram's HTML check, written independently of diplowatch.telegram_html; returns the
    visible text or raises ApiError 400 "can't parse entities"."""
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    while pos < len(text):
        ch = text[pos]
        if ch == "<":
            pos = _tag(text, pos, stack)
        elif ch == "&" and (m := _ENTITY.match(text, pos)):
            out.append(_entity(m))
            pos = m.end()
        else:
            out.append(ch)
            pos += 1
    if stack:
        raise _fail(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)


def _fail(reason: str) -> ApiError:
    return ApiError(400, f"Bad Request: can't parse entities: {reason}")


def _tag(text: str, pos: int, stack: list[str]) -> int:
    """Check the tag at ``pos`` against the open ones in ``stack``; the position after it."""
    m = _TAG.match(text, pos)
    if not m or not m.group(2):
        raise _fail(f"Unexpected end of name token at byte offset {pos}")
    name = m.group(2).lower()
    if name not in _ALLOWED_TAGS:
        raise _fail(f'Unsupported start tag "{name}" at byte offset {pos}')
    if m.group(1):
        if not stack or stack[-1] != name:
            raise _fail(
                f'Unmatched end tag at byte offset {pos}, expected "</{stack[-1] if stack else name}>"'
            )
        stack.pop()
    else:
        attrs = m.group(3)
        if name == "a" and "href=" not in attrs:
            raise _fail("Can't find href attribute of a link")
        if name == "span" and "tg-spoiler" not in attrs:
            raise _fail('Tag "span" must have class "tg-spoiler"')
        stack.append(name)
    return m.end()


def _entity(m: re.Match[str]) -> str:
    """What an HTML entity shows: numeric and the four named ones decoded, others kept."""
    ref = m.group(1)
    if ref.startswith("#"):
        return chr(int(ref[2:], 16) if ref[1] in "xX" else int(ref[1:]))
    if ref in ("lt", "gt", "amp", "quot"):
        return html.unescape(m.group(0))
    return m.group(0)
