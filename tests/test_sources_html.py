"""html.parse_listing / parse_article, lenient dates and HTML → text. Pure, in memory."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from diplowatch.models import SourceError
from diplowatch.sources import html
from diplowatch.sources.dates import parse_date
from diplowatch.sources.plaintext import html_to_text

LISTING = b"""<html><body><div class="list">
<div class="row"><a href="/a">First</a><span class="d">25.11.2026</span></div>
<div class="row"><a href="/b">Second</a><span class="d">24.11.2026</span></div>
</div></body></html>"""


def listing(data: bytes = LISTING, **selectors: str) -> list:
    selectors = {"item": "div.row", "link": "a", "title": "a", "date": ".d"} | selectors
    return html.parse_listing(
        data, source="s", base_url="https://mfa.example.com/news/", selectors=selectors
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-25", datetime(2026, 11, 25, tzinfo=UTC)),
        ("2026-11-25T10:30:00+01:00", datetime(2026, 11, 25, 9, 30, tzinfo=UTC)),
        ("2026-11-25T10:30:00Z", datetime(2026, 11, 25, 10, 30, tzinfo=UTC)),
        ("Wed, 25 Nov 2026 09:15:00 +0300", datetime(2026, 11, 25, 6, 15, tzinfo=UTC)),
        ("25 November 2026", datetime(2026, 11, 25, tzinfo=UTC)),
        ("November 25, 2026", datetime(2026, 11, 25, tzinfo=UTC)),
        ("Nov. 25th, 2026", datetime(2026, 11, 25, tzinfo=UTC)),
        ("25.11.2026", datetime(2026, 11, 25, tzinfo=UTC)),
        ("25/11/2026 14:05", datetime(2026, 11, 25, 14, 5, tzinfo=UTC)),
        ("2026/11/25", datetime(2026, 11, 25, tzinfo=UTC)),
        ("25 ноября 2026 г.", datetime(2026, 11, 25, tzinfo=UTC)),
        ("1 мая 2026", datetime(2026, 5, 1, tzinfo=UTC)),
        ("25 листопада 2026 року", datetime(2026, 11, 25, tzinfo=UTC)),
        ("25 novembre 2026", datetime(2026, 11, 25, tzinfo=UTC)),
        ("3. März 2026", datetime(2026, 3, 3, tzinfo=UTC)),
        ("25 de noviembre de 2026", datetime(2026, 11, 25, tzinfo=UTC)),
        ("Published: 25 November 2026, 18:40", datetime(2026, 11, 25, 18, 40, tzinfo=UTC)),
        ("31.02.2026", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(text: str | None, expected: datetime | None) -> None:
    assert parse_date(text) == expected


def test_listing_reads_items_in_page_order() -> None:
    found = listing()
    assert [(st.url, st.title) for st in found] == [
        ("https://mfa.example.com/a", "First"),
        ("https://mfa.example.com/b", "Second"),
    ]
    assert found[0].published_at == datetime(2026, 11, 25, tzinfo=UTC)
    assert found[0].key == "link:https://mfa.example.com/a"


def test_selector_matching_nothing_is_an_error() -> None:
    with pytest.raises(SourceError, match=r"^selector 'li\.news' matched nothing on the page$"):
        listing(item="li.news")


def test_invalid_selector_is_an_error() -> None:
    with pytest.raises(SourceError, match="invalid CSS selector"):
        listing(title="a[[[")


def test_missing_item_selector_is_an_error() -> None:
    with pytest.raises(SourceError, match="needs an 'item' selector"):
        listing(item="")


def test_item_that_is_itself_a_link() -> None:
    page = b'<ul><li><a class="n" href="/x">Statement</a></li></ul>'
    found = listing(page, item="a.n", link="", title="", date="")
    assert [(st.url, st.title) for st in found] == [("https://mfa.example.com/x", "Statement")]


def test_same_link_with_different_titles_falls_back_to_hash() -> None:
    page = b'<div class="row"><a href="/same">One</a></div><div class="row"><a href="/same">Two</a></div>'
    assert all(st.key.startswith("hash:") for st in listing(page))


def test_article_prefers_article_element_and_drops_noise() -> None:
    page = (
        b"<html><body><nav>Menu</nav><article><h1>Title</h1><p>Body text.</p>"
        b"<script>x()</script></article><footer>Footer</footer></body></html>"
    )
    assert html.parse_article(page) == "Title\n\nBody text."


def test_article_without_markup_hints_takes_the_densest_block() -> None:
    page = (
        b"<div><p>Menu</p></div><div id='t'><p>"
        + b"Long paragraph. " * 20
        + b"</p><p>More.</p></div>"
    )
    assert html.parse_article(page).endswith("More.")
    assert "Menu" not in html.parse_article(page)


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("a<br>b<br/><br/>c", "a\nb\n\nc"),
        ("<p>one</p> <p>two</p>", "one\n\ntwo"),
        ("<ul><li>x</li> <li>y</li></ul>", "x\ny"),
        ("<div><div>a</div></div><div>b</div>", "a\nb"),
        ("x &amp; y &lt;z&gt; &nbsp;w", "x & y <z> w"),
        ("<p>keep <b>inline</b> <i>words</i></p>", "keep inline words"),
        ("<style>p{}</style><script>1</script>t", "t"),
        ("plain text, no markup", "plain text, no markup"),
    ],
)
def test_html_to_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_deeply_nested_markup_does_not_recurse() -> None:
    markup = "<div>" * 10_000 + "deep" + "</div>" * 10_000  # lexbor itself slows down on deeper
    assert html_to_text(markup) == "deep"


TAGGED = b"""<html><body>
<div class="row"><a href="/tag/kosovo">Kosovo</a><h3><a href="/news/1">Statement on Kosovo</a></h3>
<a href="/tag/serbia" data-href="/alt/1">Serbia</a></div>
</body></html>"""


def test_link_inside_the_title_wins_over_the_first_anchor() -> None:
    [st] = listing(TAGGED, link="a", title="h3")
    assert (st.url, st.title) == ("https://mfa.example.com/news/1", "Statement on Kosovo")


@pytest.mark.parametrize(
    ("link", "url"),
    [
        ("a@data-href", "https://mfa.example.com/alt/1"),
        ("@data-url", "https://mfa.example.com/item/1"),
        ("a.missing", None),
    ],
)
def test_link_may_name_an_attribute(link: str, url: str | None) -> None:
    page = TAGGED.replace(b'class="row"', b'class="row" data-url="/item/1"')
    [st] = listing(page, link=link, title="h3")
    assert st.url == url
