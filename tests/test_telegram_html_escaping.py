"""telegram_html/escaping.py: escaping, safe URLs, links."""

from __future__ import annotations

import pytest

from diplowatch.telegram_html import escape, is_safe_url, link


def test_escape():
    assert escape('<b>"Tom" & Jerry</b>') == '&lt;b&gt;"Tom" &amp; Jerry&lt;/b&gt;'


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://mid.ru/ru/foreign_policy/news/?id=1&lang=ru", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG/a", True),
        ("https://例え.jp/パス", True),
        ("javascript:alert(1)", False),
        ("tg://resolve?domain=x", False),
        ("ftp://example.org/file", False),
        ("https://user:pw@example.org/", False),
        ("https://example.org/a b", False),
        ('https://example.org/"onmouseover', False),
        ("https:///path-only", False),
        ("//example.org/x", False),
        ("https://[::1", False),
        ("https://example.org/" + "a" * 3000, False),
        ("", False),
    ],
)
def test_is_safe_url(url, ok):
    assert is_safe_url(url) is ok


def test_link_escapes_or_falls_back_to_label():
    assert (
        link("https://x.org/?a=1&b=2", "MFA <press>")
        == '<a href="https://x.org/?a=1&amp;b=2">MFA &lt;press&gt;</a>'
    )
    assert link("javascript:alert(1)", "click <me>") == "click &lt;me&gt;"
    assert link(None, "label") == "label"
    assert link("https://x.org") == '<a href="https://x.org">https://x.org</a>'
