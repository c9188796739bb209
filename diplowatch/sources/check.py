"""What a source gives, before anyone trusts it: `diplowatch sources test` and /testsource.

One fetch through the production path (the Fetcher's guards, the parser in its worker and
budget, older channel pages and article pages as a poll would fetch them), then a report: the
kind and charset found, the validators, how many items each selector matched, the first items
as they would be stored, the events the extractor finds in them, and for a failing source the
reason and the fix. Nothing is stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from diplowatch.config import HTML_SELECTORS, ConfigError, source_from_dict
from diplowatch.extract import extract
from diplowatch.models import Event, Source, SourceError, SourceState, Statement, UserError
from diplowatch.sources.budget import POOL_PARSER, ParseRunner
from diplowatch.sources.charset import (
    Choice,
    Decoded,
    bom_charset,
    choose,
    codec_name,
    decode_html,
    header_charset,
    meta_charset,
    xml_charset,
)
from diplowatch.sources.fetch import Fetcher, FetchResult
from diplowatch.sources.html import MAX_ITEMS
from diplowatch.sources.plaintext import parse_html
from diplowatch.sources.poll import read_fetched

SHOWN_ITEMS = 5
PREVIEW_CHARS = 200
TEST_NAME = "test"
# (pattern in a reason, the fix to suggest) for reasons that do not carry their own fix
_FIXES = (
    (r"HTTP 40[14]|HTTP 410", "the address is gone or hidden: open the site in a browser and "
     "copy the current address of the feed or list"),
    (r"HTTP 403|HTTP 451", "the site refuses programs: try its feed address, or ask the site "
     "to allow diplowatch"),
    (r"HTTP 429|HTTP 5\d\d|timed out|connection reset|could not connect",
     "the site is busy, down or slow from here: try again later (polls back off by themselves)"),
    (r"could not resolve", "check the host name in the URL"),
    (r"non-public address", "the address is on a private network: set "
     "DIPLOWATCH_ALLOW_PRIVATE_NETWORKS=1 if that is intended"),
    (r"matched nothing", "open the page, inspect one news item and give a CSS selector that "
     "matches each item (test it with --item)"),
    (r"malformed feed|not an RSS or Atom feed", "check that the URL opens a feed (RSS or Atom "
     "XML); for a web page use --kind html with selectors"),
    (r"larger than", "the document is too big to be a feed or a listing: check the URL"),
    (r"declares XML entities", "ask the publisher to drop the DTD: only character entities "
     'such as <!ENTITY nbsp "&#160;"> are read'),
)


_FORMATS = {"rss090": "RSS 0.90", "rss091n": "RSS 0.91", "rss091u": "RSS 0.91",
            "rss092": "RSS 0.92", "rss093": "RSS 0.93", "rss094": "RSS 0.94", "rss20": "RSS 2.0",
            "rss10": "RSS 1.0 (RDF)", "rss": "RSS", "atom03": "Atom 0.3", "atom10": "Atom 1.0",
            "atom": "Atom", "json1": "JSON Feed 1.0", "json11": "JSON Feed 1.1"}
_KINDS = {"rss": "a feed", "telegram": "a t.me channel preview page",
          "html": "an HTML listing page"}


@dataclass
class CheckedItem:
    statement: Statement
    events: list[Event]

    @property
    def preview(self) -> str:
        text = " ".join(self.statement.text.split())
        return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


@dataclass
class SourceCheck:
    source: Source
    url: str = ""  # after redirects
    format: str = ""  # what the document turned out to be: "RSS 2.0", "Atom 1.0", …
    charset: str = ""  # e.g. "windows-1251 (from the header)"
    etag: str | None = None
    last_modified: str | None = None
    selectors: list[tuple[str, str, int]] = field(default_factory=list)  # key, selector, matched
    items_read: int = 0  # html: the items the selectors are counted in (at most MAX_ITEMS)
    found: int = 0  # statements a poll would store
    items: list[CheckedItem] = field(default_factory=list)  # the first SHOWN_ITEMS
    notice: str = ""
    reason: str = ""  # why it failed; "" when it worked
    fix: str = ""


def source_to_test(
    target: str, *, known: Source | None, kind: str | None = None,
    settings: dict[str, object] | None = None,
) -> Source:
    """The source to test: ``known`` (the source named ``target``) with ``settings`` laid over
    it, or a new source at the URL ``target``. Raises UserError with what to type."""
    settings = {k: v for k, v in (settings or {}).items() if v not in (None, "")}
    if known is None and "://" not in target:
        raise UserError(f"No source named {target!r}. Give a source's name or a URL "
                        "(https://…) to test.")
    if known is not None:
        entry = _entry(known)
    else:
        entry = {"name": TEST_NAME, "url": target, "kind": kind or _guess_kind(target, settings)}
    entry |= settings
    if kind:
        entry["kind"] = kind
    if entry["kind"] != "html":
        entry = {k: v for k, v in entry.items() if k not in (*HTML_SELECTORS, "fetch_pages")}
    try:
        return source_from_dict(entry, where="sources test")
    except ConfigError as exc:
        raise UserError(str(exc)) from None


def _entry(source: Source) -> dict[str, object]:
    entry: dict[str, object] = {"name": source.name, "kind": source.kind, "url": source.url,
                                "fetch_pages": source.fetch_pages, **source.selectors}
    if source.kind != "html":
        entry["title"] = source.title
    entry |= {k: v for k, v in (("lang", source.lang), ("date_order", source.date_order)) if v}
    return entry


def _guess_kind(url: str, settings: dict[str, object]) -> str:
    if "item" in settings:
        return "html"
    return "telegram" if re.search(r"//(?:www\.)?t\.me/s/", url) else "rss"


async def check_source(
    fetcher: Fetcher, source: Source, *, now: datetime, parser: ParseRunner = POOL_PARSER
) -> SourceCheck:
    """Fetch ``source`` once, as a first poll would (no validators sent), and report."""
    check = SourceCheck(source)
    try:
        first = await fetcher.get(source.url)
        check.url, check.etag, check.last_modified = first.url, first.etag, first.last_modified
        check.charset = charset_found(source.kind, first)
        check.selectors = selector_counts(source, first)
        check.items_read = min(max(check.selectors[0][2], 0), MAX_ITEMS) if check.selectors else 0
        fetched = await read_fetched(fetcher, source, SourceState(name=source.name), first,
                                     now=now, parser=parser)
    except SourceError as exc:
        check.reason = str(exc)
        check.fix = fix_for(check.reason)
        return check
    statements = fetched.statements
    if source.kind == "telegram":
        statements = statements[::-1]  # newest first, as feeds and listings come
    check.found, check.notice = len(statements), fetched.notice
    check.format = _FORMATS.get(fetched.format, fetched.format) or _KINDS[source.kind]
    check.items = [CheckedItem(st, _events(st)) for st in statements[:SHOWN_ITEMS]]
    return check


def charset_found(kind: str, result: FetchResult) -> str:
    """The charset the parsers read the document in, and where it came from."""
    places = [("the Content-Type header", header_charset(result.content_type)),
              ("a byte-order mark", bom_charset(result.body)),
              ("the document", (xml_charset if kind == "rss" else meta_charset)(result.body))]
    found: Choice | Decoded
    if kind == "rss":
        found = choose(result.body, declared=[label for _, label in places])
    else:
        found = decode_html(result.body[:65_536], content_type=result.content_type)
    where = next((place for place, label in places
                  if label and codec_name(label) == found.declared), "")
    if found.corrected:
        return f"{found.charset} (detected: the bytes contradict {found.declared} declared " \
               f"in {where})"
    if found.declared:
        return f"{found.charset} (declared in {where})"
    return f"{found.charset} (detected, nothing declared)"


def selector_counts(source: Source, result: FetchResult) -> list[tuple[str, str, int]]:
    """How many elements ``item`` matched and in how many of the first MAX_ITEMS items each
    other selector matched (html sources; an invalid selector counts -1)."""
    if source.kind != "html" or "item" not in source.selectors:
        return []
    tree = parse_html(result.body, content_type=result.content_type)
    items = _matches(tree, source.selectors["item"])
    counts = [("item", source.selectors["item"], len(items) if items is not None else -1)]
    for key in ("link", "title", "date"):
        spec = source.selectors.get(key)
        if spec:
            selector = spec.partition("@")[0].strip() or "*"
            hits = [_matches(node, selector) for node in (items or [])[:MAX_ITEMS]]
            counts.append((key, spec, -1 if None in hits else sum(1 for h in hits if h)))
    return counts


def _matches(root: LexborHTMLParser | LexborNode, selector: str) -> list[LexborNode] | None:
    try:
        return list(root.css(selector))
    except (SelectolaxError, ValueError):
        return None


def _events(statement: Statement) -> list[Event]:
    try:
        return extract(f"{statement.title}\n\n{statement.text}"[:200_000], statement.lang)
    except Exception:  # the report must not fail for an extractor bug; the poll logs those
        return []


def fix_for(reason: str) -> str:
    """What to do about ``reason``; "" when the reason says it itself (after its ': ')."""
    for pattern, fix in _FIXES:
        if re.search(pattern, reason):
            return fix
    if ": " in reason:
        return ""
    return "check the URL in a browser and the source's settings, then test again"
