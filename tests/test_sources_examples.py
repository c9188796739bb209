"""examples/sources.toml: every entry validates, every html entry says whether its selectors
are verified and how to check them, the selectors compile, and the KCNA and Serbian MFA entries
read pages of the shape their selectors were taken from (through the loopback server)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from diplowatch.config import parse_sources
from diplowatch.models import Source
from diplowatch.sources import close_parse_pool, make_client
from diplowatch.sources.budget import InlineParser
from diplowatch.sources.check import check_source
from diplowatch.sources.fetch import Fetcher
from tests.fakes.feed_server import FeedServer

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "sources.toml"
TEXT = EXAMPLES.read_text("utf-8")
SOURCES = {s.name: s for s in parse_sources(TEXT, origin=str(EXAMPLES))}
HTML = sorted(name for name, s in SOURCES.items() if s.kind == "html")
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def comment_before(name: str) -> str:
    """The comment block just above the [[sources]] table named ``name``."""
    chunks = TEXT.split("[[sources]]")
    index = next(i for i, chunk in enumerate(chunks) if f'\nname = "{name}"\n' in chunk)
    lines = chunks[index - 1].rstrip().split("\n")
    block = []
    for line in reversed(lines):
        if not line.startswith("#"):
            break
        block.append(line)
    return "\n".join(reversed(block))


def test_every_entry_validates() -> None:
    assert len(SOURCES) == TEXT.count("[[sources]]") >= 20
    assert len(HTML) == 6


@pytest.mark.parametrize("name", HTML)
def test_every_html_entry_is_marked_and_says_how_to_check_it(name: str) -> None:
    comment = comment_before(name)
    assert re.search(r"^# status: (verified|unverified)\b", comment, re.MULTILINE), comment
    assert f"# check: diplowatch sources test {name}" in comment


@pytest.mark.parametrize("name", HTML)
def test_every_selector_compiles(name: str) -> None:
    tree = LexborHTMLParser("<html><body><p>x</p></body></html>")
    for selector in SOURCES[name].selectors.values():
        tree.css(selector.partition("@")[0].strip() or "*")


def test_kcna_is_on_rsshubs_current_route() -> None:
    kcna = SOURCES["kcna"]
    assert kcna.url == "http://www.kcna.kp/en/article/list/a666dda1282180e0ee1b4427b0574ae7"
    assert kcna.selectors == {"item": ".article h5", "link": "a", "title": "a", "date": "span"}


def test_the_serbian_mfa_uses_the_government_theme_and_reads_dates_from_articles() -> None:
    serbia = SOURCES["serbia-mfa"]
    assert (serbia.selectors["item"], serbia.selectors["link"]) == (
        "article.node--teaser", "a.link--absolute")
    assert "date" not in serbia.selectors and serbia.fetch_pages


KCNA_SHAPE = b"""<html><body><div class="article"><ul>
<li><h5><a href="/en/article/q/7f3b.kcmsf">Kim Jong Un Sends Message of Greetings</a>
<span>2026.11.25</span></h5></li>
<li><h5><a href="/en/article/q/6e2a.kcmsf">DPRK Recognizes Independence of Donetsk People's
Republic</a><span>2026.11.24</span></h5></li></ul></div></body></html>"""
SERBIA_SHAPE = b"""<html><body><div class="view-content">
<article class="node node--teaser"><h3>Statement on the so-called recognition of Kosovo</h3>
<a class="link link--absolute" href="/en/press-service/statements/1">Read more</a></article>
</div></body></html>"""
SERBIA_ARTICLE = b"""<html><head><meta property="article:published_time"
content="2026-11-25T09:30:00+01:00"></head><body><article><h1 class="field--title">Statement</h1>
<p>Serbia will never recognize the unilaterally declared independence of Kosovo.</p>
</article></body></html>"""


@pytest.fixture
async def fetcher():
    async with make_client(connect_timeout=2, read_timeout=5) as client:
        yield Fetcher(client, allow_private=True)
    close_parse_pool()


async def test_kcna_reads_a_page_of_its_routes_shape(feed_server: FeedServer, fetcher) -> None:
    feed_server.set_content("/en/article/list/x", KCNA_SHAPE, content_type="text/html")
    for path in ("/en/article/q/7f3b.kcmsf", "/en/article/q/6e2a.kcmsf"):
        feed_server.set_content(path, b"<html><body><p>KCNA text.</p></body></html>",
                                content_type="text/html")
    kcna = replace(SOURCES["kcna"], url=feed_server.url("/en/article/list/x"))
    check = await check_source(fetcher, kcna, parser=InlineParser(), now=NOW)
    assert check.reason == ""
    assert [(i.statement.title, i.statement.published_at.date().isoformat()) for i in check.items] \
        == [("Kim Jong Un Sends Message of Greetings", "2026-11-25"),
            ("DPRK Recognizes Independence of Donetsk People's Republic", "2026-11-24")]
    assert [(key, matched) for key, _, matched in check.selectors] == [
        ("item", 2), ("link", 2), ("title", 2), ("date", 2)]


async def test_serbia_mfa_takes_titles_from_the_teaser_and_dates_from_the_article(
    feed_server: FeedServer, fetcher
) -> None:
    feed_server.set_content("/en/press-service/statements", SERBIA_SHAPE, content_type="text/html")
    feed_server.set_content("/en/press-service/statements/1", SERBIA_ARTICLE,
                            content_type="text/html")
    serbia: Source = replace(SOURCES["serbia-mfa"],
                             url=feed_server.url("/en/press-service/statements"))
    check = await check_source(fetcher, serbia, parser=InlineParser(), now=NOW)
    (item,) = check.items
    assert item.statement.title == "Statement on the so-called recognition of Kosovo"
    assert item.statement.url == feed_server.url("/en/press-service/statements/1")
    assert item.statement.published_at == datetime(2026, 11, 25, 8, 30, tzinfo=UTC)
    assert item.statement.text.endswith("independence of Kosovo.")
    assert [(e.actor, e.target, e.act) for e in item.events] == [("RS", "XK", "reject")]
