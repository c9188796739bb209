"""Bad input as the world serves it, through the loopback server and the monitor into SQLite:
anti-bot challenge pages answered 200 OK, pages that are only scripts, an HTML page where the
feed should be, listings of 10,000 items, a feed whose items are all broken but one."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from diplowatch import texts
from diplowatch.models import Source
from diplowatch.scheduler import Monitor
from diplowatch.sources import close_parse_pool, html, make_client, rss
from diplowatch.sources.budget import InlineParser, PoolParser
from diplowatch.sources.fetch import Fetcher
from diplowatch.store import open_db
from diplowatch.store import sources as source_store
from diplowatch.store import statements as statement_store
from tests.fakes.clock import Clock
from tests.fakes.feed_server import FeedServer

T0 = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
HTML = "text/html; charset=utf-8"
CLOUDFLARE = b"""<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="refresh" content="390"></head><body><div class="main-wrapper" role="main">
<h1>mfa.example</h1><h2>Verifying you are human. This may take a few seconds.</h2>
<noscript>Enable JavaScript and cookies to continue</noscript>
<script>(function(){window._cf_chl_opt={cvId: '3',cZone:"mfa.example"};
var a=document.createElement('script');a.src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1';
document.getElementsByTagName('head')[0].appendChild(a);}());</script></div></body></html>"""
DDOS_GUARD = (b"<html><head><title>DDoS-Guard</title></head><body><h1>Checking your browser "
              b"before accessing mid.example</h1><script src='/.well-known/ddos-guard/check'>"
              b"</script></body></html>")
UNKNOWN_WALL = (b"<!doctype html><html><body><h1>One more step</h1><p>Please verify you are "
                b"human to continue.</p><div class='g-recaptcha' data-sitekey='x'></div>"
                b"</body></html>")
SCRIPTS_ONLY = (b'<!DOCTYPE html><html><head><script src="/static/app.3f2a.js"></script></head>'
                b'<body><div id="root"></div><noscript>You need to enable JavaScript to run this '
                b"app.</noscript><script>window.__INITIAL_STATE__={}</script></body></html>")
SELECTORS = {"item": "article", "link": "a", "title": "h3"}


@pytest.fixture
async def monitor(tmp_path, feed_server: FeedServer) -> AsyncIterator[Monitor]:
    db = open_db(tmp_path / "t.db")
    client = make_client(connect_timeout=2, read_timeout=5)
    yield Monitor(db, Fetcher(client, allow_private=True), clock=Clock(T0), parser=InlineParser())
    await client.aclose()
    close_parse_pool()
    db.close()


async def poll(monitor: Monitor, server: FeedServer, kind: str, body: bytes, *,
               content_type: str, **settings: object):
    source = Source(name="s", kind=kind, url=server.url("/src"), **settings)  # type: ignore[arg-type]
    server.set_content("/src", body, content_type=content_type)
    source_store.add_source(monitor.db, source, now=T0)
    outcome = await monitor.poll("s", force=True)
    return outcome, source_store.get_source(monitor.db, "s")[1]


CHALLENGE_FIX = ("it lets browsers through, not programs; ask the site to allow diplowatch's "
                 "address, or use another address for the same statements (a feed, a mirror)")


@pytest.mark.parametrize(
    ("kind", "page", "settings", "said"),
    [
        ("rss", CLOUDFLARE, {}, "an anti-bot challenge page (Cloudflare) instead of the feed"),
        ("html", CLOUDFLARE, {"selectors": SELECTORS},
         "an anti-bot challenge page (Cloudflare) instead of the listing"),
        ("telegram", CLOUDFLARE, {},
         "an anti-bot challenge page (Cloudflare) instead of the channel preview"),
        ("rss", DDOS_GUARD, {}, "an anti-bot challenge page (DDoS-Guard) instead of the feed"),
        ("rss", UNKNOWN_WALL, {}, "an anti-bot challenge page instead of the feed"),
    ],
    ids=["rss-cloudflare", "html-cloudflare", "telegram-cloudflare", "ddos-guard", "captcha"],
)
async def test_a_challenge_page_answered_200_is_a_reason_that_says_so(
    monitor, feed_server, kind, page, settings, said
) -> None:
    outcome, state = await poll(monitor, feed_server, kind, page, content_type=HTML, **settings)
    assert outcome.status == "error"
    assert state.last_error == f"the site answered with {said}: {CHALLENGE_FIX}"
    assert statement_store.count_statements(monitor.db) == 0


@pytest.mark.parametrize(
    ("kind", "settings", "wanted"),
    [("html", {"selectors": SELECTORS}, "listing"), ("rss", {}, "feed"),
     ("telegram", {}, "channel preview")],
)
async def test_a_page_that_is_only_scripts(monitor, feed_server, kind, settings, wanted) -> None:
    outcome, state = await poll(monitor, feed_server, kind, SCRIPTS_ONLY, content_type=HTML,
                                **settings)
    assert outcome.status == "error"
    assert state.last_error == (
        "the page is only scripts: its content is drawn by JavaScript, which diplowatch does not"
        f" run, so there is no {wanted} to read; use the site's feed, or the address the script"
        " loads its news from"
    )


async def test_an_html_page_for_a_feed_names_the_feed_it_links_to(monitor, feed_server) -> None:
    page = (b'<html><head><link rel="alternate" type="application/rss+xml" title="Press"'
            b' href="/press/rss.xml"></head><body><h1>Press releases</h1></body></html>')
    _, state = await poll(monitor, feed_server, "rss", page, content_type=HTML)
    assert state.last_error == ("the address serves an HTML page, not a feed; the page names its"
                                f" feed: {feed_server.url('/press/rss.xml')}")


async def test_an_html_page_for_a_feed_without_a_feed_link(monitor, feed_server) -> None:
    page = b"<!DOCTYPE html><html><body><h1>Ministry</h1><p>Welcome</p></body></html>"
    _, state = await poll(monitor, feed_server, "rss", page, content_type="text/html")
    assert state.last_error == (
        'the address serves an HTML page, not a feed: use the feed\'s address, or kind = "html"'
        " with CSS selectors (check them with: diplowatch sources test)"
    )


def listing(count: int) -> bytes:
    items = "".join(f'<article><h3><a href="/n/{i}">Заявление № {i}</a></h3></article>'
                    for i in range(count))
    return f"<!DOCTYPE html><html><body>{items}</body></html>".encode()


def big_feed(count: int) -> bytes:
    items = "".join(f"<item><guid>g{i}</guid><title>Statement {i}</title></item>"
                    for i in range(count))
    return f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


@pytest.mark.parametrize(
    ("kind", "body", "settings", "kept", "what"),
    [
        ("html", listing(10_000), {"selectors": SELECTORS}, html.MAX_ITEMS, "listing"),
        ("rss", big_feed(10_000), {}, rss.MAX_ENTRIES, "feed"),
        # feedparser parsed every entry before the cap: 60,000 took the whole parse budget
        ("rss", big_feed(60_000), {}, rss.MAX_ENTRIES, "feed"),
    ],
    ids=["html", "rss", "rss-60000"],
)
async def test_ten_thousand_items_are_read_up_to_the_cap_and_the_cap_is_recorded(
    monitor, feed_server, kind, body, settings, kept, what
) -> None:
    monitor.parser = PoolParser()  # the production path: the worker process and its budget
    outcome, state = await poll(monitor, feed_server, kind, body, content_type=HTML, **settings)
    assert (outcome.status, outcome.new) == ("new", kept)
    total = body.count(b"</item>") or body.count(b"</article>")
    notice = (f"the {what} holds {total:,} items; only the first {kept:,} are read each poll"
              " (a cap against runaway pages)")
    assert state.notice == notice
    assert texts.source_health(state, now=T0) == f"ok; note: {notice}"
    source_store.record_success(monitor.db, "s", now=T0, next_poll_at=T0, etag=None,
                                last_modified=None, last_seen_key=None)
    assert source_store.get_source(monitor.db, "s")[1].notice is None  # a good poll clears it


BROKEN_BUT_ONE = [
    b"<item></item>",
    b"<item><title>   </title><link>javascript:alert(1)</link></item>",
    b"<item><guid>divs</guid><description>" + b"&lt;div&gt;" * 20_000 + b"</description></item>",
    b"<item><guid>d</guid><pubDate>32/13/2026 99:99</pubDate><link>ftp://x.example/</link></item>",
    b"<item><title>&#xD800;&#0;\xef\xbf\xbd</title></item>",
    b"<item><title>\x01\x02\x1b[2J\x07</title><guid>controls</guid></item>",
    b"<item><guid>good</guid><title>Ghana withdraws its recognition of the SADR</title>"
    b"<link>https://mfa.example/n/1</link><pubDate>Wed, 25 Nov 2026 10:00:00 MSK</pubDate>"
    b"<description>Accra, 25 November.</description></item>",
    b"<item><title>unterminated",
]


async def test_a_feed_whose_items_are_all_broken_but_one_stores_that_one(
    monitor, feed_server
) -> None:
    body = b'<rss version="2.0"><channel><title>MFA</title>' + b"".join(BROKEN_BUT_ONE)
    outcome, state = await poll(monitor, feed_server, "rss", body,
                                content_type="application/rss+xml")
    assert (outcome.status, state.last_error) == ("new", None)
    stored = {row["key"]: row for row in monitor.db.query("SELECT * FROM statements")}
    good = stored.pop("guid:good")
    assert (good["title"], good["url"], good["text"], good["published_at"]) == (
        "Ghana withdraws its recognition of the SADR", "https://mfa.example/n/1",
        "Accra, 25 November.", "2026-11-25T07:00:00+00:00",
    )
    # the rest hold nothing to read: only "[2J" is left of a title made of control characters
    assert {key: row["title"] for key, row in stored.items()} == {"guid:controls": "[2J"}


async def test_the_same_source_recovers_when_the_feed_comes_back(monitor, feed_server) -> None:
    _, state = await poll(monitor, feed_server, "rss", CLOUDFLARE, content_type=HTML)
    assert state.last_error and state.failing_since == T0
    feed_server.set_content("/src", big_feed(3), content_type="application/rss+xml")
    outcome = await monitor.poll("s", force=True)
    state = source_store.get_source(monitor.db, "s")[1]
    assert (outcome.new, state.last_error, state.failing_since) == (3, None, None)
    assert replace(state, notice=None) == state
