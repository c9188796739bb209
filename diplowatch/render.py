"""HTML-safe building blocks for Telegram messages (parse_mode=HTML).

Every string that came from a source goes through :func:`escape` or :func:`link`.
:func:`split_message` cuts a rendered message into parts of at most ``limit`` UTF-16 code
units, each one valid Telegram HTML on its own (allowed tags only, balanced, no broken
entity or surrogate pair); it also repairs whatever it is given, so a rendering bug shows
up as visible ``&lt;`` text rather than as a "can't parse entities" error.
:func:`to_plain` is the plain-text fallback.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

MAX_MESSAGE = 4096  # Telegram's limit for a text message
MAX_URL = 2048
MAX_DEPTH = 8  # deeper formatting is dropped (its text is kept)

_TEXT, _START, _END = 0, 1, 2
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
_ZWJ = "\u200d"


def escape(s: str) -> str:
    """Escape text for use between tags (``&``, ``<``, ``>``)."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attr(s: str) -> str:
    return escape(s).replace('"', "&quot;")


def utf16_len(s: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's limits."""
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def is_safe_url(url: str) -> bool:
    """An absolute http(s) URL with a host, no credentials, no spaces or control characters."""
    if not url or len(url) > MAX_URL or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return False
    if any(ch in url for ch in '<>"\\'):
        return False
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host) and "@" not in parts.netloc


def link(url: str | None, label: str | None = None) -> str:
    """``<a href>`` for a validated http(s) URL; otherwise the (escaped) label alone."""
    text = label if label else (url or "")
    if url and is_safe_url(url):
        return f'<a href="{_escape_attr(url)}">{escape(text)}</a>'
    return escape(text)


@dataclass(slots=True)
class _Tok:
    kind: int
    raw: str  # serialized form, as it goes into the output
    name: str = ""  # tag name; for text tokens the visible character(s)
    attrs: dict[str, str] = field(default_factory=dict)
    units: int = 0
    close_units: int = 0  # for start tags: the length of the matching end tag


def _text(raw: str, visible: str) -> _Tok:
    return _Tok(_TEXT, raw, visible, units=utf16_len(raw))


def _start_tag(name: str, attr_text: str) -> _Tok | None:
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
        raw, attrs = f'<a href="{_escape_attr(href)}">', {"href": href}
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
    return _Tok(_START, raw, name, attrs, utf16_len(raw), len(name) + 3)


def _nesting_ok(name: str, stack: list[_Tok]) -> bool:
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


def _entity(m: re.Match[str]) -> _Tok | None:
    dec, hexa, named = m.groups()
    if named:
        return _text(m.group(0), html.unescape(m.group(0)))
    cp = int(dec) if dec else int(hexa, 16)
    if cp == 0 or cp > 0x10FFFF or 0xD800 <= cp <= 0xDFFF:
        return None
    return _text(m.group(0), chr(cp))


def _tokenize(src: str, problems: list[str] | None = None) -> list[_Tok]:
    """Tokens of valid Telegram HTML; anything else in ``src`` becomes escaped text."""
    tokens: list[_Tok] = []
    stack: list[_Tok] = []
    dropped: list[int] = []  # depth markers of tags dropped for nesting: their end tags go too
    pos, n = 0, len(src)
    while pos < n:
        ch = src[pos]
        tok: _Tok | None = None
        if ch == "<" and (m := _TAG.match(src, pos)):
            closing, name = m.group(1) == "/", m.group(2).lower()
            if name not in ALLOWED_TAGS:
                pass
            elif closing and m.group(3).strip() == "":
                if dropped and dropped[-1] == len(stack):  # the innermost open tag was dropped
                    dropped.pop()
                    pos = m.end()
                    continue
                if stack and stack[-1].name == name:
                    stack.pop()
                    tok = _Tok(_END, f"</{name}>", name, units=len(name) + 3)
            elif not closing and (tok := _start_tag(name, m.group(3))) is not None:
                if not _nesting_ok(name, stack):
                    dropped.append(len(stack))
                    pos = m.end()
                    continue
                stack.append(tok)
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
        tokens.append(_Tok(_END, f"</{tok.name}>", tok.name, units=tok.close_units))
    return tokens


def sanitize(src: str) -> str:
    """``src`` repaired into valid Telegram HTML (invalid markup becomes visible text)."""
    return "".join(t.raw for t in _tokenize(src))


def validate_html(src: str) -> list[str]:
    """Problems Telegram would reject in ``src`` (empty when it is valid); for tests."""
    problems: list[str] = []
    out = "".join(t.raw for t in _tokenize(src, problems))
    if not problems and out != src:
        problems.append("tags or attributes not in Telegram's canonical form")
    return problems


def _is_space(t: _Tok) -> bool:
    return t.kind == _TEXT and t.name.isspace()


def _glues(t: _Tok, prev: _Tok) -> bool:
    """True if a cut between ``prev`` and ``t`` would break a grapheme (emoji ZWJ, marks)."""
    if t.kind != _TEXT or prev.kind != _TEXT:
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
    tokens = _tokenize(src)
    parts: list[str] = []
    i, stack = 0, []
    while i < len(tokens):
        part, i, stack = _take_part(tokens, i, stack, limit)
        if part:
            parts.append(part)
    return parts


def _take_part(
    tokens: list[_Tok], i: int, head: list[tuple[_Tok, bool]], limit: int
) -> tuple[str, int, list[tuple[_Tok, bool]]]:
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
        t.kind == _TEXT and not t.name.isspace() for t in tokens[i:]
    ):  # the rest fits whole: no cut (the slack kept for tags below would cut it needlessly)
        emitted = {k: True for k in range(i, len(tokens)) if tokens[k].kind == _START}
        return _emit(tokens, i, len(tokens), head, emitted)
    stack, emitted = list(head), {}
    first_text, marks = None, [None, None, None]  # after a blank line, a newline, a space
    j = i
    while j < len(tokens):
        t = tokens[j]
        if t.kind == _TEXT:
            if size + t.units + close > limit:
                break
            size += t.units
            if t.name == "\n":
                if j > i and tokens[j - 1].name == "\n":
                    marks[0] = j + 1
                marks[1] = j + 1
            elif t.name.isspace():
                marks[2] = j + 1
            elif first_text is None:
                first_text = j
        elif t.kind == _START:
            fits = size + t.units + close + t.close_units + 16 <= limit
            if not fits and first_text is not None:
                break
            emitted[j] = fits
            stack.append((t, fits))
            if fits:
                size, close = size + t.units, close + t.close_units
        else:
            _, on = stack.pop()
            if on:
                size, close = size + t.units, close - t.close_units
        j += 1
    if first_text is None:  # only whitespace and empty markup left
        return "", len(tokens) if j == len(tokens) else j, stack
    cut = j if j == len(tokens) else _choose_cut(tokens, j, first_text, marks)
    return _emit(tokens, i, cut, head, emitted)


def _choose_cut(tokens: list[_Tok], j: int, first_text: int, marks: list[int | None]) -> int:
    for mark in marks:
        if mark is not None and mark > first_text:
            return mark
    cut = j
    while cut > first_text + 1 and (
        tokens[cut - 1].kind == _START or _glues(tokens[cut], tokens[cut - 1])
    ):
        cut -= 1
    return cut


def _emit(
    tokens: list[_Tok], i: int, cut: int, head: list[tuple[_Tok, bool]], emitted: dict[int, bool]
) -> tuple[str, int, list[tuple[_Tok, bool]]]:
    end = cut
    while end > i and _is_space(tokens[end - 1]):
        end -= 1
    out = [t.raw for t, on in head if on]
    stack = list(head)
    for k in range(i, cut):
        t = tokens[k]
        if t.kind == _START:
            stack.append((t, emitted[k]))
            if emitted[k]:
                out.append(t.raw)
        elif t.kind == _END:
            if stack.pop()[1]:
                out.append(t.raw)
        elif k < end:
            out.append(t.raw)
    out.extend(f"</{t.name}>" for t, on in reversed(stack) if on)
    return "".join(out), cut, stack


def to_plain(src: str) -> str:
    """Visible text of ``src`` without markup; links keep their address in brackets."""
    out: list[str] = []
    links: list[tuple[str, int]] = []
    for t in _tokenize(src):
        if t.kind == _TEXT:
            out.append(t.name)
        elif t.kind == _START and t.name == "a":
            links.append((t.attrs["href"], len(out)))
        elif t.kind == _END and t.name == "a":
            href, at = links.pop()
            label = "".join(out[at:])
            if href not in label:
                out.append(f" ({href})")
    return "".join(out)
