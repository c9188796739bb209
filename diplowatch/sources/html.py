"""Press-release listing pages and the article pages they link to → statements. Pure.

A listing is read with the source's CSS selectors: ``item`` (required), and within each item
``link``, ``title``, ``date`` and optionally ``summary``. Without ``summary`` (or page fetching)
a statement's text is its title.
"""

from __future__ import annotations

from datetime import datetime

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from diplowatch.models import SourceError, Statement
from diplowatch.sources.dates import parse_date
from diplowatch.sources.identity import assign_keys, http_url
from diplowatch.sources.plaintext import node_text, one_line, parse_html

MAX_ITEMS = 200
MAX_TITLE_CHARS = 1000
_NOISE = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg"
_MAIN = ("article", "main", "[role=main]", "#content", ".content")


def parse_listing(
    data: bytes,
    *,
    source: str,
    base_url: str,
    selectors: dict[str, str],
    lang: str | None = None,
    content_type: str | None = None,
) -> list[Statement]:
    """One statement per ``item`` on the page, in page order."""
    item_selector = (selectors.get("item") or "").strip()
    if not item_selector:
        raise SourceError("html source needs an 'item' selector")
    items = _select(parse_html(data, content_type=content_type), item_selector)
    if not items:
        raise SourceError(f"selector '{item_selector}' matched nothing on the page")
    found = [
        _item(node, selectors, source=source, base_url=base_url, lang=lang)
        for node in items[:MAX_ITEMS]
    ]
    return assign_keys([(None, st) for st in found if st is not None])


def _select(root: LexborHTMLParser | LexborNode, selector: str) -> list[LexborNode]:
    try:
        return list(root.css(selector))
    except (SelectolaxError, ValueError) as exc:
        raise SourceError(f"invalid CSS selector '{selector}'") from exc


def _first(node: LexborNode, selector: str | None) -> LexborNode | None:
    if not selector:
        return None
    found = _select(node, selector)
    return found[0] if found else None


def _item(
    node: LexborNode, selectors: dict[str, str], *, source: str, base_url: str, lang: str | None
) -> Statement | None:
    link_node = _first(node, selectors.get("link")) or _default_link(node)
    url = http_url(link_node.attributes.get("href") if link_node else None, base_url)
    title_node = _first(node, selectors.get("title")) or link_node or node
    title = one_line(node_text(title_node), limit=MAX_TITLE_CHARS)
    if not title and not url:
        return None
    summary = _first(node, selectors.get("summary"))
    return Statement(
        source=source,
        key="",
        url=url,
        title=title,
        text=node_text(summary) if summary is not None else title,
        lang=lang,
        published_at=_date(_first(node, selectors.get("date"))),
    )


def _default_link(node: LexborNode) -> LexborNode | None:
    if node.tag == "a" and node.attributes.get("href"):
        return node
    return node.css_first("a[href]")


def _date(node: LexborNode | None) -> datetime | None:
    if node is None:
        return None
    attrs = node.attributes
    for value in (attrs.get("datetime"), attrs.get("content"), attrs.get("data-date")):
        if found := parse_date(value):
            return found
    return parse_date(node_text(node, limit=200))


def parse_article(data: bytes, *, content_type: str | None = None) -> str:
    """Main text of an article page: <article>/<main>, else the block with most paragraph text."""
    tree = parse_html(data, content_type=content_type)
    for noise in tree.css(_NOISE):
        noise.decompose()
    for selector in _MAIN:
        candidates = tree.css(selector)
        if candidates:
            best = max(candidates, key=lambda n: len(n.text(deep=True)))
            if text := node_text(best):
                return text
    return node_text(_densest_block(tree) or tree.body)


def _densest_block(tree: LexborHTMLParser) -> LexborNode | None:
    """The element whose direct <p> children hold the most text."""
    scores: dict[int, int] = {}
    nodes: dict[int, LexborNode] = {}
    for paragraph in tree.css("p"):
        parent = paragraph.parent
        if parent is None:
            continue
        scores[parent.mem_id] = scores.get(parent.mem_id, 0) + len(paragraph.text(deep=True))
        nodes[parent.mem_id] = parent
    if not scores:
        return None
    return nodes[max(scores, key=scores.__getitem__)]
