"""Telegram HTML as tokens: the tokenizer accepts only what Telegram does (allowed tags,
balanced, its nesting rules, no broken entity) and turns anything else into escaped text.
:func:`sanitize` repairs a message with it, so a rendering bug shows up as visible ``&lt;``
text rather than as a "can't parse entities" error; :func:`validate_html` lists the problems
(for tests); :func:`to_plain` is the plain-text fallback."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .escaping import MAX_URL, escape, escape_attr, utf16_len

MAX_DEPTH = 8  # deeper formatting is dropped (its text is kept)

TEXT, START, END = 0, 1, 2
_NO_ATTRS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "pre"}
)
ALLOWED_TAGS = _NO_ATTRS | {"span", "a", "code", "blockquote", "tg-emoji"}

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^<>]*)?)>")
_ATTR = re.compile(
    r"""\s*([A-Za-z][A-Za-z0-9-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
)
_ENTITY = re.compile(r"&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));")
_LANG = re.compile(r"language-[A-Za-z0-9_+#.-]{1,40}")


@dataclass(slots=True)
class Tok:
    kind: int
    raw: str  # serialized form, as it goes into the output
    name: str = ""  # tag name; for text tokens the visible character(s)
    attrs: dict[str, str] = field(default_factory=dict)
    units: int = 0
    close_units: int = 0  # for start tags: the length of the matching end tag


def _text(raw: str, visible: str) -> Tok:
    return Tok(TEXT, raw, visible, units=utf16_len(raw))


def _start_tag(name: str, attr_text: str) -> Tok | None:
    """The normalized start tag, or None if Telegram would reject it."""
    attrs: dict[str, str] = {}
    pos = 0
    while pos < len(attr_text):
        m = _ATTR.match(attr_text, pos)
        if not m or m.end() == pos:
            if attr_text[pos:].strip():
                return None
            break
        value = next((v for v in m.group(2, 3, 4) if v is not None), "")
        attrs[m.group(1).lower()] = html.unescape(value)
        pos = m.end()
    if name in _NO_ATTRS:
        raw = f"<{name}>"
    elif name == "a":
        href = attrs.get("href", "")
        if not href or len(href) > MAX_URL or any(ord(ch) < 32 for ch in href):
            return None
        raw, attrs = f'<a href="{escape_attr(href)}">', {"href": href}
    elif name == "span":
        if attrs.get("class") != "tg-spoiler":
            return None
        raw = '<span class="tg-spoiler">'
    elif name == "code":
        lang = attrs.get("class", "")
        raw = f'<code class="{lang}">' if _LANG.fullmatch(lang) else "<code>"
    elif name == "blockquote":
        raw = "<blockquote expandable>" if "expandable" in attrs else "<blockquote>"
    else:  # tg-emoji
        emoji_id = attrs.get("emoji-id", "")
        if not emoji_id.isdigit() or not emoji_id.isascii():
            return None
        raw = f'<tg-emoji emoji-id="{emoji_id}">'
    return Tok(START, raw, name, attrs, utf16_len(raw), len(name) + 3)


def _nesting_ok(name: str, stack: list[Tok]) -> bool:
    """Telegram's nesting rules: nothing inside code; only <code> directly inside <pre>;
    no blockquote or link inside another one."""
    if len(stack) >= MAX_DEPTH:
        return False
    if stack and stack[-1].name == "pre":
        return name == "code"
    names = {t.name for t in stack}
    if "code" in names or (name in ("blockquote", "a") and name in names):
        return False
    return not (name == "pre" and "pre" in names)


def _entity(m: re.Match[str]) -> Tok | None:
    dec, hexa, named = m.groups()
    if named:
        return _text(m.group(0), html.unescape(m.group(0)))
    cp = int(dec) if dec else int(hexa, 16)
    if cp == 0 or cp > 0x10FFFF or 0xD800 <= cp <= 0xDFFF:
        return None
    return _text(m.group(0), chr(cp))


def tokenize(src: str, problems: list[str] | None = None) -> list[Tok]:
    """Tokens of valid Telegram HTML; anything else in ``src`` becomes escaped text."""
    tokens: list[Tok] = []
    stack: list[Tok] = []
    dropped: list[int] = []  # depth markers of tags dropped for nesting: their end tags go too
    pos, n = 0, len(src)
    while pos < n:
        ch = src[pos]
        if ch == "<" and (m := _TAG.match(src, pos)):
            consumed, tok = _tag(m, stack, dropped)
            if consumed:
                if tok is not None:
                    tokens.append(tok)
                pos = m.end()
                continue
        if ch == "&" and (m := _ENTITY.match(src, pos)) and (tok := _entity(m)):
            tokens.append(tok)
            pos = m.end()
            continue
        if ch in "<>&":
            if problems is not None:
                problems.append(f"unescaped or invalid {ch!r} at {pos}")
            tokens.append(_text(escape(ch), ch))
        else:
            tokens.append(_text(ch, ch))
        pos += 1
    if problems is not None and (stack or dropped):
        problems.append("unclosed or badly nested tags")
    for tok in reversed(stack):
        tokens.append(Tok(END, f"</{tok.name}>", tok.name, units=tok.close_units))
    return tokens


def _tag(m: re.Match[str], stack: list[Tok], dropped: list[int]) -> tuple[bool, Tok | None]:
    """What a tag-shaped match is: (consumed, token). Consumed without a token: a tag dropped
    for its nesting, or the end tag of one. Not consumed: it is text (escaped by the caller)."""
    closing, name = m.group(1) == "/", m.group(2).lower()
    if name not in ALLOWED_TAGS:
        return False, None
    if closing:
        if m.group(3).strip() != "":
            return False, None
        if dropped and dropped[-1] == len(stack):  # the innermost open tag was dropped
            dropped.pop()
            return True, None
        if stack and stack[-1].name == name:
            stack.pop()
            return True, Tok(END, f"</{name}>", name, units=len(name) + 3)
        return False, None
    tok = _start_tag(name, m.group(3))
    if tok is None:
        return False, None
    if not _nesting_ok(name, stack):
        dropped.append(len(stack))
        return True, None
    stack.append(tok)
    return True, tok


def sanitize(src: str) -> str:
    """``src`` repaired into valid Telegram HTML (invalid markup becomes visible text)."""
    return "".join(t.raw for t in tokenize(src))


def validate_html(src: str) -> list[str]:
    """Problems Telegram would reject in ``src`` (empty when it is valid); for tests."""
    problems: list[str] = []
    out = "".join(t.raw for t in tokenize(src, problems))
    if not problems and out != src:
        problems.append("tags or attributes not in Telegram's canonical form")
    return problems


def to_plain(src: str) -> str:
    """Visible text of ``src`` without markup; links keep their address in brackets."""
    out: list[str] = []
    links: list[tuple[str, int]] = []
    for t in tokenize(src):
        if t.kind == TEXT:
            out.append(t.name)
        elif t.kind == START and t.name == "a":
            links.append((t.attrs["href"], len(out)))
        elif t.kind == END and t.name == "a":
            href, at = links.pop()
            label = "".join(out[at:])
            if href not in label:
                out.append(f" ({href})")
    return "".join(out)
