"""Polling one source: fetch (fetch.py), parse in a budget (budget.py), return statements.

Parsers (rss, telegram, html) are pure; this module does the I/O around them.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from diplowatch.models import Source, SourceError, SourceState, Statement
from diplowatch.sources import html, rss, telegram
from diplowatch.sources.budget import PARSE_TIMEOUT, close_parse_pool, parse_in_budget
from diplowatch.sources.fetch import Fetcher, FetchError, FetchResult, make_client

__all__ = [
    "Fetched",
    "FetchError",
    "FetchResult",
    "Fetcher",
    "close_parse_pool",
    "fetch_source",
    "make_client",
    "parse_in_budget",
    "read_fetched",
]

log = logging.getLogger(__name__)

MAX_CHANNEL_PAGES = 20
MAX_ARTICLES = 30
# Seconds for all the pages one poll of a fetch_pages listing follows (fetch and parse): past
# it the rest keep their listing's title, so a listing of huge pages holds the parser workers,
# which every source shares, for this long at most.
PAGES_BUDGET = 20.0

# The keys of those of a listing's statements that are already stored (their pages were
# fetched when they were new, and are not fetched again).
StoredKeys = Callable[[list[Statement]], Awaitable[set[str]]]


@dataclass
class Fetched:
    not_modified: bool
    statements: list[Statement] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    ttl_seconds: int | None = None  # max(Cache-Control max-age, RSS ttl), ≤ 12 × interval
    last_seen_key: str | None = None  # telegram: "<channel>/<newest post id>"; else unchanged
    title: str | None = None
    notice: str = ""  # e.g. a listing cut at its cap: recorded, though the poll succeeded
    format: str = ""  # feeds: feedparser's name for the format (rss20, atom10, …)


async def fetch_source(
    fetcher: Fetcher,
    source: Source,
    state: SourceState,
    *,
    now: datetime,
    inline_parse: bool = False,
    stored: StoredKeys | None = None,
    pages_budget: float = PAGES_BUDGET,
) -> Fetched:
    """Poll ``source`` once. Raises SourceError (or FetchError) with the reason on failure.

    For a fetch_pages listing, ``stored`` leaves out the items already stored (their pages are
    not fetched again), and ``pages_budget`` bounds the time spent on the others' pages."""
    if source.kind not in _POLLS:
        raise SourceError(f"unknown source kind {source.kind!r}")
    first = await fetcher.get(source.url, etag=state.etag, last_modified=state.last_modified)
    return await read_fetched(fetcher, source, state, first, now=now, inline_parse=inline_parse,
                              stored=stored, pages_budget=pages_budget)


async def read_fetched(
    fetcher: Fetcher,
    source: Source,
    state: SourceState,
    first: FetchResult,
    *,
    now: datetime,
    inline_parse: bool = False,
    stored: StoredKeys | None = None,
    pages_budget: float = PAGES_BUDGET,
) -> Fetched:
    """The statements in ``first``, the response to the source's URL (fetching older channel
    pages or article pages as the poll would). ``sources test`` uses it to show what a poll
    would store."""
    if first.status == 304:
        return Fetched(
            not_modified=True,
            etag=first.etag or state.etag,
            last_modified=first.last_modified or state.last_modified,
            ttl_seconds=_ttl(source, first.max_age),
            last_seen_key=state.last_seen_key,
        )
    poll = _POLLS.get(source.kind)
    if poll is None:
        raise SourceError(f"unknown source kind {source.kind!r}")
    if source.kind == "html":
        poll = functools.partial(poll, stored=stored, budget=pages_budget)
    fetched = await poll(fetcher, source, state, first, inline_parse)
    for statement in fetched.statements:
        statement.fetched_at = now
    return fetched


def _ttl(source: Source, *candidates: int | None) -> int | None:
    known = [c for c in candidates if c is not None and c > 0]
    return min(max(known), source.interval * 12) if known else None


async def _poll_rss(
    fetcher: Fetcher, source: Source, state: SourceState, first: FetchResult, inline: bool
) -> Fetched:
    feed = await parse_in_budget(
        rss.parse,
        first.body,
        source=source.name,
        base_url=first.url,
        lang=source.lang,
        content_type=first.content_type,
        date_order=source.date_order,
        inline=inline,
    )
    return Fetched(
        not_modified=False,
        etag=first.etag,
        last_modified=first.last_modified,
        statements=feed.statements,
        ttl_seconds=_ttl(source, first.max_age, feed.ttl_seconds),
        last_seen_key=state.last_seen_key,
        title=feed.title or None,
        notice=feed.notice,
        format=feed.format,
    )


async def _poll_telegram(
    fetcher: Fetcher, source: Source, state: SourceState, first: FetchResult, inline: bool
) -> Fetched:
    pages = [await _parse_channel(first, source, inline)]
    last_id = _last_seen_id(state.last_seen_key, pages[0].channel)
    while (
        last_id is not None and len(pages) < MAX_CHANNEL_PAGES and _needs_older(pages[-1], last_id)
    ):
        older = await _older_page(fetcher, source, pages[-1], inline)
        if older is None:
            break
        pages.append(older)
    if last_id is not None and _needs_older(pages[-1], last_id):
        log.warning("channel gap source=%s last_seen=%s pages=%d", source.name, last_id, len(pages))
    newest = max((pid for page in pages for pid in page.post_ids), default=None)
    return Fetched(
        not_modified=False,
        etag=first.etag,
        last_modified=first.last_modified,
        statements=_merge_pages(pages),
        ttl_seconds=_ttl(source, first.max_age),
        last_seen_key=f"{pages[0].channel}/{newest}" if newest is not None else state.last_seen_key,
        title=pages[0].title or None,
        notice=pages[0].notice,
    )


async def _parse_channel(
    result: FetchResult, source: Source, inline: bool
) -> telegram.ParsedChannel:
    return await parse_in_budget(
        telegram.parse,
        result.body,
        source=source.name,
        base_url=result.url,
        lang=source.lang,
        content_type=result.content_type,
        inline=inline,
    )


def _last_seen_id(key: str | None, channel: str | None) -> int | None:
    """The post id in a last_seen_key like "pushilin/1234", if it belongs to ``channel``."""
    seen_channel, _, number = (key or "").removeprefix("post:").rpartition("/")
    if not (number.isascii() and number.isdigit()) or (channel and seen_channel.lower() != channel):
        return None
    return int(number)


def _needs_older(page: telegram.ParsedChannel, last_id: int) -> bool:
    return bool(page.post_ids) and page.post_ids[0] > last_id + 1


async def _older_page(
    fetcher: Fetcher, source: Source, page: telegram.ParsedChannel, inline: bool
) -> telegram.ParsedChannel | None:
    if page.before is None:
        return None
    result = await fetcher.get(with_query(source.url, before=str(page.before)))
    older = await _parse_channel(result, source, inline)
    if not older.post_ids or older.post_ids[0] >= page.post_ids[0]:
        return None  # no progress: stop rather than loop
    return older


def _merge_pages(pages: list[telegram.ParsedChannel]) -> list[Statement]:
    """All posts oldest first; a post on two pages keeps its copy from the newer page."""
    merged: dict[str, Statement] = {}
    for page in reversed(pages):
        for statement in page.statements:
            merged[statement.key] = statement
    return sorted(merged.values(), key=lambda st: int(st.key.rpartition("/")[2]))


def with_query(url: str, **params: str) -> str:
    """``url`` with ``params`` set in its query string, other parameters kept."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    return urlunsplit(parts._replace(query=urlencode([*query, *params.items()])))


async def _poll_html(
    fetcher: Fetcher, source: Source, state: SourceState, first: FetchResult, inline: bool,
    *, stored: StoredKeys | None = None, budget: float = PAGES_BUDGET,
) -> Fetched:
    listing = await parse_in_budget(
        html.read_listing,
        first.body,
        source=source.name,
        base_url=first.url,
        selectors=dict(source.selectors),
        lang=source.lang,
        content_type=first.content_type,
        date_order=source.date_order,
        inline=inline,
    )
    statements = listing.statements
    if source.fetch_pages:
        if stored is not None and statements:
            known = await stored(statements)
            statements = [st for st in statements if st.key not in known]
        statements = await _with_articles(fetcher, statements, source, inline, budget)
    return Fetched(
        not_modified=False,
        statements=statements,
        etag=first.etag,
        last_modified=first.last_modified,
        ttl_seconds=_ttl(source, first.max_age),
        last_seen_key=state.last_seen_key,
        notice=listing.notice,
    )


async def _with_articles(
    fetcher: Fetcher, statements: list[Statement], source: Source, inline: bool, budget: float
) -> list[Statement]:
    """The first MAX_ARTICLES statements with their page's text, and its date when the
    listing gave none, as far as ``budget`` seconds allow."""
    head, rest = statements[:MAX_ARTICLES], statements[MAX_ARTICLES:]
    deadline = asyncio.get_running_loop().time() + budget
    pages = await asyncio.gather(
        *(_article(fetcher, st.url, source, inline, deadline) for st in head)
    )
    if (late := sum(page is _LATE for page in pages)):
        log.warning("pages budget spent source=%s budget=%gs pages_left=%d (their titles kept)",
                    source.name, budget, late)
    filled = [_with_article(st, page) for st, page in zip(head, pages, strict=True)]
    return filled + rest


_LATE = object()  # a page the budget ran out for


def _with_article(statement: Statement, page: html.Article | object | None) -> Statement:
    if not isinstance(page, html.Article):
        return statement
    text = page.text or statement.text
    published = statement.published_at or page.published_at
    return replace(statement, text=text, published_at=published, content_hash="")


async def _article(
    fetcher: Fetcher, url: str | None, source: Source, inline: bool, deadline: float
) -> html.Article | object | None:
    """A linked page's text and date; None or _LATE (past ``deadline``, on the loop's clock)
    leave the listing's title as the text. A parse cut by the deadline ends its worker."""
    if not url:
        return None
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(deadline):
            result = await fetcher.get(url)
            return await parse_in_budget(
                html.parse_article_page,
                result.body,
                content_type=result.content_type,
                date_order=source.date_order,
                inline=inline,
                timeout=max(0.1, min(PARSE_TIMEOUT, deadline - loop.time())),
            )
    except TimeoutError:
        return _LATE
    except SourceError as exc:
        log.info("article fetch failed url=%s reason=%s", url, exc)
        return None


_POLLS = {"rss": _poll_rss, "telegram": _poll_telegram, "html": _poll_html}
