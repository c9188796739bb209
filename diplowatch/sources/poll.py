"""Polling one source: fetch (fetch.py), parse in a budget (budget.py), return statements.

Parsers (rss, telegram, html) are pure; this module and the kinds' pollers (poll_channel.py,
poll_listing.py) do the I/O around them.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from datetime import datetime

from diplowatch.models import Source, SourceError, SourceState
from diplowatch.sources import rss
from diplowatch.sources.budget import POOL_PARSER, ParseRunner
from diplowatch.sources.fetch import Fetcher, FetchResult
from diplowatch.sources.fetched import Fetched, StoredKeys, ttl
from diplowatch.sources.poll_channel import poll_telegram
from diplowatch.sources.poll_listing import PAGES_BUDGET, poll_html


async def fetch_source(
    fetcher: Fetcher,
    source: Source,
    state: SourceState,
    *,
    now: datetime,
    parser: ParseRunner = POOL_PARSER,
    stored: StoredKeys | None = None,
    pages_budget: float = PAGES_BUDGET,
) -> Fetched:
    """Poll ``source`` once. Raises SourceError (or FetchError) with the reason on failure.

    For a fetch_pages listing, ``stored`` leaves out the items already stored (their pages are
    not fetched again), and ``pages_budget`` bounds the time spent on the others' pages.
    ``parser`` runs the parsers (the worker pool unless told otherwise)."""
    if source.kind not in _POLLS:
        raise SourceError(f"unknown source kind {source.kind!r}")
    first = await fetcher.get(source.url, etag=state.etag, last_modified=state.last_modified)
    return await read_fetched(fetcher, source, state, first, now=now, parser=parser,
                              stored=stored, pages_budget=pages_budget)


async def read_fetched(
    fetcher: Fetcher,
    source: Source,
    state: SourceState,
    first: FetchResult,
    *,
    now: datetime,
    parser: ParseRunner = POOL_PARSER,
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
            ttl_seconds=ttl(source, first.max_age),
            last_seen_key=state.last_seen_key,
        )
    poll = _POLLS.get(source.kind)
    if poll is None:
        raise SourceError(f"unknown source kind {source.kind!r}")
    if source.kind == "html":
        poll = functools.partial(poll, stored=stored, budget=pages_budget)
    fetched = await poll(fetcher, source, state, first, parser)
    for statement in fetched.statements:
        statement.fetched_at = now
    return fetched


async def _poll_rss(
    fetcher: Fetcher, source: Source, state: SourceState, first: FetchResult, parser: ParseRunner
) -> Fetched:
    feed = await parser.parse(
        rss.parse,
        first.body,
        source=source.name,
        base_url=first.url,
        lang=source.lang,
        content_type=first.content_type,
        date_order=source.date_order,
    )
    return Fetched(
        not_modified=False,
        etag=first.etag,
        last_modified=first.last_modified,
        statements=feed.statements,
        ttl_seconds=ttl(source, first.max_age, feed.ttl_seconds),
        last_seen_key=state.last_seen_key,
        title=feed.title or None,
        notice=feed.notice,
        format=feed.format,
    )


_POLLS: dict[str, Callable[..., Awaitable[Fetched]]] = {
    "rss": _poll_rss, "telegram": poll_telegram, "html": poll_html,
}
