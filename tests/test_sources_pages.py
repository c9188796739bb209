"""fetch_pages against the local feed server: the pages a listing links to are fetched once, for
new items only, and within one budget per poll, so a link farm cannot hold up other sources."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from diplowatch.config import parse_sources
from diplowatch.models import Source, SourceState
from diplowatch.scheduler import Monitor
from diplowatch.sources import fetch_source, html
from diplowatch.sources.budget import PARSE_TIMEOUT, InlineParser
from diplowatch.sources.fetch import Fetcher, make_client
from diplowatch.sources.poll_listing import PAGES_IN_FLIGHT
from diplowatch.store import open_db
from diplowatch.store.sources import sync_sources
from tests.fakes.clock import Clock
from tests.fakes.feed_server import FeedServer

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SELECTORS = {"item": "li.n", "link": "a", "title": "a"}
FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>MFA</title><item>'
        b"<guid>1</guid><title>Ghana recognizes Abkhazia</title></item></channel></rss>")
# about 9 MiB of nested tags (under the 10 MiB cap): some 2 s of parsing per page
HUGE_PAGE = b"<html><body>" + b"<div><span>" * 850_000


pytestmark = pytest.mark.usefixtures("parse_pool")  # conftest: the pool shut down after this module


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    async with make_client(connect_timeout=2.0, read_timeout=10.0) as client:
        yield Fetcher(client, allow_private=True, total_timeout=30.0)


def listing(paths: list[str]) -> bytes:
    items = "".join(f'<li class="n"><a href="{p}">Statement {p}</a></li>' for p in paths)
    return f"<html><body><ul>{items}</ul></body></html>".encode()


async def test_a_link_farm_holds_up_a_healthy_feed_for_its_budget_at_most(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    """Thirty huge pages would keep both parser workers busy for about 30 s; the farm's poll
    stops at its budget, and a feed polled meanwhile waits no longer than that (plus the
    restart of the workers cut short)."""
    paths = [f"/farm/{i}" for i in range(30)]
    feed_server.set_content("/farm/", listing(paths), content_type="text/html")
    for path in paths:
        feed_server.set_content(path, HUGE_PAGE, content_type="text/html")
    feed_server.set_content("/feed.xml", FEED, content_type="application/rss+xml")
    farm = Source("farm", "html", feed_server.url("/farm/"), selectors=SELECTORS,
                  fetch_pages=True)
    # another host name for the same server: the Fetcher's per-host slots are not shared
    healthy = Source("mfa", "rss", f"http://localhost:{feed_server.port}/feed.xml")
    warm = await fetch_source(fetcher, healthy, SourceState("mfa"), now=NOW)  # workers started
    assert [s.title for s in warm.statements] == ["Ghana recognizes Abkhazia"]

    started = time.monotonic()
    farm_poll = asyncio.create_task(
        fetch_source(fetcher, farm, SourceState("farm"), now=NOW, pages_budget=2.0))
    while sum(feed_server.requests[p] for p in paths) < PAGES_IN_FLIGHT:  # workers busy
        await asyncio.sleep(0.01)
    healthy_started = time.monotonic()
    fetched = await fetch_source(fetcher, healthy, SourceState("mfa"), now=NOW)
    healthy_took = time.monotonic() - healthy_started
    farmed = await asyncio.wait_for(farm_poll, 60)
    farm_took = time.monotonic() - started

    assert [s.title for s in fetched.statements] == ["Ghana recognizes Abkhazia"]
    assert healthy_took < 2.0 + 6.0, f"the healthy feed waited {healthy_took:.1f}s"
    assert farm_took < 2.0 + 6.0, f"the farm's poll took {farm_took:.1f}s"
    # every item is kept; those whose page the budget did not reach keep their title as text
    assert len(farmed.statements) == 30
    assert sum(s.text == s.title for s in farmed.statements) >= 25


class GatedParser:
    """Parses in this process; an article page only once ``gate`` is open."""

    def __init__(self) -> None:
        self.gate, self.waiting = asyncio.Event(), 0

    async def parse(self, fn, *args, timeout: float = PARSE_TIMEOUT, **kwargs):
        if fn is html.parse_article_page:
            self.waiting += 1
            await self.gate.wait()
        return fn(*args, **kwargs)


async def test_pages_are_fetched_only_a_few_ahead_of_the_parser(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    """A fetched page waits in memory until a parser takes it: while the parser is held,
    no more than PAGES_IN_FLIGHT of the listing's twelve pages are fetched (before the bound
    all were, thirty 9 MiB pages at once in the memory benchmark); then all are read."""
    paths = [f"/press/{i}" for i in range(12)]
    feed_server.set_content("/press/", listing(paths), content_type="text/html")
    for i, path in enumerate(paths):
        feed_server.set_content(path, article(f"Full text {i}."), content_type="text/html")
    source = Source("press", "html", feed_server.url("/press/"), selectors=SELECTORS,
                    fetch_pages=True)
    parser = GatedParser()
    poll = asyncio.create_task(fetch_source(fetcher, source, SourceState("press"), now=NOW,
                                            parser=parser))
    async with asyncio.timeout(10):
        while parser.waiting < PAGES_IN_FLIGHT:
            await asyncio.sleep(0.01)
    await asyncio.sleep(0.3)  # time enough to fetch the other eight, were they allowed
    assert sum(feed_server.requests[p] for p in paths) == PAGES_IN_FLIGHT
    parser.gate.set()
    fetched = await asyncio.wait_for(poll, 10)
    assert [s.text for s in fetched.statements] == [f"Full text {i}." for i in range(12)]
    assert all(feed_server.requests[p] == 1 for p in paths)


@pytest.fixture
async def monitor(tmp_path, feed_server: FeedServer) -> AsyncIterator[Monitor]:
    toml = (f'[[sources]]\nname = "press"\nkind = "html"\nurl = "{feed_server.url("/press/")}"\n'
            f'item = "li.n"\nlink = "a"\ntitle = "a"\nfetch_pages = true\ninterval = "5m"\n')
    db = open_db(tmp_path / "t.db")
    sync_sources(db, parse_sources(toml, origin="t"), now=NOW)
    async with make_client(connect_timeout=2, read_timeout=2) as client:
        yield Monitor(db, Fetcher(client, allow_private=True), clock=Clock(NOW),
                      parser=InlineParser())
    db.close()


def article(text: str) -> bytes:
    return f"<html><body><article><p>{text}</p></article></body></html>".encode()


async def test_a_second_poll_fetches_only_the_pages_of_new_items(
    feed_server: FeedServer, monitor: Monitor
) -> None:
    for i in (1, 2, 3):
        feed_server.set_content(f"/press/{i}", article(f"Full text {i}."), content_type="text/html")
    feed_server.set_content("/press/", listing(["/press/1", "/press/2"]), content_type="text/html")
    [first] = await monitor.poll_all()
    assert (first.status, first.new) == ("new", 2)
    feed_server.set_content("/press/", listing(["/press/3", "/press/1", "/press/2"]),
                            content_type="text/html")  # a new item on top
    [second] = await monitor.poll_all()
    [third] = await monitor.poll_all()  # the listing unchanged: a 304
    assert (second.status, second.new, third.status) == ("new", 1, "not_modified")
    assert {p: feed_server.requests[f"/press/{p}"] for p in (1, 2, 3)} == {1: 1, 2: 1, 3: 1}
    rows = monitor.db.execute("SELECT url, text FROM statements ORDER BY id").fetchall()
    assert [text for _, text in rows] == ["Full text 1.", "Full text 2.", "Full text 3."]
    assert monitor.db.execute("SELECT count(*) FROM statement_revisions").fetchone()[0] == 0
