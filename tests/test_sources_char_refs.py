"""Numeric character references no parser can use (issue 13): one used to fail the whole feed
on every poll, and the recognition in the same feed was never stored."""

from __future__ import annotations

import pytest

from diplowatch.sources import html, rss
from diplowatch.sources.markup import repair_char_refs

FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>MFA</title>'
        b"<item><guid>1</guid><title>Visit %s</title></item>"
        b"<item><guid>2</guid><title>Nicaragua recognized Abkhazia</title></item></channel></rss>")


@pytest.mark.parametrize(("ref", "title"), [
    (b"&#55357;&#56832;", "Visit \U0001F600"),  # a UTF-16 surrogate pair, as some CMSs write it
    (b"&#xD83D;&#xDE00;", "Visit \U0001F600"),
    (b"&#55357;", "Visit \ufffd"),  # a lone high surrogate
    (b"&#56832;&#55357;", "Visit \ufffd\ufffd"),  # a pair in the wrong order
    (b"&#x110000;", "Visit \ufffd"),
    (b"&#99999999999;", "Visit \ufffd"),
    (b"&#0;", "Visit \ufffd"),
    (b"&#xFFFE;", "Visit \ufffd"),
    (b"&amp;#55357;", "Visit \ufffd"),  # escaped once more: still no crash
    (b"&#233;t&#xE9;", "Visit \xe9t\xe9"),  # valid ones stay
])
def test_a_broken_reference_costs_its_character_not_the_feed(ref, title):
    feed = rss.parse(FEED % ref, source="mfa")
    assert [s.title for s in feed.statements] == [title, "Nicaragua recognized Abkhazia"]


def test_in_other_charsets_too():
    data = (FEED % b"\xcf\xee\xf1\xee\xeb &#55357;&#56832;").replace(
        b'version="1.0"?>', b'version="1.0" encoding="windows-1251"?>', 1)
    assert rss.parse(data, source="mfa").statements[0].title == "Visit Посол \U0001F600"


def test_html_pages_get_the_pair_as_one_character():
    page = b"<article><p>Statement &#55357;&#56832; on &#99999999999; Kosovo</p></article>"
    assert html.parse_article(page) == "Statement \U0001F600 on \ufffd Kosovo"


def test_repair_is_linear_and_leaves_other_text_alone():
    assert repair_char_refs(b"no references &amp; here") == b"no references &amp; here"
    big = b"&#55357;" * 200_000
    assert repair_char_refs(big) == b"&#xFFFD;" * 200_000
