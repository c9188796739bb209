"""Press-release listing pages and the article pages they link to → statements. Pure.

A listing is read with the source's CSS selectors: ``item`` (required), and within each item
``link``, ``title``, ``date`` and optionally ``summary``. Without ``summary`` (or page fetching)
a statement's text is its title.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from diplowatch.models import SourceError, Statement
from diplowatch.sources.dates import evident_order, parse_date
from diplowatch.sources.identity import assign_keys, http_url
from diplowatch.sources.plaintext import node_text, one_line, parse_html
from diplowatch.sources.stand_ins import capped, explain

MAX_ITEMS = 200
MAX_TITLE_CHARS = 1000
_NOISE = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg"
_MAIN = ("article", "main", "[role=main]", "#content", ".content")
_ARTICLE_DATES = ", ".join(
    [
        'meta[property="article:published_time"]',
        'meta[itemprop="datePublished"]',
        '[itemprop="datePublished"]',
        'meta[name="date"]',
        'meta[name="pubdate"]',
        'meta[name="dc.date"]',
        'meta[name="DC.date.issued"]',
    ]
)


@dataclass
class Listing:
    statements: list[Statement]  # page order
    notice: str = ""  # something the operator should know although the page was read


def parse_listing(data: bytes, **kwargs: Any) -> list[Statement]:
    """The statements of ``read_listing``."""
    return read_listing(data, **kwargs).statements


def read_listing(
    data: bytes,
    *,
    source: str,
    base_url: str,
    selectors: dict[str, str],
    lang: str | None = None,
    content_type: str | None = None,
    date_order: str | None = None,
) -> Listing:
    """One statement per ``item`` on the page, in page order, at most MAX_ITEMS.

    Numeric dates are read in ``date_order``, else in the order the page's dates make evident,
    else day first.
    """
    item_selector = (selectors.get("item") or "").strip()
    if not item_selector:
        raise SourceError("html source needs an 'item' selector")
    found_items = _select(parse_html(data, content_type=content_type), item_selector)
    if not found_items:
        raise SourceError(
            explain(data, content_type=content_type, base_url=base_url, wanted="listing")
            or f"selector '{item_selector}' matched nothing on the page"
        )
    items = found_items[:MAX_ITEMS]
    dates = [_date_values(_first(node, selectors.get("date"))) for node in items]
    order = date_order or evident_order(v for values in dates for v in values)
    found = [
        _item(node, selectors, source=source, base_url=base_url, lang=lang)
        for node in items
    ]
    for statement, values in zip(found, dates, strict=True):
        if statement is not None:
            statement.published_at = _date(values, order=order)
    statements = assign_keys([(None, st) for st in found if st is not None])
    return Listing(statements, notice=capped(len(found_items), MAX_ITEMS, "listing"))


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
    title_match = _first(node, selectors.get("title"))
    link_node, url = _link(node, title_match, selectors.get("link") or "", base_url)
    title = one_line(node_text(title_match or link_node or node), limit=MAX_TITLE_CHARS)
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
    )


def _link(
    node: LexborNode, title_match: LexborNode | None, spec: str, base_url: str
) -> tuple[LexborNode | None, str | None]:
    """The item's link node and URL. ``spec`` is a CSS selector, optionally ``@attribute``
    (``a@href`` is the default; ``@data-url`` reads the item itself). A match inside the title's
    match wins: an item's first anchor is often a tag or category link."""
    selector, _, attribute = spec.partition("@")
    selector, attribute = selector.strip(), attribute.strip() or "href"
    if not selector and spec.strip().startswith("@"):
        return None, http_url(node.attributes.get(attribute), base_url)
    selector = selector or "a[href]"
    scopes = [title_match, node] if title_match is not None else [node]
    for scope in scopes:
        for candidate in _select(scope, selector):
            if url := http_url(candidate.attributes.get(attribute), base_url):
                return candidate, url
    return None, None


def _date_values(node: LexborNode | None) -> list[str]:
    if node is None:
        return []
    attrs = node.attributes
    values = [attrs.get("datetime"), attrs.get("content"), attrs.get("data-date")]
    return [v for v in values if v] + [node_text(node, limit=200)]


def _date(values: list[str], *, order: str | None) -> datetime | None:
    return next((d for v in values if (d := parse_date(v, order=order))), None)


@dataclass
class Article:
    text: str
    published_at: datetime | None


def parse_article_page(
    data: bytes, *, content_type: str | None = None, date_order: str | None = None
) -> Article:
    """An article page's main text and, when the page states it, its publication date."""
    tree = parse_html(data, content_type=content_type)
    published = _date(_article_date_values(tree), order=date_order)
    return Article(text=_main_text(tree), published_at=published)


def _article_date_values(tree: LexborHTMLParser) -> list[str]:
    """Publication dates a page states, most explicit first (meta tags, then <time>)."""
    values = []
    for node in tree.css(_ARTICLE_DATES):
        attrs = node.attributes
        values += [v for v in (attrs.get("content"), attrs.get("datetime")) if v]
    first_time = tree.css_first("article time, main time, time")
    return values + (_date_values(first_time) if first_time is not None else [])


def parse_article(data: bytes, *, content_type: str | None = None) -> str:
    """Main text of an article page: <article>/<main>, else the block with most paragraph text."""
    return _main_text(parse_html(data, content_type=content_type))


def _main_text(tree: LexborHTMLParser) -> str:
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
