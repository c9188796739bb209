"""telegram_html/tokens.py: repairing and validating Telegram HTML, the plain-text fallback."""

from __future__ import annotations

from diplowatch.telegram_html import link, sanitize, to_plain, validate_html


def test_to_plain_unescapes_and_keeps_link_targets():
    html = '<b>New</b>: <a href="https://x.org/?a=1&amp;b=2">MFA</a> &lt;3 &#128512;'
    assert to_plain(html) == "New: MFA (https://x.org/?a=1&b=2) <3 😀"
    assert to_plain(link("https://x.org", "https://x.org")) == "https://x.org"


def test_sanitize_and_validate():
    assert (
        sanitize("<b>x</i> <script>y</script> & z")
        == "<b>x&lt;/i&gt; &lt;script&gt;y&lt;/script&gt; &amp; z</b>"
    )
    assert sanitize("<code><b>x</b></code>") == "<code>x</code>"  # nothing nests in code
    assert sanitize('<span class="other">x</span>') == '&lt;span class="other"&gt;x&lt;/span&gt;'
    assert (
        validate_html('<b>bold</b> <a href="https://x.org">l</a> &amp; <tg-spoiler>s</tg-spoiler>')
        == []
    )
    assert validate_html("<b>open") != []
    assert validate_html("1 < 2") != []
