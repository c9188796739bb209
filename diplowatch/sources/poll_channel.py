"""Polling a t.me/s channel page: the newest page, then older pages back to the last post seen.

A channel preview page shows the latest posts only; when the newest stored post is older than
the page's first one, the poll follows the page's "before" link until it reaches it (at most
MAX_CHANNEL_PAGES pages) and merges the pages.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from diplowatch.models import Source, SourceState, Statement
from diplowatch.sources import telegram
from diplowatch.sources.budget import ParseRunner
from diplowatch.sources.fetch import Fetcher, FetchResult
from diplowatch.sources.fetched import Fetched, ttl

log = logging.getLogger(__name__)

MAX_CHANNEL_PAGES = 20


async def poll_telegram(
    fetcher: Fetcher, source: Source, state: SourceState, first: FetchResult, parser: ParseRunner
) -> Fetched:
    pages = [await _parse_channel(first, source, parser)]
    last_id = _last_seen_id(state.last_seen_key, pages[0].channel)
    while (
        last_id is not None and len(pages) < MAX_CHANNEL_PAGES and _needs_older(pages[-1], last_id)
    ):
        older = await _older_page(fetcher, source, pages[-1], parser)
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
        ttl_seconds=ttl(source, first.max_age),
        last_seen_key=f"{pages[0].channel}/{newest}" if newest is not None else state.last_seen_key,
        title=pages[0].title or None,
        notice=pages[0].notice,
    )


async def _parse_channel(
    result: FetchResult, source: Source, parser: ParseRunner
) -> telegram.ParsedChannel:
    return await parser.parse(
        telegram.parse,
        result.body,
        source=source.name,
        base_url=result.url,
        lang=source.lang,
        content_type=result.content_type,
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
    fetcher: Fetcher, source: Source, page: telegram.ParsedChannel, parser: ParseRunner
) -> telegram.ParsedChannel | None:
    if page.before is None:
        return None
    result = await fetcher.get(with_query(source.url, before=str(page.before)))
    older = await _parse_channel(result, source, parser)
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
