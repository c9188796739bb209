"""`diplowatch sources test` and /testsource: one fetch through the production path against
the loopback feed server, the report, the CLI as a process, and the admin command through a
real PTB Application and the fake Bot API. Nothing is stored."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from telegram import Update
from telegram.ext import Application

from diplowatch import handlers, texts
from diplowatch.config import Settings, parse_sources
from diplowatch.extract import extract
from diplowatch.handlers import core
from diplowatch.handlers.core import Deps
from diplowatch.models import Source, UserError
from diplowatch.sources import close_parse_pool, make_client
from diplowatch.sources.check import check_source, source_to_test
from diplowatch.sources.fetch import Fetcher
from diplowatch.store import open_db
from diplowatch.store import statements as statement_store
from diplowatch.store.sources import sync_sources
from diplowatch.telegram_html import escape
from tests.fakes.bot_api import FakeBotAPI
from tests.fakes.feed_server import DEFAULT_LAST_MODIFIED, FeedServer

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
ADMIN, USER = 1001, 2002
ROOT = Path(__file__).resolve().parents[1]
LISTING = """<html><head><title>Саопштења</title></head><body>
<article class="node--teaser"><a class="tag" href="/tag/kosovo">Косово</a>
<h3><a class="link--absolute" href="/vesti/2">North Korea recognizes the independence of the
Donetsk People's Republic</a></h3><time datetime="2026-11-25T10:00:00+03:00">25.11.2026.</time>
</article>
<article class="node--teaser"><h3><a class="link--absolute" href="/vesti/1">Министар примио
амбасадора</a></h3></article>
<article class="node--teaser"><h3>Без везе</h3></article>
</body></html>""".encode("windows-1251", "replace")
# the extractor's own figure, so that a change of its calibration does not change this test
CONFIDENCE = extract("North Korea recognizes the independence of the Donetsk People's Republic"
                     )[0].confidence
EVENT = f"events: North Korea recognize Donetsk People's Republic ({CONFIDENCE:.2f})"
SELECTORS = {"item": "article.node--teaser", "link": "a.link--absolute", "title": "h3",
             "date": "time"}


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    async with make_client(connect_timeout=2, read_timeout=5) as client:
        yield Fetcher(client, allow_private=True)
    close_parse_pool()


def serve_listing(server: FeedServer) -> str:
    server.set_content("/vesti", LISTING, content_type="text/html; charset=windows-1251")
    return server.url("/vesti")


async def test_a_listing_report_shows_what_a_poll_would_store(feed_server, fetcher) -> None:
    url = serve_listing(feed_server)
    source = source_to_test(url, known=None, settings=SELECTORS)
    check = await check_source(fetcher, source, now=NOW)
    etag = feed_server.resources["/vesti"].etag
    assert texts.source_check(check).split("\n") == [
        f"Testing test (html) {url}",
        "Found: an HTML listing page",
        "Charset: cp1251 (declared in the Content-Type header)",
        f"Validators: ETag {etag}, Last-Modified {DEFAULT_LAST_MODIFIED}",
        "Selector item 'article.node--teaser': 3 element(s)",
        "Selector link 'a.link--absolute': in 2 of 3 item(s)",
        "Selector title 'h3': in 3 of 3 item(s)",
        "Selector date 'time': in 1 of 3 item(s)",
        "Items a poll would store: 3",
        "1. 2026-11-25 07:00 UTC — North Korea recognizes the independence of the Donetsk"
        " People's Republic",
        "   North Korea recognizes the independence of the Donetsk People's Republic",
        f"   {feed_server.url('/vesti/2')}",
        f"   {EVENT}",
        "2. no date — Министар примио амбасадора",
        "   Министар примио амбасадора",
        f"   {feed_server.url('/vesti/1')}",
        "   events: none",
        "3. no date — Без везе",
        "   Без везе",
        "   (no link: keyed by its content)",
        "   events: none",
        "Nothing was stored.",
    ]
    assert feed_server.requests["/vesti"] == 1 and feed_server.conditional["/vesti"] == 0


async def test_a_long_listing_shows_five_items_and_the_cap(feed_server, fetcher) -> None:
    items = "".join(f'<li><a href="/n/{i}">Statement {i}</a></li>' for i in range(250))
    feed_server.set_content("/l", f"<ul>{items}</ul>".encode(), content_type="text/html")
    source = source_to_test(feed_server.url("/l"), known=None, settings={"item": "li"})
    report = texts.source_check(await check_source(fetcher, source, now=NOW))
    assert "Selector item 'li': 250 element(s), the first 200 read" in report
    assert "Items a poll would store: 200 (the first 5)" in report
    assert report.count("   events: ") == 5
    assert "Note: the listing holds 250 items; only the first 200 are read each poll" in report


async def test_a_channel_shows_its_newest_posts_first(feed_server, fetcher) -> None:
    feed_server.set_channel("/s/chan", "chan", {i: f"Пост {i}" for i in range(1, 9)})
    source = source_to_test(feed_server.url("/s/chan"), known=None, kind="telegram")
    check = await check_source(fetcher, source, now=NOW)
    assert [item.statement.title for item in check.items] == [f"Пост {i}" for i in (8, 7, 6, 5, 4)]
    assert (check.found, check.charset, check.selectors) == (8, "utf-8 (declared in the Content-Type header)", [])
    assert check.format == "a t.me channel preview page"


@pytest.mark.parametrize(
    ("fault", "reason", "fix"),
    [
        ({"status": 404}, "HTTP 404 Not Found from 127.0.0.1",
         "the address is gone or hidden: open the site in a browser and copy the current address"
         " of the feed or list"),
        ({"status": 503, "retry_after": "60"},
         "HTTP 503 Service Unavailable from 127.0.0.1 (retry after 60s)",
         "the site is busy, down or slow from here: try again later (polls back off by"
         " themselves)"),
    ],
    ids=["404", "503"],
)
async def test_a_failing_source_gives_the_reason_and_the_fix(
    feed_server, fetcher, fault, reason, fix
) -> None:
    feed_server.set_fault("/feed", **fault)
    check = await check_source(fetcher, Source("x", "rss", feed_server.url("/feed")), now=NOW)
    assert texts.source_check(check).split("\n")[-2:] == [f"FAILED: {reason}", f"Fix: {fix}"]


async def test_a_reason_that_carries_its_fix_gets_no_other(feed_server, fetcher) -> None:
    feed_server.set_content("/sel", b"<html><body><p>News</p></body></html>",
                            content_type="text/html")
    source = Source("x", "html", feed_server.url("/sel"), selectors={"item": ".news"})
    report = texts.source_check(await check_source(fetcher, source, now=NOW)).split("\n")
    assert report[-3:] == [
        "Selector item '.news': 0 element(s)",
        "FAILED: selector '.news' matched nothing on the page",
        "Fix: open the page, inspect one news item and give a CSS selector that matches each item"
        " (test it with --item)",
    ]


def test_which_source_is_tested() -> None:
    known = Source("mfa", "html", "https://mfa.example/press", selectors=dict(SELECTORS),
                   lang="sr")
    tested = source_to_test("mfa", known=known, settings={"item": "div.news", "link": None})
    assert (tested.name, tested.url, tested.lang) == ("mfa", known.url, "sr")
    assert tested.selectors == {**SELECTORS, "item": "div.news"}
    assert source_to_test("https://t.me/s/mfa_russia", known=None).kind == "telegram"
    assert source_to_test("https://mfa.example/rss", known=None).kind == "rss"
    assert source_to_test("https://mfa.example/", known=None, settings={"item": "li"}).kind \
        == "html"
    with pytest.raises(UserError, match=r"^No source named 'nope'\. Give a source's name or a URL"):
        source_to_test("nope", known=None)
    with pytest.raises(UserError, match="needs an 'item' CSS selector"):
        source_to_test("https://mfa.example/", known=None, kind="html")


# ---- the command, as a process ---------------------------------------------------------------

async def run_cli(*args: str, tmp_path: Path, sources: str = "") -> tuple[int, str, str]:
    (tmp_path / "sources.toml").write_text(sources, "utf-8")
    env = {**os.environ, "DIPLOWATCH_DB": str(tmp_path / "d.db"),
           "DIPLOWATCH_SOURCES": str(tmp_path / "sources.toml"),
           "DIPLOWATCH_ALLOW_PRIVATE_NETWORKS": "1"}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "diplowatch", "sources", "test", *args, cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), timeout=120)
    return process.returncode, out.decode(), err.decode()


async def test_the_cli_tests_a_url_with_selectors_and_creates_no_database(
    feed_server, tmp_path
) -> None:
    url = serve_listing(feed_server)
    code, out, err = await run_cli(url, "--item", "article", "--link", "a.link--absolute",
                                   "--title-selector", "h3", "--date", "time", tmp_path=tmp_path)
    assert (code, err) == (0, "")
    assert "Selector date 'time': in 1 of 3 item(s)" in out
    assert f"   {EVENT}" in out
    assert not (tmp_path / "d.db").exists()


async def test_the_cli_tests_a_named_source_and_fails_with_status_1(feed_server, tmp_path) -> None:
    sources = (f'[[sources]]\nname = "mfa-rs"\nkind = "html"\nurl = "{serve_listing(feed_server)}"'
               '\nitem = "article"\ntitle = "h3"\n')
    code, out, _ = await run_cli("mfa-rs", tmp_path=tmp_path, sources=sources)
    assert code == 0 and "Selector title 'h3': in 3 of 3 item(s)" in out
    code, out, _ = await run_cli("mfa-rs", "--item", "div.nothing", tmp_path=tmp_path,
                                 sources=sources)
    assert code == 1 and "FAILED: selector 'div.nothing' matched nothing on the page" in out
    code, _, err = await run_cli("nope", tmp_path=tmp_path, sources=sources)
    assert code == 1 and err.startswith("diplowatch: No source named 'nope'.")


# ---- /testsource through the Telegram adapter -----------------------------------------------

@pytest.fixture
async def app(tmp_path, bot_api: FakeBotAPI, fetcher: Fetcher, feed_server: FeedServer,
              monkeypatch):
    # one command per second per user is tested elsewhere; here the admin asks in a row
    monkeypatch.setattr(core.Throttle, "allow", lambda self, user_id: True)
    db = open_db(tmp_path / "t.db")
    sources = (f'[[sources]]\nname = "mfa-rs"\nkind = "html"\nurl = "{serve_listing(feed_server)}"'
               '\nitem = "article"\ntitle = "h3"\nlink = "a.link--absolute"\n')
    sync_sources(db, parse_sources(sources, origin="t"), now=NOW)
    deps = Deps(db, Settings(admin_ids=frozenset({ADMIN})), lambda: NOW, fetcher=fetcher)
    application = Application.builder().token(bot_api.token).base_url(bot_api.base_url) \
        .updater(None).build()
    handlers.register(application, deps)
    async with application:
        yield application, db
    db.close()


async def say(app: Application, bot_api: FakeBotAPI, text: str, user: int) -> list[str]:
    await app.process_update(Update.de_json(bot_api.inject_message(user, text, user_id=user),
                                            app.bot))
    return [m.text for m in bot_api.sent_messages(user)]


async def test_testsource_for_an_admin_and_nobody_else(app, bot_api, feed_server) -> None:
    app, db = app
    assert await say(app, bot_api, "/testsource mfa-rs", USER) == [texts.ADMIN_ONLY]
    (report,) = await say(app, bot_api, "/testsource mfa-rs", ADMIN)
    assert report.startswith(f"<b>Testing</b> mfa-rs (html) {feed_server.url('/vesti')}\n")
    assert "Selector link 'a.link--absolute': in 2 of 3 item(s)" in report
    assert EVENT in report
    assert report.endswith("Nothing was stored.")
    assert statement_store.count_statements(db) == 0


async def test_testsource_with_a_url_kind_and_quoted_selectors(app, bot_api, feed_server) -> None:
    app, _ = app
    url = feed_server.url("/vesti")
    (report,) = await say(app, bot_api, f'/testsource {url} html item="article.node--teaser"'
                          ' title="article h3"', ADMIN)
    assert "Selector item 'article.node--teaser': 3 element(s)" in report
    assert "Selector title 'article h3': in 3 of 3 item(s)" in report
    (_, usage) = await say(app, bot_api, "/testsource", ADMIN)
    assert usage == escape(texts.TESTSOURCE_USAGE)


async def test_a_feed_report_names_its_format(feed_server, fetcher) -> None:
    feed_server.set_content(
        "/atom", '<?xml version="1.0" encoding="koi8-r"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>МИД</title><entry><id>urn:1</id><title>Заявление МИД</title>"
        "<updated>2026-11-25T10:00:00+03:00</updated></entry></feed>".encode("koi8-r"),
        content_type="application/atom+xml")
    report = texts.source_check(await check_source(
        fetcher, source_to_test(feed_server.url("/atom"), known=None), now=NOW)).split("\n")
    assert report[1:3] == ["Found: Atom 1.0", "Charset: koi8-r (declared in the document)"]
    assert report[-4:] == ["1. 2026-11-25 07:00 UTC — Заявление МИД",  # no text: no preview
                           "   (no link: keyed by its content)", "   events: none",
                           "Nothing was stored."]
