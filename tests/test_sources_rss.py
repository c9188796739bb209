"""rss.parse: safety checks, keys, fields. Pure, in memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplowatch.models import SourceError
from diplowatch.sources import rss

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>t</title><item><title>&lol3;</title></item></channel></rss>"""


def quadratic_blowup(size: int = 50_000, uses: int = 2_000) -> bytes:
    head = b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "' + b"x" * size + b'">]>\n'
    return (
        head
        + b"<rss version='2.0'><channel><item><title>"
        + b"&a;" * uses
        + b"</title></item></channel></rss>"
    )


def rss_doc(*items: bytes, channel: bytes = b"") -> bytes:
    body = b"".join(b"<item>" + item + b"</item>" for item in items)
    return (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        + channel
        + body
        + b"</channel></rss>"
    )


def parse(data: bytes, **kwargs: object) -> rss.ParsedFeed:
    return rss.parse(data, source="test", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "doc",
    [
        BILLION_LAUGHS,
        quadratic_blowup(),
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p "x"> ]><rss version="2.0"/>',
        b'<!-- a comment --><!DOCTYPE r [<!entity e "x">]><rss version="2.0"><channel/></rss>',
        BILLION_LAUGHS.decode().encode("utf-16"),
        BILLION_LAUGHS.decode().encode("utf-16-le"),
    ],
    ids=[
        "billion-laughs",
        "quadratic-blowup",
        "parameter-entity",
        "lowercase",
        "utf-16-bom",
        "utf-16-le",
    ],
)
def test_documents_declaring_entities_are_refused(doc: bytes) -> None:
    with pytest.raises(SourceError, match=r"^feed declares XML entities \(refused\): "):
        parse(doc)


CHARACTER_ENTITIES = b"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE rss [
  <!-- from an old CMS template -->
  <!ENTITY nbsp "&#160;">
  <!ENTITY mdash '&#x2014;'>
  <!ENTITY crlf "&#13;&#10;">
]>
<rss version="2.0"><channel><title>MFA&nbsp;press</title>
<item><title>Statement&nbsp;on Kosovo &mdash; 25&nbsp;November</title><guid>g1</guid>
<description>Serbia&nbsp;does not recognize &amp; never will.</description></item>
</channel></rss>"""


def test_a_dtd_of_character_entities_is_read() -> None:
    feed = parse(CHARACTER_ENTITIES)
    (statement,) = feed.statements
    # no-break spaces read as spaces, as everywhere in stored text
    assert feed.title == "MFA press"
    assert statement.title == "Statement on Kosovo \u2014 25 November"
    assert statement.text == "Serbia does not recognize & never will."


@pytest.mark.parametrize(
    ("prolog", "why"),
    [
        (b'<!ENTITY a "&#160;"><!ENTITY b "&a;&a;">', "entity 'b' refers to other entities"),
        (b'<!ENTITY nbsp "&#160;"><!ENTITY x SYSTEM "file:///etc/passwd">', "external entity 'x'"),
        (b'<!ENTITY x PUBLIC "-//x//EN" "http://evil.example/x.dtd">', "external entity 'x'"),
        (b'<!ENTITY % p "&#160;">', "parameter entity 'p'"),
        (b'<!ENTITY a "x">', "entity 'a' is text, not a character reference"),
        (b'<!ENTITY a "&#160;x">', "entity 'a' is text, not a character reference"),
        (b'<!ENTITY a "&#160;&#160;&#160;&#160;&#160;">', "entity 'a' is too long"),
        (b'<!ENTITY a "&#160;"><!ELEMENT rss ANY>',
         "the DTD holds declarations other than character entities"),
    ],
    ids=["nested", "system", "public", "parameter", "text", "mixed", "long", "element"],
)
def test_entities_that_could_expand_are_refused_saying_why(prolog: bytes, why: str) -> None:
    doc = b"<!DOCTYPE rss [" + prolog + b"]>" + rss_doc(b"<title>&a;</title>")[21:]
    with pytest.raises(SourceError) as refused:
        parse(doc)
    assert str(refused.value) == f"feed declares XML entities (refused): {why}"


def test_character_entities_may_not_blow_a_feed_up() -> None:
    doc = b'<!DOCTYPE rss [<!ENTITY a "&#1114111;&#1114111;">]>' + rss_doc(
        b"<title>" + b"&a;" * 10_000 + b"</title>"
    )
    with pytest.raises(SourceError, match="would more than double the feed$"):
        parse(doc)


def test_entity_text_inside_the_document_body_is_not_a_declaration() -> None:
    feed = parse(rss_doc(b"<title>About &lt;!ENTITY&gt; in XML</title>"))
    assert feed.statements[0].title == "About <!ENTITY> in XML"


def test_bytes_are_never_taken_for_a_file_name(tmp_path: Path) -> None:
    # feedparser.parse(bytes) would open a file of that name; we hand it a stream.
    planted = tmp_path / "planted.xml"
    planted.write_bytes(rss_doc(b"<title>from a local file</title>"))
    with pytest.raises(SourceError):
        parse(str(planted).encode())


def test_malformed_document_without_entries_is_an_error() -> None:
    with pytest.raises(SourceError, match=r"^malformed feed: .*not well-formed"):
        parse(b"<rss version='2.0'><channel><title>x</title><<<</channel>")


def test_malformed_document_keeps_what_parsed() -> None:
    doc = (
        rss_doc(b"<title>First</title><link>https://mfa.example.com/1</link>") + b"<item><title>Se"
    )
    feed = parse(doc[: doc.index(b"</channel>")])
    assert [st.title for st in feed.statements] == ["First"]


@pytest.mark.parametrize(
    "data", [b"", b"not xml at all", b"<html><body><p>Hello</p></body></html>"]
)
def test_not_a_feed(data: bytes) -> None:
    with pytest.raises(SourceError):
        parse(data)


@pytest.mark.parametrize(
    "author",
    [
        b"<author>" + b"a" * 30_000 + b"</author>",
        b"<author><![CDATA[" + b"b" * 30_000 + b"]]></author>",
        b"<author>" + b"&#99;" * 30_000 + b"</author>",
        b"<dc:creator xmlns:dc='http://purl.org/dc/elements/1.1/'>"
        + b"d" * 30_000
        + b"</dc:creator>",
    ],
    ids=["text", "cdata", "char-refs", "dc-creator"],
)
def test_huge_author_is_stripped_before_feedparser(author: bytes) -> None:
    feed = parse(rss_doc(b"<title>Statement</title>" + author + b"<description>Body</description>"))
    assert [(st.title, st.text) for st in feed.statements] == [("Statement", "Body")]


def test_huge_atom_author_name_is_stripped() -> None:
    name = b"<name>" + b"n" * 30_000 + b"</name>"
    doc = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>urn:1</id><title>T</title>'
        + (b"<author>" + name + b"<email>press@mfa.example.com</email></author>")
        + b"<updated>2026-11-25T10:00:00Z</updated></entry></feed>"
    )
    assert [st.key for st in parse(doc).statements] == ["guid:urn:1"]


def test_reordered_feed_gives_the_same_keys() -> None:
    items = [
        b"<title>A</title><guid>g-1</guid>",
        b"<title>B</title><link>https://mfa.example.com/b</link>",
        b"<title>C</title><description>no guid, no link</description>",
    ]
    forward = {st.title: st.key for st in parse(rss_doc(*items)).statements}
    backward = {st.title: st.key for st in parse(rss_doc(*reversed(items))).statements}
    assert forward == backward
    assert forward["A"] == "guid:g-1"
    assert forward["B"] == "link:https://mfa.example.com/b"
    assert forward["C"].startswith("hash:")


def test_repeated_guid_degrades_to_link_then_hash() -> None:
    feed = parse(
        rss_doc(
            b"<title>One</title><guid>same</guid><link>https://mfa.example.com/1</link>",
            b"<title>Two</title><guid>same</guid><link>https://mfa.example.com/2</link>",
            b"<title>Three</title><guid>same</guid>",
        )
    )
    keys = [st.key for st in feed.statements]
    assert keys[:2] == ["link:https://mfa.example.com/1", "link:https://mfa.example.com/2"]
    assert keys[2] == f"hash:{feed.statements[2].content_hash}"


def test_exact_duplicates_are_dropped() -> None:
    item = b"<title>Same</title><guid>g</guid><link>https://mfa.example.com/x</link>"
    assert len(parse(rss_doc(item, item)).statements) == 1


@pytest.mark.parametrize(
    ("link", "url"),
    [
        ("/press/1", "https://mfa.example.com/press/1"),
        ("https://other.example.org/a?b=1&amp;c=2", "https://other.example.org/a?b=1&c=2"),
        ("javascript:alert(1)", None),
        ("data:text/html,hi", None),
        ("ftp://mfa.example.com/file", None),
        ("mailto:press@mfa.example.com", None),
    ],
)
def test_urls_are_absolute_http_or_nothing(link: str, url: str | None) -> None:
    doc = rss_doc(f"<title>x</title><link>{link}</link>".encode())
    assert parse(doc, base_url="https://mfa.example.com/feed.xml").statements[0].url == url


@pytest.mark.parametrize(
    ("ttl", "seconds"), [(b"60", 3600), (b"0", None), (b"soon", None), (b"-5", None)]
)
def test_ttl(ttl: bytes, seconds: int | None) -> None:
    assert parse(rss_doc(channel=b"<ttl>" + ttl + b"</ttl>")).ttl_seconds == seconds


def test_fields_are_capped() -> None:
    feed = parse(
        rss_doc(
            b"<title>"
            + b"t" * 5000
            + b"</title><description>"
            + b"w " * 200_000
            + b"</description>"
        )
    )
    statement = feed.statements[0]
    assert len(statement.title) == rss.MAX_TITLE_CHARS
    assert len(statement.text) <= 100_000


def test_lang_hint_and_dates() -> None:
    doc = rss_doc(b"<title>x</title><pubDate>Wed, 25 Nov 2026 09:15:00 +0300</pubDate>")
    statement = parse(doc, lang="ru").statements[0]
    assert statement.lang == "ru"
    assert (
        statement.published_at is not None
        and statement.published_at.isoformat() == "2026-11-25T06:15:00+00:00"
    )


def test_keys_do_not_depend_on_the_feed_address() -> None:
    doc = rss_doc(
        b"<title>x</title><guid>item-17</guid>",
        b"<title>y</title><guid>https://mfa.example.com/y</guid>",
    )
    here = [st.key for st in parse(doc, base_url="https://mfa.example.com/rss").statements]
    there = [
        st.key for st in parse(doc, base_url="https://mirror.example.net/feeds/mfa").statements
    ]
    assert here == there == ["guid:item-17", "guid:https://mfa.example.com/y"]
    assert (
        parse(doc, base_url="https://mfa.example.com/rss").statements[1].url
        == "https://mfa.example.com/y"
    )


def test_a_feed_past_the_entry_cap_is_cut_before_parsing_keeping_what_follows() -> None:
    items = [b"<guid>g%d</guid><title>t%d</title>" % (i, i) for i in range(rss.MAX_ENTRIES + 500)]
    feed = parse(rss_doc(*items).replace(b"</channel>", b"<ttl>30</ttl></channel>"))
    assert [st.key for st in feed.statements] == [f"guid:g{i}" for i in range(rss.MAX_ENTRIES)]
    assert feed.ttl_seconds == 1800  # the channel's elements after the last entry are kept
    assert feed.notice.startswith("the feed holds 1,500 items; only the first 1,000 are read")
