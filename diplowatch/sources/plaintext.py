"""HTML → plain text, shared by the feed, channel and page parsers. Pure."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from diplowatch.sources.charset import decode_html
from diplowatch.sources.markup import cap_markup, repair_char_refs

MAX_HTML_CHARS = 2_000_000  # input cap before parsing
MAX_TEXT_CHARS = 100_000  # output cap

# Block elements: their start and end break the text, a paragraph break (blank line) for
# PARAGRAPH_TAGS, a line break for LINE_TAGS, a space for WORD_TAGS (table cells: lists of
# states come in tables, and "<td>Абхазия</td><td>Южная Осетия</td>" must not glue the names).
# Breaks next to each other merge (the strongest wins), so nested blocks do not pile up blank
# lines; <br> always adds a line break.
PARAGRAPH_TAGS = frozenset(
    "address article aside blockquote dl figure footer h1 h2 h3 h4 h5 h6 header hr main nav "  # noqa: SIM905
    "ol p pre section table ul".split()
)
LINE_TAGS = frozenset("caption dd div dt figcaption li tr".split())  # noqa: SIM905
WORD_TAGS = frozenset(("td", "th"))
# Tags that never break a line: a fragment made only of these (inside at most one <p> around
# everything, the usual RSS description) has the text lexbor gives in C, spaces collapsed.
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strike strong "  # noqa: SIM905
    "sub sup time tt u var".split()
)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)|<[!?]")
SKIP_TAGS = frozenset("script style noscript template head svg iframe object button".split())  # noqa: SIM905
_SPACES = re.compile(r"[^\S\n]+")
# C0 (but tab and newlines), DEL and C1: not text, and an ESC sequence in a title would reach
# terminals and chats (XML forbids most of them; feedparser's loose parser lets them through)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
_WHITESPACE = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n{3,}")
Part = str | int  # text, or the strength of a block break (1 word, 2 line, 3 paragraph)
_BREAKS = {1: " ", 2: "\n", 3: "\n\n"}


def node_text(node: LexborNode | None, *, limit: int = MAX_TEXT_CHARS) -> str:
    """Visible text of ``node``: <br> and block elements become line breaks.

    Walks the tree with an explicit stack, so deeply nested markup cannot exhaust recursion.
    """
    if node is None:
        return ""
    parts: list[Part] = []
    size = 0
    stack: list[LexborNode | int] = [node]
    while stack and size < limit * 2:
        item = stack.pop()
        if isinstance(item, int):
            parts.append(item)
            continue
        piece = _visit(item, stack)
        parts.append(piece)
        size += len(piece) if isinstance(piece, str) else 0
    return tidy(_join(parts), limit=limit)


def _visit(node: LexborNode, stack: list[LexborNode | int]) -> Part:
    """What ``node`` itself contributes; pushes its children (in order) on ``stack``."""
    tag = node.tag or ""
    if tag == "-text":
        return _WHITESPACE.sub(" ", node.text_content or "")
    if tag == "br":
        return "\n"
    if tag in SKIP_TAGS or tag.startswith("-"):
        return ""
    strength = _strength(tag)
    if strength:
        stack.append(strength)
    stack.extend(reversed(list(node.iter(include_text=True))))
    return strength


def _strength(tag: str) -> int:
    if tag in PARAGRAPH_TAGS:
        return 3
    return 2 if tag in LINE_TAGS else 1 if tag in WORD_TAGS else 0


def _join(parts: list[Part]) -> str:
    out: list[str] = []
    pending = 0
    for part in parts:
        if isinstance(part, int):
            pending = max(pending, part)
        elif pending and not part.strip(" "):
            continue  # spaces between blocks mean nothing
        else:
            if pending and out:
                out.append(_BREAKS[pending])
            pending = 0
            out.append(part)
    return "".join(out)


def tidy(text: str, *, limit: int = MAX_TEXT_CHARS) -> str:
    """Collapse spaces, strip each line, keep at most one blank line in a row, cap length."""
    text = _CONTROLS.sub(" ", text.replace("\r", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    joined = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    return joined[:limit].rstrip()


def one_line(text: str, *, limit: int = 1000) -> str:
    """``text`` on one line with spaces collapsed, capped."""
    return " ".join(_CONTROLS.sub(" ", text[: limit * 4]).split())[:limit].rstrip()


def html_to_text(markup: str, *, limit: int = MAX_TEXT_CHARS) -> str:
    """Plain text of an HTML fragment (an RSS description, an Atom content element)."""
    if not markup or not markup.strip():
        return ""
    if "<" not in markup and "&" not in markup:
        return tidy(" ".join(markup.split()), limit=limit)
    markup = cap_markup(markup[:MAX_HTML_CHARS])
    tree = LexborHTMLParser(markup)
    if _one_paragraph(markup.strip()) and tree.body is not None:
        return " ".join(tree.body.text(deep=True, separator="").split())[:limit].rstrip()
    return node_text(tree.body, limit=limit)


def _one_paragraph(markup: str) -> bool:
    """True when ``markup`` has no line structure for node_text to find: inline tags only,
    within at most one <p> that opens it (and may close it). Anything else, including text
    that merely looks like a tag, takes the general path."""
    for tag in _TAG_NAME.finditer(markup):
        closing, name = tag[1], (tag[2] or "").lower()
        if name in INLINE_TAGS:
            continue
        at_edge = tag.end() == len(markup) - 1 if closing else tag.start() == 0
        if name != "p" or not at_edge or not markup.endswith(">"):
            return False
    return True


def parse_html(data: bytes, *, content_type: str | None = None) -> LexborHTMLParser:
    """Parse a whole page in the charset charset.decode_html finds, nesting capped."""
    page = decode_html(repair_char_refs(data), content_type=content_type).text
    return LexborHTMLParser(cap_markup(page))
