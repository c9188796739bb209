"""Polling an HTML listing page, and for ``fetch_pages`` sources the pages its items link to.

An article page gives its item the page's text (and its date when the listing gave none);
all the pages of one poll share a time budget (PAGES_BUDGET), past which the rest keep their
listing's title as their text.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from diplowatch.models import Source, SourceError, SourceState, Statement
from diplowatch.sources import html
from diplowatch.sources.budget import PARSE_TIMEOUT, ParseRunner
from diplowatch.sources.fetch import Fetcher, FetchResult
from diplowatch.sources.fetched import Fetched, StoredKeys, ttl

log = logging.getLogger(__name__)

MAX_ARTICLES = 30
# Seconds for all the pages one poll of a fetch_pages listing follows (fetch and parse): past
# it the rest keep their listing's title, so a listing of huge pages holds the parser workers,
# which every source shares, for this long at most.
PAGES_BUDGET = 20.0
# Linked pages of one poll fetched or parsed at a time. A fetched page waits in memory for a
# parser worker (there are 2): thirty 9 MiB pages fetched at once held some 270 MiB in the
# main process (docs/benchmarks.md); with this bound at most 4 are held.
PAGES_IN_FLIGHT = 4


async def poll_html(
    fetcher: Fetcher, source: Source, state: SourceState, first: FetchResult, parser: ParseRunner,
    *, stored: StoredKeys | None = None, budget: float = PAGES_BUDGET,
) -> Fetched:
    listing = await parser.parse(
        html.read_listing,
        first.body,
        source=source.name,
        base_url=first.url,
        selectors=dict(source.selectors),
        lang=source.lang,
        content_type=first.content_type,
        date_order=source.date_order,
    )
    statements = listing.statements
    if source.fetch_pages:
        if stored is not None and statements:
            known = await stored(statements)
            statements = [st for st in statements if st.key not in known]
        statements = await _with_articles(fetcher, statements, source, parser, budget)
    return Fetched(
        not_modified=False,
        statements=statements,
        etag=first.etag,
        last_modified=first.last_modified,
        ttl_seconds=ttl(source, first.max_age),
        last_seen_key=state.last_seen_key,
        notice=listing.notice,
    )


async def _with_articles(
    fetcher: Fetcher, statements: list[Statement], source: Source, parser: ParseRunner,
    budget: float,
) -> list[Statement]:
    """The first MAX_ARTICLES statements with their page's text, and its date when the
    listing gave none, as far as ``budget`` seconds allow."""
    head, rest = statements[:MAX_ARTICLES], statements[MAX_ARTICLES:]
    deadline = asyncio.get_running_loop().time() + budget
    in_flight = asyncio.Semaphore(PAGES_IN_FLIGHT)

    async def bounded(url: str | None) -> html.Article | object | None:
        async with in_flight:
            return await _article(fetcher, url, source, parser, deadline)

    pages = await asyncio.gather(*(bounded(st.url) for st in head))
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
    fetcher: Fetcher, url: str | None, source: Source, parser: ParseRunner, deadline: float
) -> html.Article | object | None:
    """A linked page's text and date; None or _LATE (past ``deadline``, on the loop's clock)
    leave the listing's title as the text. A parse cut by the deadline ends its worker."""
    if not url:
        return None
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(deadline):
            result = await fetcher.get(url)
            return await parser.parse(
                html.parse_article_page,
                result.body,
                content_type=result.content_type,
                date_order=source.date_order,
                timeout=max(0.1, min(PARSE_TIMEOUT, deadline - loop.time())),
            )
    except TimeoutError:
        return _LATE
    except SourceError as exc:
        log.info("article fetch failed url=%s reason=%s", url, exc)
        return None
