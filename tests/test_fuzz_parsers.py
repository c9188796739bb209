"""Fuzzing the source parsers: any bytes, and well-formed documents full of hostile values,
either parse into valid statements or raise SourceError, nothing else.

Valid: each statement belongs to the source, has a typed key, an http(s) URL with a host or
none, a one-line title, text, an aware publication time or none.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplowatch.models import SourceError, Statement
from diplowatch.sources import html, rss, telegram

FUZZ = settings(max_examples=200, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SOURCE = "fuzz"
BASE = "https://press.example/news/"
KEY_KINDS = ("guid:", "link:", "hash:", "post:")

HOSTILE_URLS = st.sampled_from([
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd",
    "vbscript:x", "//evil.example/x", "/relative/path", "?q=1", "#frag", "", " ", "http://",
    "http://[::1", "http://[::1]:99999/", "https://user:pass@host.example/", "http://a b.example/",
    "https://ok.example/a?b=<c>&d=\"e\"", "HTTPS://UPPER.EXAMPLE/", "http://xn--80ak6aa92e.com/",
    "http://127.0.0.1/admin", "mailto:a@b.c", "tg://resolve?domain=x", "\x00http://nul.example/",
    "http://ok.example/" + "a" * 3000, "https://ок.пример/путь", "http:\\\\back.example\\",
    "https://ok.example/\u202eevil", "http://ok.example/%00%0d%0a",
]) | st.text(max_size=60)
NASTY_TEXT = st.lists(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20) | st.sampled_from(
        ["<", ">", "&", "&amp;", "&#0;", "&#xD800;", "]]>", "<![CDATA[", "<script>", "\u200b",
         "\u202e", "\ufeff", "\r", "\n", "\t", "\x0b", "😀", "<b>", "</a>", '"', "'"]),
    max_size=12,
).map("".join)
DATES = st.sampled_from(["", "yesterday", "Tue, 24 Nov 2026 10:00:00 GMT", "2026-11-24T10:00:00Z",
                         "9999-99-99", "0000-00-00T00:00:00", "Mon, 31 Feb 2021 25:61:61 +9999",
                         "1e308", "-1", "2026-11-24", "24.11.2026", "Thu, 01 Jan 1970 00:00:00"])


def check_statements(statements: list[Statement], *, source: str = SOURCE) -> None:
    for st_ in statements:
        assert isinstance(st_, Statement)
        assert st_.source == source
        assert st_.key.startswith(KEY_KINDS) and len(st_.key) > 5
        assert st_.url is None or (urlsplit(st_.url).scheme.lower() in ("http", "https")
                                   and urlsplit(st_.url).hostname)
        assert isinstance(st_.title, str) and "\n" not in st_.title
        assert isinstance(st_.text, str)
        assert st_.published_at is None or (isinstance(st_.published_at, datetime)
                                            and st_.published_at.tzinfo is not None)


def parse_or_source_error(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except SourceError:
        return None


# ---- arbitrary bytes ------------------------------------------------------------------------

PREFIXES = st.sampled_from([b"", b'<?xml version="1.0"?>', b"\xef\xbb\xbf", b"\xff\xfe",
                            b"\xfe\xff", b"<rss version='2.0'><channel>", b"<feed>",
                            b'<div class="tgme_channel_history">', b"<html><body>"])


@FUZZ
@given(prefix=PREFIXES, data=st.binary(max_size=3000))
def test_rss_any_bytes(prefix, data):
    parsed = parse_or_source_error(rss.parse, prefix + data, source=SOURCE, base_url=BASE)
    if parsed is not None:
        check_statements(parsed.statements)
        assert parsed.ttl_seconds is None or parsed.ttl_seconds > 0


@FUZZ
@given(prefix=PREFIXES, data=st.binary(max_size=3000))
def test_telegram_any_bytes(prefix, data):
    parsed = parse_or_source_error(telegram.parse, prefix + data, source=SOURCE, base_url=BASE)
    if parsed is not None:
        check_statements(parsed.statements)


@FUZZ
@given(prefix=PREFIXES, data=st.binary(max_size=3000),
       item=st.sampled_from(["li", "article", "div.x", "a", "*", "body > *"]))
def test_html_any_bytes(prefix, data, item):
    found = parse_or_source_error(html.parse_listing, prefix + data, source=SOURCE,
                                  base_url=BASE, selectors={"item": item})
    if found is not None:
        check_statements(found)
    assert isinstance(parse_or_source_error(html.parse_article, prefix + data) or "", str)


# ---- structured documents with hostile values -----------------------------------------------

def x(text: str) -> str:
    """XML-escape, also removing characters XML 1.0 cannot carry (so the document is valid)."""
    text = "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff"))
    return xml_escape(text, {'"': "&quot;"})


@st.composite
def rss_items(draw) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append(f"<guid isPermaLink=\"{draw(st.sampled_from(['true', 'false', 'x']))}\">"
                     f"{x(draw(HOSTILE_URLS))}</guid>")
    parts.append(f"<title>{x(draw(NASTY_TEXT))}</title>")
    parts.append(f"<link>{x(draw(HOSTILE_URLS))}</link>")
    body = draw(NASTY_TEXT)
    parts.append(draw(st.sampled_from([
        f"<description>{x(body)}</description>",
        f"<description><![CDATA[{body.replace(']]>', '')}]]></description>",
        f'<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">{x(body)}'
        "</content:encoded>",
    ])))
    parts.append(f"<pubDate>{x(draw(DATES))}</pubDate>")
    if draw(st.booleans()):
        parts.append(f"<author>{x(draw(NASTY_TEXT))}</author>")
    return "<item>" + "".join(draw(st.permutations(parts))) + "</item>"


@st.composite
def atom_entries(draw) -> str:
    kind = draw(st.sampled_from(["text", "html", "xhtml", "bogus"]))
    body = x(draw(NASTY_TEXT))
    if kind == "xhtml":
        body = f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>'
    return (f"<entry><id>{x(draw(HOSTILE_URLS))}</id><title type=\"{kind}\">"
            f"{x(draw(NASTY_TEXT))}</title><link rel=\"{draw(st.sampled_from(['alternate', 'self', '']))}\""
            f" href=\"{x(draw(HOSTILE_URLS))}\"/><updated>{x(draw(DATES))}</updated>"
            f"<content type=\"{kind}\">{body}</content></entry>")


@FUZZ
@given(items=st.lists(rss_items(), max_size=6), ttl=st.text(max_size=12),
       encoding=st.sampled_from(["utf-8", "utf-16", "latin-1", "bogus-enc"]),
       base=st.sampled_from([BASE, None, "not a url", "javascript:x"]))
def test_rss_hostile_values(items, ttl, encoding, base):
    doc = (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
           f"<title>T</title><ttl>{x(ttl)}</ttl>{''.join(items)}</channel></rss>")
    data = doc.encode("utf-16" if encoding == "utf-16" else "utf-8", "surrogatepass")
    parsed = parse_or_source_error(rss.parse, data, source=SOURCE, base_url=base)
    if parsed is not None:
        check_statements(parsed.statements)
        assert len(parsed.statements) <= len(items)


@FUZZ
@given(entries=st.lists(atom_entries(), max_size=6))
def test_atom_hostile_values(entries):
    doc = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
           + "".join(entries) + "</feed>")
    parsed = parse_or_source_error(rss.parse, doc.encode(), source=SOURCE, base_url=BASE)
    if parsed is not None:
        check_statements(parsed.statements)


def h(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


@st.composite
def channel_posts(draw) -> str:
    post = draw(st.one_of(st.integers(-5, 10**15).map(lambda n: f"chan/{n}"),
                          st.sampled_from(["", "/", "chan/", "chan/1/2", "chan/１２", "a/b/c/7",
                                           "chan/0x10", "chan/ 5"]),
                          NASTY_TEXT))
    classes = draw(st.sampled_from(["tgme_widget_message", "tgme_widget_message service_message",
                                    "tgme_widget_message js-widget_message"]))
    reply = ('<a class="tgme_widget_message_reply"><div class="tgme_widget_message_text">'
             f"{h(draw(NASTY_TEXT))}</div></a>") if draw(st.booleans()) else ""
    forwarded = (f'<a class="tgme_widget_message_forwarded_from_name">{h(draw(NASTY_TEXT))}</a>'
                 if draw(st.booleans()) else "")
    return (f'<div class="{classes}" data-post="{h(post)}">{forwarded}{reply}'
            f'<div class="tgme_widget_message_text">{draw(NASTY_TEXT)}</div>'
            f'<a class="tgme_widget_message_date" href="{h(draw(HOSTILE_URLS))}">'
            f'<time datetime="{h(draw(DATES))}"></time></a></div>')


@FUZZ
@given(posts=st.lists(channel_posts(), max_size=8), before=st.text(max_size=20),
       nested=st.booleans())
def test_telegram_hostile_values(posts, before, nested):
    inner = "".join(posts)
    if nested:  # posts inside posts
        inner = posts[0][:-6] + inner + "</div>" if posts else inner
    page = (f"<html><div class=\"tgme_channel_info_header_title\">T"
            f'</div><div class="tgme_channel_history">{inner}</div>'
            f'<a class="tme_messages_more" data-before="{h(before)}"></a></html>')
    parsed = parse_or_source_error(telegram.parse, page.encode("utf-8", "surrogatepass"),
                                   source=SOURCE, base_url="https://t.me/s/chan")
    if parsed is not None:
        check_statements(parsed.statements)
        assert parsed.post_ids == sorted(parsed.post_ids)
        ids = [int(s.key.rpartition("/")[2]) for s in parsed.statements]
        assert ids == sorted(ids) and set(ids) <= set(parsed.post_ids)
        assert parsed.before is None or parsed.before >= 0


SELECTORS = st.sampled_from([
    "li", "article.news", "div > a", "*", "a[href]", "li:nth-child(2n+1)", "h3, h4", ":root",
    "", " ", "[[", "a:has(", "li >", ">>>", "a[", "\x00", "::before", "a:nth-child(n", "#", ".",
    "li:not(", "ü", "a" * 300, "time[datetime", "*:*:*", "@media", "{}", "li\\", "'", '"',
]) | st.text(max_size=20)


@st.composite
def listing_items(draw) -> str:
    return (f'<li class="{h(draw(NASTY_TEXT))}"><a href="{h(draw(HOSTILE_URLS))}">'
            f"{draw(NASTY_TEXT)}</a><h3>{draw(NASTY_TEXT)}</h3>"
            f'<time datetime="{h(draw(DATES))}">{h(draw(DATES))}</time>'
            f"<p>{draw(NASTY_TEXT)}</p></li>")


@FUZZ
@given(items=st.lists(listing_items(), max_size=6), item=SELECTORS, link=SELECTORS,
       title=SELECTORS, date=SELECTORS, summary=st.none() | SELECTORS,
       base=st.sampled_from([BASE, "not a url", "javascript:x", "https://[::1"]))
def test_html_listing_hostile_values_and_selectors(items, item, link, title, date, summary, base):
    selectors = {"item": item, "link": link, "title": title, "date": date}
    if summary is not None:
        selectors["summary"] = summary
    page = f"<html><body><ul>{''.join(items)}</ul></body></html>".encode("utf-8", "surrogatepass")
    found = parse_or_source_error(html.parse_listing, page, source=SOURCE, base_url=base,
                                  selectors=selectors)
    if found is not None:
        check_statements(found)
        assert len(found) <= html.MAX_ITEMS


@FUZZ
@given(blocks=st.lists(st.tuples(st.sampled_from(["article", "main", "div", "p", "section",
                                                  "script", "nav", "footer", "template", "svg"]),
                                 NASTY_TEXT), max_size=10),
       depth=st.integers(0, 3000))
def test_html_article_hostile_structure(blocks, depth):
    body = "".join(f"<{tag}>{text}</{tag}>" for tag, text in blocks)
    page = ("<div>" * depth + body + "</div>" * depth).encode("utf-8", "surrogatepass")
    text = parse_or_source_error(html.parse_article, page)
    assert text is None or isinstance(text, str)
