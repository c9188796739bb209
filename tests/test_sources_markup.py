"""Text from markup: cell and block boundaries, and caps that hit one item, never the feed."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from diplowatch.sources import budget, html, rss
from diplowatch.sources.markup import MAX_DEPTH, cap_markup
from diplowatch.sources.plaintext import html_to_text

UNCLOSED = "<div>" * 200_000  # 1 MB: lexbor alone took 90 s on this


pytestmark = pytest.mark.usefixtures("parse_pool")  # conftest: the pool shut down after this module


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<table><tr><td>Абхазия</td><td>Южная Осетия</td></tr></table>", "Абхазия Южная Осетия"),
        (
            "<table><caption>Признали</caption><tr><th>Страна</th><th>Дата</th></tr>"
            "<tr><td>Никарагуа</td><td>2008</td></tr></table>",
            "Признали\nСтрана Дата\nНикарагуа 2008",
        ),
        ("<ul><li>Abkhazia</li><li>South Ossetia</li></ul>", "Abkhazia\nSouth Ossetia"),
        ("<dl><dt>Kosovo</dt><dd>recognised 2008</dd></dl>", "Kosovo\nrecognised 2008"),
        ("<p>Donetsk<br>Luhansk</p>", "Donetsk\nLuhansk"),
        ("<div><span>Сирия</span><span>признала</span></div>", "Сирияпризнала"),
    ],
)
def test_cells_and_blocks_separate_words(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_capped_markup_keeps_every_word_and_bounds_the_depth() -> None:
    markup = "<div>" * 5000 + "Южная Осетия" + "</div>" * 5000 + "<p>Абхазия</p>"
    capped = cap_markup(markup)
    body = LexborHTMLParser(capped).body
    depth, node = 0, body
    while node is not None and node.child is not None and node.child.tag == "div":
        depth, node = depth + 1, node.child
    assert depth <= MAX_DEPTH
    assert html_to_text(markup) == "Южная Осетия\n\nАбхазия"


def test_markup_within_the_caps_is_untouched() -> None:
    markup = "<div><p>a</p><p>b<br/>c</p></div>" * 50
    assert cap_markup(markup) == markup


def test_past_the_tag_cap_text_is_kept_without_tags() -> None:
    markup = "<b>x</b>" * 10 + "<i>tail</i>"
    assert cap_markup(markup, max_depth=2, max_tags=20) == "<b>x</b>" * 10 + " tail "


def feed(*descriptions: str) -> bytes:
    items = "".join(
        f"<item><guid>g{i}</guid><title>Item {i}</title><description><![CDATA[{d}]]>"
        "</description></item>"
        for i, d in enumerate(descriptions)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


async def test_one_pathological_item_does_not_sink_the_feed() -> None:
    data = feed("Healthy first.", UNCLOSED + "Buried text.", "Healthy last.")
    parsed = await budget.parse_in_budget(rss.parse, data, source="mfa")
    assert [st.text for st in parsed.statements] == [
        "Healthy first.",
        "Buried text.",
        "Healthy last.",
    ]


async def test_one_pathological_listing_item_does_not_sink_the_page() -> None:
    rows = [f'<li class="n"><a href="/{i}">News {i}</a></li>' for i in range(3)]
    rows[1] = f'<li class="n"><a href="/1">News 1</a>{UNCLOSED}</li>'
    page = f"<html><body><ul>{''.join(rows)}</ul></body></html>".encode()
    found = await budget.parse_in_budget(
        html.parse_listing,
        page,
        source="mfa",
        base_url="https://mfa.example.org/",
        selectors={"item": "li.n", "link": "a", "title": "a"},
    )
    assert [st.title for st in found] == ["News 0", "News 1", "News 2"]
