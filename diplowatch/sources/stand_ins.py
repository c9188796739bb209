"""Pages a site serves in place of what was asked for, and what to say about them. Pure.

A feed URL that answers 200 OK with a Cloudflare-like "checking your browser" page, a listing
that is only scripts, an HTML page where a feed was expected: each fails to parse, and the
recorded reason should say why and what to do rather than "not an RSS or Atom feed". These
checks run only once a parse has failed, so a marker word in a real page cannot misfire.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from diplowatch.sources.identity import http_url
from diplowatch.sources.plaintext import node_text, parse_html

SCAN_BYTES = 65_536
# (marker in the lowercased page, who serves such pages)
_CHALLENGES = (
    (b"challenge-platform", "Cloudflare"),
    (b"cf-browser-verification", "Cloudflare"),
    (b"cf_chl_", "Cloudflare"),
    (b"cf-turnstile", "Cloudflare"),
    (b"attention required! | cloudflare", "Cloudflare"),
    (b"ddos-guard", "DDoS-Guard"),
    (b"sucuri website firewall", "Sucuri"),
    (b"_incapsula_resource", "Imperva"),
    (b"incapsula incident", "Imperva"),
    (b"errors.edgesuite.net", "Akamai"),
    (b"checking your browser", None),
    (b"just a moment...", None),
    (b"verify you are human", None),
    (b"enable javascript and cookies to continue", None),
    (b"g-recaptcha", None),
    (b"h-captcha", None),
)
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.I | re.S)
_FEED_LINKS = 'link[rel~="alternate"][type*="rss"], link[rel~="alternate"][type*="atom"]'


def explain(
    data: bytes, *, content_type: str | None, base_url: str | None, wanted: str
) -> str | None:
    """Why ``data`` is not the ``wanted`` document ("feed", "listing", "channel preview") when
    it is a stand-in page (challenge, scripts only, HTML for a feed), with the fix; else None."""
    if not _is_html(data, content_type):
        return None
    vendor = challenge(data)
    if vendor is not None:
        by = f" ({vendor})" if vendor else ""
        return (f"the site answered with an anti-bot challenge page{by} instead of the {wanted}: "
                "it lets browsers through, not programs; ask the site to allow diplowatch's "
                "address, or use another address for the same statements (a feed, a mirror)")
    tree = parse_html(data, content_type=content_type)
    if _only_scripts(tree):
        return (f"the page is only scripts: its content is drawn by JavaScript, which diplowatch "
                f"does not run, so there is no {wanted} to read; use the site's feed, or the "
                "address the script loads its news from")
    if wanted == "feed":
        found = _feed_link(tree, base_url)
        if found:
            return f"the address serves an HTML page, not a feed; the page names its feed: {found}"
        return ("the address serves an HTML page, not a feed: use the feed's address, or "
                'kind = "html" with CSS selectors (check them with: diplowatch sources test)')
    return None


def challenge(data: bytes) -> str | None:
    """Who serves it ("Cloudflare", "" when unknown) if ``data`` is an anti-bot challenge page,
    else None."""
    head = data[:SCAN_BYTES].lower()
    return next((vendor or "" for marker, vendor in _CHALLENGES if marker in head), None)


def _is_html(data: bytes, content_type: str | None) -> bool:
    return "html" in (content_type or "").lower() or bool(_HTML_START.match(data[:4096]))


def _only_scripts(tree: LexborHTMLParser) -> bool:
    return tree.css_first("script") is not None and not node_text(tree.body, limit=200).strip()


def _feed_link(tree: LexborHTMLParser, base_url: str | None) -> str | None:
    for node in tree.css(_FEED_LINKS):
        if url := http_url(node.attributes.get("href"), base_url):
            return url
    return None


def capped(found: int, cap: int, what: str) -> str:
    """The notice recorded when a document holds more items than are read from it."""
    if found <= cap:
        return ""
    return (f"the {what} holds {found:,} items; only the first {cap:,} are read each poll "
            "(a cap against runaway pages)")
