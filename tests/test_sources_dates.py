"""Dates as publishers write them: zones, month names, day/month order, dates on article pages."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from diplowatch.config import ConfigError, source_from_dict
from diplowatch.models import Source, SourceState
from diplowatch.sources import build_months, fetch_source, rss
from diplowatch.sources.dates import evident_order, parse_date
from diplowatch.sources.fetch import Fetcher
from tests.fakes.feed_server import FeedServer

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
D = datetime


pytestmark = pytest.mark.usefixtures("parse_pool")  # conftest: the pool shut down after this module




@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wed, 25 Nov 2026 09:15:00 MSK", D(2026, 11, 25, 6, 15, tzinfo=UTC)),
        ("25.11.2026 14:05 (мск)", D(2026, 11, 25, 11, 5, tzinfo=UTC)),
        ("2026-11-25 10:00 EET", D(2026, 11, 25, 8, 0, tzinfo=UTC)),
        ("25.07.2026 10:00 EEST", D(2026, 7, 25, 7, 0, tzinfo=UTC)),
        ("Tue, 24 Nov 2026 09:15:00 CET", D(2026, 11, 24, 8, 15, tzinfo=UTC)),
        ("2026.11.25 10:00 KST", D(2026, 11, 25, 1, 0, tzinfo=UTC)),
        ("25/11/2026 14:05 UTC+3", D(2026, 11, 25, 11, 5, tzinfo=UTC)),
        ("Ср, 25 ноя 2026 09:15:00 +0300", D(2026, 11, 25, 6, 15, tzinfo=UTC)),
        ("25 ноября 2026 г.", D(2026, 11, 25, tzinfo=UTC)),
        ("25 листопада 2026 року", D(2026, 11, 25, tzinfo=UTC)),
        ("25. новембар 2026.", D(2026, 11, 25, tzinfo=UTC)),
        ("25. novembra 2026.", D(2026, 11, 25, tzinfo=UTC)),
        ("25 listopada 2026 r.", D(2026, 11, 25, tzinfo=UTC)),
        ("25. November 2026", D(2026, 11, 25, tzinfo=UTC)),
        ("25 février 2026", D(2026, 2, 25, tzinfo=UTC)),
        ("25 fevrier 2026", D(2026, 2, 25, tzinfo=UTC)),
        ("25 de noviembre de 2026", D(2026, 11, 25, tzinfo=UTC)),
        ("25 de março de 2026", D(2026, 3, 25, tzinfo=UTC)),
        ("1 maggio 2026", D(2026, 5, 1, tzinfo=UTC)),
        ("2026년 11월 25일", D(2026, 11, 25, tzinfo=UTC)),
        ("2026年11月25日", D(2026, 11, 25, tzinfo=UTC)),
        ("Art Gallery, 25 November 2026", D(2026, 11, 25, tzinfo=UTC)),  # "Art" is no zone
        ("November 25, 2026 9:15 PM EST", D(2026, 11, 26, 2, 15, tzinfo=UTC)),
        ("25 Nov 2026 12:30 a.m.", D(2026, 11, 25, 0, 30, tzinfo=UTC)),
    ],
)
def test_zones_and_month_names(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("mdy", D(2026, 9, 1, tzinfo=UTC)),
        ("dmy", D(2026, 1, 9, tzinfo=UTC)),
        (None, D(2026, 1, 9, tzinfo=UTC)),
    ],
)
def test_numeric_dates_follow_the_order(order: str | None, expected: datetime) -> None:
    assert parse_date("09/01/2026", order=order) == expected


def test_evident_order() -> None:
    assert evident_order(["09/01/2026", "11/25/2026"]) == "mdy"
    assert evident_order(["09/01/2026", "25.11.2026"]) == "dmy"
    assert evident_order(["09/01/2026", "10/02/2026"]) is None
    assert evident_order(["13/01/2026", "01/13/2026"]) is None  # contradictory: no guess


def test_date_order_is_validated_in_the_sources_file() -> None:
    entry = {"name": "mfa", "kind": "html", "url": "https://e.org/", "item": "li"}
    assert source_from_dict(entry | {"date_order": "mdy"}, where="x").date_order == "mdy"
    with pytest.raises(ConfigError, match="date_order 'us' must be one of dmy, mdy, ymd"):
        source_from_dict(entry | {"date_order": "us"}, where="x")


def listing(*dates: str) -> bytes:
    rows = "".join(
        f'<div class="views-row"><a href="/n/{i}">News {i}</a><span>{d}</span></div>'
        for i, d in enumerate(dates)
    )
    return f"<html><body>{rows}</body></html>".encode()


def html_source(server: FeedServer, **kw: object) -> Source:
    selectors = {"item": ".views-row", "link": "a", "title": "a", "date": "span"}
    return Source(name="mfa", kind="html", url=server.url("/news"), selectors=selectors, **kw)  # type: ignore[arg-type]


async def poll(fetcher: Fetcher, source: Source) -> list:
    return (await fetch_source(fetcher, source, SourceState(name="mfa"), now=NOW)).statements


async def test_drupal_listing_in_month_first_order(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    feed_server.set_content("/news", listing("09/01/2026", "08/31/2026"), content_type="text/html")
    found = await poll(fetcher, html_source(feed_server))
    assert [st.published_at for st in found] == [
        D(2026, 9, 1, tzinfo=UTC),
        D(2026, 8, 31, tzinfo=UTC),
    ]


async def test_date_order_setting_when_the_listing_does_not_tell(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    feed_server.set_content("/news", listing("09/01/2026", "08/12/2026"), content_type="text/html")
    found = await poll(fetcher, html_source(feed_server, date_order="mdy"))
    assert [st.published_at for st in found] == [
        D(2026, 9, 1, tzinfo=UTC),
        D(2026, 8, 12, tzinfo=UTC),
    ]


async def test_feed_dates_with_zone_names_and_russian_months(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    items = "".join(
        f"<item><guid>{i}</guid><title>Заявление {i}</title><pubDate>{d}</pubDate></item>"
        for i, d in enumerate(
            ["Wed, 25 Nov 2026 09:15:00 MSK", "Вт, 24 ноября 2026 18:00:00 +0300"]
        )
    )
    feed = (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>{items}</channel></rss>'
    )
    feed_server.set_content("/rss", feed.encode(), content_type="application/rss+xml")
    source = Source(name="mfa", kind="rss", url=feed_server.url("/rss"))
    found = await poll(fetcher, source)
    assert [st.published_at for st in found] == [
        D(2026, 11, 25, 6, 15, tzinfo=UTC),
        D(2026, 11, 24, 15, 0, tzinfo=UTC),
    ]


def test_feedparser_dates_still_read_when_ours_cannot() -> None:
    feed = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id>'
        b"<title>t</title><updated>2026-11</updated></entry></feed>"
    )
    [st] = rss.parse(feed, source="s").statements
    assert st.published_at == D(2026, 11, 1, tzinfo=UTC)  # W3DTF year-month: feedparser


ARTICLE = (
    '<html><head><meta property="article:published_time" content="2026-11-24T16:00:00+01:00">'
    "</head><body><article><h1>Саопштење</h1><p>Србија не признаје такозвано Косово.</p>"
    "</article></body></html>"
)


async def test_fetch_pages_takes_the_articles_date_when_the_listing_has_none(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    teaser = '<article class="node--teaser"><a class="link--absolute" href="/vest/1">Саопштење</a></article>'
    feed_server.set_content(
        "/news", f"<html><body>{teaser}</body></html>".encode(), content_type="text/html"
    )
    feed_server.set_content("/vest/1", ARTICLE.encode(), content_type="text/html; charset=utf-8")
    selectors = {
        "item": "article.node--teaser",
        "link": "a.link--absolute",
        "title": "a.link--absolute",
    }
    source = Source(
        name="mfa", kind="html", url=feed_server.url("/news"), selectors=selectors, fetch_pages=True
    )
    [st] = await poll(fetcher, source)
    assert st.published_at == D(2026, 11, 24, 15, 0, tzinfo=UTC)
    assert st.text == "Саопштење\n\nСрбија не признаје такозвано Косово."


def test_packaged_month_names_are_what_babel_gives() -> None:
    pytest.importorskip("babel", reason="babel (a dev dependency) is needed to rebuild months.json")
    assert json.loads(build_months.OUT.read_text("utf-8")) == build_months.month_names()
