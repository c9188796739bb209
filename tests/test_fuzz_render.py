"""Fuzzing the alert renderers with hostile statements: whatever a source puts in its name,
title, text, quote or link, every part of the alert after `split_message` is Telegram HTML
that Telegram accepts (allowed tags, balanced, escaped), at most 4096 UTF-16 units, and
links only to validated http(s) addresses."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplowatch import texts
from diplowatch.ledger import Change, Earlier
from diplowatch.models import ACTS, Statement
from diplowatch.names import ENTITIES, UN_MEMBERS
from diplowatch.telegram_html import (
    MAX_MESSAGE,
    is_safe_url,
    split_message,
    utf16_len,
    validate_html,
)
from tests.fakes.bot_api import parse_html

FUZZ = settings(max_examples=250, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
HREF = re.compile(r'<a href="([^"]*)">')

MARKUP = st.sampled_from([
    "<b>", "</b>", "<a href='javascript:alert(1)'>", "</a>", "<script>", "&", "&amp;", "&lt;",
    "&#0;", "&#x110000;", "<", ">", '"', "'", "<tg-emoji emoji-id=\"1\">", "<pre><code>",
    "\u202e", "\u200d", "👨‍👩‍👧", "é", "\u0301", "\n", "\n\n", "\r\n", "\t", "\x00", "\x1b[31m",
    "<blockquote>", "</blockquote>", "</code>", "\ud7ff", "𝕏", "<br/>",
])
HOSTILE = st.lists(st.text(max_size=30) | MARKUP, max_size=40).map("".join)
LONG = st.builds(lambda unit, n: unit * n, HOSTILE.filter(bool), st.integers(1, 200))
URLS = st.sampled_from([
    None, "", "https://mfa.example/news/1", "javascript:alert(1)", "data:text/html,x",
    'https://x.example/"><b>', "https://x.example/?a=1&b=<2>", "http://user:pw@x.example/",
    "https://x.example/" + "a" * 3000, "https://x.example/ space", "https://x.example/\u202e",
    "//x.example/", "ftp://x.example/", "https://[::1]/", "https://ок.пример/",
]) | st.text(max_size=60)
CODES = sorted(UN_MEMBERS) + ["XK", "TW", "PS", "EH"]
DATES = st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 1, 1)),
                  st.sampled_from(["2022-02-21", "2022", "", "garbage", "2022-13-40"]))


@st.composite
def statements(draw) -> Statement:
    return Statement(
        source=draw(HOSTILE | LONG), key="k", url=draw(URLS), title=draw(HOSTILE | LONG),
        text=draw(HOSTILE | LONG), published_at=draw(st.none() | st.just(NOW)), fetched_at=NOW,
    )


@st.composite
def changes(draw) -> Change:
    act = draw(st.sampled_from(ACTS))
    return Change(
        kind=draw(st.sampled_from(["new", "confirmed"])), event_id=1,
        actor=draw(st.sampled_from(CODES)), target=draw(st.sampled_from(ENTITIES)), act=act,
        evidence=draw(HOSTILE | LONG), source_url=draw(URLS), reported_at=NOW,
        source=draw(HOSTILE), official=draw(st.booleans()),
        ordinal=draw(st.none() | st.integers(1, 200)),
        earlier=draw(st.lists(st.builds(Earlier, st.sampled_from(CODES), DATES,
                                        st.sampled_from(["day", "month", "year", "unknown"])),
                              max_size=12)),
        remaining=draw(st.none() | st.integers(0, 193)),
    )


def check_alert(alert: str) -> None:
    assert validate_html(alert) == [], alert
    for href in HREF.findall(alert):
        assert is_safe_url(html.unescape(href)), href
    parts = split_message(alert)
    assert parts
    for part in parts:
        assert utf16_len(part) <= MAX_MESSAGE
        assert validate_html(part) == []
        parse_html(part)  # the fake Bot API's copy of Telegram's rules; raises if rejected


@FUZZ
@given(statement=statements())
def test_statement_alert(statement):
    check_alert(texts.statement_alert(statement))


@FUZZ
@given(change=changes(), statement=statements())
def test_recognition_alert(change, statement):
    check_alert(texts.recognition_alert(change, statement))


@FUZZ
@given(statement=statements())
def test_source_markup_is_shown_not_obeyed(statement):
    """The only tags in an alert are the renderer's own: <i> for the source, <b> for the
    title, <a> for the link, whatever the statement contains."""
    alert = texts.statement_alert(statement)
    tags = re.findall(r"</?([a-z-]+)", alert)
    assert set(tags) <= {"i", "b", "a"}
    assert tags.count("a") <= 2 and tags.count("i") == 2
