"""The parsers on material no one here wrote: feedparser's own test suite and saved t.me pages.

They are read from ../shared/fixtures/real/ (never copied into the project); every test here
skips, saying so, when that folder is absent.
"""

from __future__ import annotations

import ast
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from diplowatch.models import Source, SourceError, SourceState
from diplowatch.sources import fetch_source, rss, telegram
from diplowatch.sources.budget import InlineParser
from diplowatch.sources.fetch import Fetcher, make_client
from tests.fakes.feed_server import FeedServer
from tests.shared_files import SHARED

REAL = SHARED / "fixtures" / "real"
FEEDS = REAL / "feedparser-tests"
PAGES = REAL / "telegram"
pytestmark = pytest.mark.skipif(
    not REAL.is_dir(), reason=f"real fixtures not found at {REAL} (../shared is absent)"
)
_HEADER = re.compile(r"^\s*Header:\s*Content-type:\s*(.*?)\s*$", re.IGNORECASE | re.MULTILINE)
_EXPECT_DESCRIPTION = re.compile(r"entries\[0\]\['description'\] == ('(?:[^'\\]|\\.)*')")
MOJIBAKE = ("\ufffd", "Ã", "â€", "Ð")


def feed_files() -> list[Path]:
    if not FEEDS.is_dir():
        return []
    return sorted(p for p in FEEDS.rglob("*") if p.is_file() and p.suffix in {".xml", ".json"})


def header_files() -> list[Path]:
    return [p for p in feed_files() if p.parent.name == "encoding" and _header(p)]


def _header(path: Path) -> str | None:
    match = _HEADER.search(path.read_bytes()[:2000].decode("latin-1"))
    return match[1] if match else None


def test_the_real_fixtures_are_there() -> None:
    assert len(feed_files()) > 2000
    assert len(header_files()) > 40
    assert len(list(PAGES.glob("*.html"))) == 9


@pytest.mark.parametrize("path", feed_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_feedparser_suite_never_raises_anything_but_a_reason(path: Path) -> None:
    try:
        rss.parse(path.read_bytes(), source="real", base_url="https://example.org/feed")
    except SourceError as exc:
        assert str(exc)


@pytest.mark.parametrize("path", header_files(), ids=lambda p: p.name)
def test_encoding_suite_with_its_header_comes_out_readable(path: Path) -> None:
    data = path.read_bytes()
    try:
        feed = rss.parse(data, source="real", content_type=_header(path))
    except SourceError as exc:
        pytest.fail(f"refused with its header: {exc}")
    texts = [st.title + st.text for st in feed.statements] + [feed.title]
    assert not [t for t in texts if any(mark in t for mark in MOJIBAKE)]
    if expected := _EXPECT_DESCRIPTION.search(data.decode("latin-1")):
        assert feed.statements[0].text == ast.literal_eval(expected[1])


# -- saved t.me pages ----------------------------------------------------------------------

# file: (channel, posts kept, message blocks, paging id); service messages count for paging
CHANNEL_PAGES = {
    "xCareers_2020.html": ("xcareers", 19, 20, 1491),
    "ducksrating_live_snapshot.html": ("ducks_poker", 14, 14, 284),
    "sherlock_channel_feed.html": ("durov", 20, 20, 519),
    "prstnk_tg_channel.html": ("prstnk_eprst", 1, 2, None),  # new channel: no "more" link
}
# file: the recorded reason, served at t.me/s/<name> (t.me redirects there for non-channels)
NO_PREVIEW = {
    "sherlock_tme_bot.html":
        "@BotFather is a bot, not a channel: bots publish nothing; add the channel it posts to",
    "sherlock_tme_channel.html":
        "this is the profile page of @durov, not its preview: set the URL to {base}/s/durov",
    "sherlock_tme_free.html":
        "no Telegram account is named @zzq9x7v2knot44: check the channel name in the URL",
    "sherlock_tme_group.html":
        "@python is a group, not a channel: groups have no public web preview; add a channel or"
        " site that publishes the same statements",
    "sherlock_tme_user.html":
        "@nikolai is a person's account, not a channel: only channels have a public web preview;"
        " add the channel this person publishes in",
}


@pytest.mark.parametrize("name", sorted(CHANNEL_PAGES))
def test_every_saved_channel_page_gives_posts_dates_permalinks_and_paging_id(name: str) -> None:
    channel, kept, blocks, before = CHANNEL_PAGES[name]
    page = telegram.parse((PAGES / name).read_bytes(), source="tg", base_url="https://t.me/s/x")
    assert (page.channel, len(page.statements), len(page.post_ids), page.before) == (
        channel, kept, blocks, before
    )
    for statement in page.statements:
        number = statement.key.rpartition("/")[2]
        assert statement.key == f"post:{channel}/{number}"
        assert statement.url and statement.url.lower() == f"https://t.me/{channel}/{number}"
        assert statement.published_at and statement.published_at.year in (2020, 2026)


def test_the_saved_pages_are_all_accounted_for() -> None:
    assert {p.name for p in PAGES.glob("*.html")} == set(CHANNEL_PAGES) | set(NO_PREVIEW)


@pytest.mark.parametrize("name", sorted(NO_PREVIEW))
async def test_each_page_without_a_preview_gets_its_own_reason_and_fix(name: str) -> None:
    async with FeedServer() as server, make_client() as client:
        server.set_file("/s/account", PAGES / name, content_type="text/html; charset=utf-8")
        source = Source(name="tg", kind="telegram", url=server.url("/s/account"))
        with pytest.raises(SourceError) as refused:
            await fetch_source(
                Fetcher(client, allow_private=True), source, SourceState(name="tg"),
                now=datetime(2026, 11, 25, tzinfo=UTC), parser=InlineParser(),
            )
    assert str(refused.value) == NO_PREVIEW[name].format(base=server.base_url)


@pytest.mark.parametrize(
    ("name", "why"),
    [("wellformed/rss/entity_in_doctype.xml", "entity 'id' is text, not a character reference"),
     ("illformed/rdf/doctype_contains_entity_decl.xml", "parameter entity 'HTMLlat1'")],
)
def test_the_suites_entity_declarations_are_refused_saying_why(name: str, why: str) -> None:
    matches = list(FEEDS.rglob(Path(name).name))
    assert matches, name
    with pytest.raises(SourceError) as refused:
        rss.parse(matches[0].read_bytes(), source="real")
    assert str(refused.value) == f"feed declares XML entities (refused): {why}"


async def test_a_real_page_without_a_more_link_sends_no_paging_request() -> None:
    async with FeedServer() as server, make_client() as client:
        server.set_file("/s/prstnk_eprst", PAGES / "prstnk_tg_channel.html",
                        content_type="text/html; charset=utf-8")
        source = Source(name="tg", kind="telegram", url=server.url("/s/prstnk_eprst"))
        state = SourceState(name="tg", last_seen_key="prstnk_eprst/0")  # older than post 2
        fetched = await fetch_source(Fetcher(client, allow_private=True), source, state,
                                     now=datetime(2026, 11, 25, tzinfo=UTC), parser=InlineParser())
    assert [hit.query for hit in server.hits] == [""]
    assert fetched.last_seen_key == "prstnk_eprst/2"
