"""Charsets as publishers serve them, through the loopback HTTP server and fetch_source.

Each case is a document in a legacy charset, declared only in the header, declared wrongly,
or not declared at all; the statement must come out as the text the publisher wrote.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from diplowatch.models import Source, SourceState
from diplowatch.sources import fetch_source
from diplowatch.sources.charset import decode_html
from diplowatch.sources.fetch import Fetcher
from tests.fakes.feed_server import FeedServer

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
RU = "Заявление МИД России о признании независимости Донецкой Народной Республики"
SR = "Саопштење Министарства спољних послова Србије о територијалном интегритету"
UK = "Заява МЗС України щодо визнання так званих республік"
EL = "Δήλωση του Υπουργείου Εξωτερικών για την αναγνώριση της ανεξαρτησίας"
KO = "조선민주주의인민공화국 외무성 대변인 담화 독립 승인에 관한 성명"
ZH = "外交部发言人就承认独立问题答记者问"
JA = "外務省報道官談話 独立承認に関する声明について"


pytestmark = pytest.mark.usefixtures("parse_pool")  # conftest: the pool shut down after this module




def rss_doc(title: str, *, encoding: str | None) -> str:
    decl = f'<?xml version="1.0" encoding="{encoding}"?>' if encoding else '<?xml version="1.0"?>'
    return (
        f"{decl}<rss version=\"2.0\"><channel><title>{title[:20]}</title>"
        f"<item><guid>1</guid><title>{title}</title><description>{title}.</description></item>"
        "</channel></rss>"
    )


def listing_doc(title: str, *, meta: str | None) -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    rows = "".join(f'<li class="news"><a href="/n/{i}">{title} {i}</a></li>' for i in range(3))
    return f"<html><head>{head}<title>x</title></head><body><ul>{rows}</ul></body></html>"


async def poll_once(fetcher: Fetcher, source: Source) -> list:
    fetched = await fetch_source(fetcher, source, SourceState(name=source.name), now=NOW)
    return fetched.statements


# (text, bytes' charset, Content-Type header, charset in the XML declaration)
RSS_CASES = [
    (RU, "cp1251", "application/rss+xml; charset=windows-1251", None),
    (RU, "koi8_r", "text/xml; charset=KOI8-R", None),
    (RU, "cp1251", "application/xml", "utf-8"),  # declared UTF-8, really windows-1251
    (RU, "cp1251", "application/rss+xml; charset=utf-8", None),  # header wrong
    (SR, "cp1251", "application/rss+xml", None),  # nothing declared
    (UK, "koi8_u", "application/xml; charset=koi8-u", None),
    (EL, "iso8859_7", "application/xml; charset=ISO-8859-7", None),
    (KO, "euc_kr", "application/rss+xml; charset=EUC-KR", None),
    (ZH, "gb18030", "application/xml; charset=gb2312", None),
    (JA, "shift_jis", "application/xml; charset=Shift_JIS", None),
    (RU, "utf-8", "application/rss+xml; charset=iso-8859-1", None),  # header single-byte, UTF-8
]


@pytest.mark.parametrize(("text", "codec", "content_type", "declared"), RSS_CASES)
async def test_feed_charsets(
    feed_server: FeedServer,
    fetcher: Fetcher,
    text: str,
    codec: str,
    content_type: str,
    declared: str | None,
) -> None:
    body = rss_doc(text, encoding=declared).encode(codec)
    feed_server.set_content("/feed.xml", body, content_type=content_type)
    source = Source(name="mfa", kind="rss", url=feed_server.url("/feed.xml"))
    [statement] = await poll_once(fetcher, source)
    assert (statement.title, statement.text) == (text, text + ".")


HTML_CASES = [
    (RU, "cp1251", "text/html; charset=windows-1251", None),  # header only
    (RU, "cp1251", "text/html", None),  # nothing declared
    (RU, "cp1251", "text/html", "utf-8"),  # <meta> wrong
    (RU, "koi8_r", "text/html; charset=windows-1251", None),  # header names the wrong Cyrillic
    (SR, "cp1251", "text/html; charset=utf-8", None),  # header wrong
    (EL, "cp1253", "text/html; charset=windows-1253", None),
    (KO, "euc_kr", "text/html", "euc-kr"),
    (JA, "shift_jis", "text/html; charset=Shift_JIS", None),
    (RU, "utf-8", "text/html; charset=windows-1251", None),  # header single-byte, bytes UTF-8
    (RU, "utf-8-sig", "text/html", None),  # BOM only
]


@pytest.mark.parametrize(("text", "codec", "content_type", "meta"), HTML_CASES)
async def test_listing_charsets(
    feed_server: FeedServer,
    fetcher: Fetcher,
    text: str,
    codec: str,
    content_type: str,
    meta: str | None,
) -> None:
    feed_server.set_content(
        "/news", listing_doc(text, meta=meta).encode(codec), content_type=content_type
    )
    selectors = {"item": "li.news", "link": "a", "title": "a"}
    source = Source(name="mfa", kind="html", url=feed_server.url("/news"), selectors=selectors)
    statements = await poll_once(fetcher, source)
    assert [st.title for st in statements] == [f"{text} {i}" for i in range(3)]


def test_a_declaration_the_bytes_agree_with_is_taken_as_it_is() -> None:
    page = listing_doc(RU, meta="windows-1251").encode("cp1251")
    found = decode_html(page, content_type="text/html")
    assert (found.charset, found.declared, found.corrected) == ("cp1251", "cp1251", False)
    wrong = decode_html(page, content_type="text/html; charset=utf-8")
    assert (wrong.charset, wrong.declared, wrong.corrected) == ("cp1251", "utf-8", True)


def test_ascii_page_keeps_its_declared_charset() -> None:
    found = decode_html(b"<p>plain</p>", content_type="text/html; charset=iso-8859-1")
    assert (found.charset, found.corrected, found.text) == ("cp1252", False, "<p>plain</p>")
