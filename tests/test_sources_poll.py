"""fetch_source end to end against the local feed server: rss, telegram paging, html pages."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from diplowatch.models import Source, SourceError, SourceState
from diplowatch.sources import fetch_source
from diplowatch.sources.budget import InlineParser
from diplowatch.sources.fetch import Fetcher
from diplowatch.sources.poll_channel import with_query
from tests.fakes.feed_server import FeedServer

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
DATA = Path(__file__).parent / "data"


pytestmark = pytest.mark.usefixtures("parse_pool")  # conftest: the pool shut down after this module




def rss_source(server: FeedServer, path: str = "/feed.xml", **kwargs: object) -> Source:
    return Source(name="mid", kind="rss", url=server.url(path), lang="ru", **kwargs)  # type: ignore[arg-type]


async def poll(fetcher: Fetcher, source: Source, state: SourceState | None = None, **kw: object):
    return await fetch_source(
        fetcher, source, state or SourceState(name=source.name), now=NOW, **kw
    )


async def test_rss_poll_then_not_modified(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.set_file("/feed.xml", DATA / "feeds" / "rss20_mid_ru.xml")
    source = rss_source(feed_server)
    first = await poll(fetcher, source, parser=InlineParser())
    assert not first.not_modified
    assert len(first.statements) == 4
    assert all(
        st.fetched_at == NOW and st.lang == "ru" and st.source == "mid" for st in first.statements
    )
    assert first.title == "МИД: Новости"
    state = SourceState(name="mid", etag=first.etag, last_modified=first.last_modified)
    second = await poll(fetcher, source, state, parser=InlineParser())
    assert second.not_modified and second.statements == []
    assert (second.etag, second.last_modified) == (first.etag, first.last_modified)
    assert feed_server.conditional["/feed.xml"] == 1


@pytest.mark.parametrize(
    ("cache_control", "interval", "ttl"),
    [
        ("max-age=600", 300, 3600),  # RSS <ttl>60</ttl> wins
        ("max-age=7200", 3600, 7200),  # max-age wins
        ("max-age=600", 60, 720),  # capped at 12 × interval
        (None, 600, 3600),
    ],
)
async def test_ttl_from_max_age_and_rss_ttl(
    feed_server: FeedServer, fetcher: Fetcher, cache_control: str | None, interval: int, ttl: int
) -> None:
    headers = {"Cache-Control": cache_control} if cache_control else {}
    feed_server.set_file("/feed.xml", DATA / "feeds" / "rss20_mid_ru.xml", headers=headers)
    fetched = await poll(fetcher, rss_source(feed_server, interval=interval), parser=InlineParser())
    assert fetched.ttl_seconds == ttl


async def test_ttl_unknown(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.set_file("/feed.xml", DATA / "feeds" / "rss10_mzs_uk.xml")
    assert (await poll(fetcher, rss_source(feed_server), parser=InlineParser())).ttl_seconds is None


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<rss version='2.0'><channel><title>x</title><<<</channel>", r"^malformed feed: "),
        (
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss>&b;</rss>',
            r"^feed declares XML entities \(refused\): ",
        ),
        (
            b'<!DOCTYPE r [<!ENTITY x "'
            + b"x" * 100_000
            + b'">]><rss>'
            + b"&x;" * 10_000
            + b"</rss>",
            r"^feed declares XML entities \(refused\): ",
        ),
    ],
    ids=["malformed", "billion-laughs", "quadratic-blowup"],
)
async def test_bad_feeds_in_the_worker(
    feed_server: FeedServer, fetcher: Fetcher, body: bytes, reason: str
) -> None:
    feed_server.set_content("/feed.xml", body)
    with pytest.raises(SourceError, match=reason):
        await poll(fetcher, rss_source(feed_server))


async def test_a_feed_with_character_entities_is_polled(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    feed_server.set_content(
        "/feed.xml",
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY nbsp "&#160;">]><rss version="2.0">'
        b"<channel><title>T</title><item><title>\xd0\x9c\xd0\x98\xd0\x94&nbsp;"
        b"\xd0\xa0\xd0\xbe\xd1\x81\xd1\x81\xd0\xb8\xd0\xb8</title><guid>g</guid></item>"
        b"</channel></rss>",
        content_type="application/rss+xml; charset=utf-8",
    )
    fetched = await poll(fetcher, rss_source(feed_server))  # in the worker process
    assert [st.title for st in fetched.statements] == ["МИД России"]


async def test_huge_author_parses_within_the_budget(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    author = b"<author>" + b"a" * 30_000 + b"</author>"
    item = b"<item><title>Statement</title>" + author + b"<guid>g1</guid></item>"
    feed_server.set_content(
        "/feed.xml", b'<rss version="2.0"><channel><title>T</title>' + item + b"</channel></rss>"
    )
    fetched = await poll(fetcher, rss_source(feed_server))  # worker process, default time budget
    assert [st.key for st in fetched.statements] == ["guid:g1"]


async def test_unknown_kind(fetcher: Fetcher) -> None:
    with pytest.raises(SourceError, match="unknown source kind 'gopher'"):
        await poll(fetcher, Source(name="x", kind="gopher", url="http://127.0.0.1:9/"))


# -- telegram ------------------------------------------------------------------------------


def channel_source(server: FeedServer, path: str = "/s/chan") -> Source:
    return Source(name="chan", kind="telegram", url=server.url(path), lang="ru")


async def test_first_telegram_poll_reads_one_page(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    posts = {i: f"Сообщение {i}" for i in range(1, 51)}
    feed_server.set_channel("/s/chan", "chan", posts)
    fetched = await poll(fetcher, channel_source(feed_server), parser=InlineParser())
    assert [st.key for st in fetched.statements] == [f"post:chan/{i}" for i in range(31, 51)]
    assert fetched.last_seen_key == "chan/50"
    assert feed_server.requests["/s/chan"] == 1


async def test_burst_of_45_posts_is_paged_back_without_loss(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    posts = {i: f"Сообщение {i}" for i in range(1, 21)}
    feed_server.set_channel("/s/chan", "chan", posts)
    source = channel_source(feed_server)
    first = await poll(fetcher, source, parser=InlineParser())
    assert first.last_seen_key == "chan/20"
    posts.update({i: f"Срочное сообщение {i}" for i in range(21, 66)})
    feed_server.reset_counters()
    second = await poll(
        fetcher,
        source,
        SourceState(name="chan", last_seen_key=first.last_seen_key),
        parser=InlineParser(),
    )
    ids = [int(st.key.rpartition("/")[2]) for st in second.statements]
    assert set(range(21, 66)) <= set(ids)
    assert ids == sorted(ids)
    assert second.last_seen_key == "chan/65"
    assert [hit.query for hit in feed_server.hits] == ["", "before=46", "before=26"]


async def test_paging_keeps_the_existing_query(feed_server: FeedServer, fetcher: Fetcher) -> None:
    posts = {i: f"p{i}" for i in range(1, 61)}
    feed_server.set_channel("/s/chan", "chan", posts)
    source = channel_source(feed_server, "/s/chan?embed=1")
    await poll(
        fetcher, source, SourceState(name="chan", last_seen_key="chan/30"), parser=InlineParser()
    )
    assert [hit.query for hit in feed_server.hits] == ["embed=1", "embed=1&before=41"]


async def test_paging_stops_at_the_page_cap(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.set_channel("/s/chan", "chan", {i: f"p{i}" for i in range(1, 1001)}, page_size=5)
    fetched = await poll(
        fetcher,
        channel_source(feed_server),
        SourceState(name="chan", last_seen_key="chan/2"),
        parser=InlineParser(),
    )
    assert feed_server.requests["/s/chan"] == 20
    assert len(fetched.statements) == 100
    assert fetched.last_seen_key == "chan/1000"


async def test_last_seen_of_another_channel_is_a_first_poll(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    feed_server.set_channel("/s/chan", "chan", {i: f"p{i}" for i in range(1, 61)})
    state = SourceState(name="chan", last_seen_key="renamed/3")
    await poll(fetcher, channel_source(feed_server), state, parser=InlineParser())
    assert feed_server.requests["/s/chan"] == 1


async def test_no_paging_request_when_the_page_has_no_more_link(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    # a young channel: posts 1-4 were deleted, its whole history fits on one page
    feed_server.set_channel("/s/chan", "chan", {i: f"p{i}" for i in range(5, 12)})
    state = SourceState(name="chan", last_seen_key="chan/2")
    fetched = await poll(fetcher, channel_source(feed_server), state, parser=InlineParser())
    assert [hit.query for hit in feed_server.hits] == [""]
    assert fetched.last_seen_key == "chan/11"


async def test_channel_without_preview(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.set_file("/s/closed", DATA / "telegram" / "no_preview.html")
    with pytest.raises(SourceError, match="^channel @closed_channel_example has no public web "):
        await poll(fetcher, channel_source(feed_server, "/s/closed"))


def test_with_query() -> None:
    assert with_query("https://t.me/s/chan", before="5") == "https://t.me/s/chan?before=5"
    assert (
        with_query("https://m.example/s/chan?a=1&before=9", before="5")
        == "https://m.example/s/chan?a=1&before=5"
    )


# -- html ----------------------------------------------------------------------------------

LISTING = """<html><body><ul>
<li class="n"><a href="/press/1">Заявление первое</a><time datetime="2026-11-25">25.11.2026</time></li>
<li class="n"><a href="/press/2">Заявление второе</a></li>
<li class="n"><a href="/press/3">Заявление третье</a></li>
</ul></body></html>""".encode()
SELECTORS = {"item": "li.n", "link": "a", "title": "a", "date": "time"}


def html_source(server: FeedServer, **kwargs: object) -> Source:
    return Source(
        name="press", kind="html", url=server.url("/press/"), selectors=SELECTORS, **kwargs
    )  # type: ignore[arg-type]


async def test_html_listing_with_article_pages(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.set_content("/press/", LISTING, content_type="text/html")
    feed_server.set_content(
        "/press/1",
        "<article><p>Полный текст первого заявления.</p></article>".encode(),
        content_type="text/html",
    )
    feed_server.set_content(
        "/press/2", "<main><p>Полный текст второго.</p></main>".encode(), content_type="text/html"
    )
    feed_server.set_fault("/press/3", status=500)
    fetched = await poll(fetcher, html_source(feed_server, fetch_pages=True))
    texts = [st.text for st in fetched.statements]
    assert texts == ["Полный текст первого заявления.", "Полный текст второго.", "Заявление третье"]
    listing_only = await poll(fetcher, html_source(feed_server), parser=InlineParser())
    assert fetched.statements[0].key == listing_only.statements[0].key
    assert fetched.statements[0].content_hash != listing_only.statements[0].content_hash
    assert fetched.statements[0].published_at == datetime(2026, 11, 25, tzinfo=UTC)


async def test_html_selector_matching_nothing(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.set_content(
        "/press/", b"<html><body><p>Redesigned</p></body></html>", content_type="text/html"
    )
    with pytest.raises(SourceError, match=r"^selector 'li\.n' matched nothing on the page$"):
        await poll(fetcher, html_source(feed_server), parser=InlineParser())
