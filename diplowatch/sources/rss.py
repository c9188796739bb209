"""RSS 0.9x/1.0/2.0 and Atom documents → statements. Pure: bytes in, dataclasses out.

feedparser is only ever handed a BytesIO: given ``bytes`` it first tries them as a file path,
given ``str`` it may fetch a URL. Of XML entities only character entities are read
(entities.py); a document declaring any other kind is refused.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from diplowatch.models import SourceError, Statement
from diplowatch.sources.charset import bom_charset, choose, header_charset, xml_charset
from diplowatch.sources.dates import evident_order, parse_date
from diplowatch.sources.entities import with_character_entities
from diplowatch.sources.identity import assign_keys, http_url
from diplowatch.sources.markup import repair_char_refs
from diplowatch.sources.plaintext import MAX_HTML_CHARS, html_to_text, one_line, tidy
from diplowatch.sources.stand_ins import capped, explain

MAX_ENTRIES = 1000
MAX_TITLE_CHARS = 1000
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NUL_PREFIXES = (
    (b"\0\0\0<", "utf-32-be"),
    (b"<\0\0\0", "utf-32-le"),
    (b"\0<", "utf-16-be"),
    (b"<\0", "utf-16-le"),
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# Author-ish elements are emptied before parsing: statements keep no authors, and
# feedparser 6.0.14 runs a backtracking e-mail regex over author strings that is quadratic
# in their length (a 30 KB <author> took 3 s, 5000 authors of 1 KB took 20 s).
_AUTHORISH = rb"(?:[A-Za-z_][\w.-]*:)?(?:author|name|email|creator|publisher|contributor|managingEditor|webMaster)"
_ENTRY_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\s*>")
_AUTHOR_TAG = re.compile(rb"<(/?)(" + _AUTHORISH + rb")(?=[\s/>])[^<>]*>", re.IGNORECASE)


@dataclass
class ParsedFeed:
    statements: list[Statement]  # document order
    ttl_seconds: int | None  # RSS <ttl>, converted from minutes
    title: str
    notice: str = ""  # something the operator should know although the feed was read
    format: str = ""  # feedparser's name for it: rss20, atom10, rss10, …


def parse(
    data: bytes,
    *,
    source: str,
    base_url: str | None = None,
    lang: str | None = None,
    content_type: str | None = None,
    date_order: str | None = None,
) -> ParsedFeed:
    """Statements of an RSS or Atom document; raises SourceError when nothing is readable.

    ``content_type`` is the response's Content-Type header: feedparser reads its charset.
    """
    served = data
    data, headers = _in_a_charset_feedparser_reads(_as_ascii_compatible(data), content_type)
    data = repair_char_refs(_strip_authors(with_character_entities(data, _prolog(data))))
    data, entry_count = _first_entries(data)
    parsed = _feedparse(data, headers)
    entries = parsed.entries[:MAX_ENTRIES]
    order = date_order or evident_order(_raw_dates(e)[0] for e in entries if _raw_dates(e))
    items = [_entry(e, source=source, base_url=base_url, lang=lang, order=order) for e in entries]
    items = [(guid, st) for guid, st in items if _readable(st)]
    if not items:
        _refuse(parsed, served, content_type=content_type, base_url=base_url)
    feed = parsed.feed
    title = one_line(_detail_text(feed.get("title_detail")), limit=MAX_TITLE_CHARS)
    return ParsedFeed(statements=assign_keys(items), ttl_seconds=_ttl(feed), title=title,
                      notice=capped(max(entry_count, len(parsed.entries)), MAX_ENTRIES, "feed"),
                      format=str(parsed.get("version") or ""))


def _feedparse(data: bytes, headers: dict[str, str]) -> feedparser.FeedParserDict:
    # No base URI for feedparser: it would resolve RSS <guid>s against it, and keys must not
    # change with the feed's address. Links are made absolute here instead.
    # Its sanitizer and URI rewriting work on the HTML of entry bodies, which html_to_text
    # turns into plain text anyway (dropping scripts and styles): skipping them saves time
    # (see docs/benchmarks.md).
    return feedparser.parse(
        io.BytesIO(data),
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )


def _refuse(parsed: feedparser.FeedParserDict, served: bytes, *, content_type: str | None,
            base_url: str | None) -> None:
    """Raise SourceError with the reason a feed without readable items failed, if it did."""
    malformed = parsed.bozo and not _benign(parsed.get("bozo_exception"))
    failed = malformed or not parsed.get("version")
    if failed and (why := explain(served, content_type=content_type, base_url=base_url,
                                  wanted="feed")):
        raise SourceError(why)
    if malformed:
        raise SourceError(f"malformed feed: {_short(parsed.get('bozo_exception'))}")
    if not parsed.get("version"):
        raise SourceError("not an RSS or Atom feed")


def _as_ascii_compatible(data: bytes) -> bytes:
    """UTF-16/32 documents re-encoded as UTF-8, so byte-level checks can see their markup."""
    codec = next((c for bom, c in _BOMS if data.startswith(bom)), None)
    codec = codec or next((c for p, c in _NUL_PREFIXES if data.startswith(p)), None)
    if codec is None:
        return data
    try:
        text = data.decode(codec).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise SourceError(f"feed is not valid {codec.upper()} text") from exc
    return _XML_DECL.sub('<?xml version="1.0" encoding="utf-8"?>', text, count=1).encode()


def _in_a_charset_feedparser_reads(
    data: bytes, content_type: str | None
) -> tuple[bytes, dict[str, str]]:
    """``data`` and the headers for feedparser: as served when the declared charset (header,
    then BOM, then XML declaration) fits the bytes, else transcoded to UTF-8 from the charset
    detected, since feedparser would fall back to windows-1252 and keep the mojibake."""
    headers = {"content-type": content_type} if content_type else {}
    declared = (header_charset(content_type), bom_charset(data), xml_charset(data))
    found = choose(data, declared=declared)
    if not found.corrected and (found.declared or found.charset == "utf-8"):
        return data, headers
    text = _XML_DECL.sub("", data.decode(found.charset, "replace").lstrip("\ufeff"), count=1)
    utf8 = '<?xml version="1.0" encoding="utf-8"?>' + text
    return utf8.encode(), {"content-type": "application/xml; charset=utf-8"}


def _prolog(data: bytes) -> bytes:
    """Everything before the root element (XML declaration, comments, DOCTYPE)."""
    pos = 0
    while (lt := data.find(b"<", pos)) >= 0:
        for opener, closer in ((b"<!--", b"-->"), (b"<?", b"?>")):
            if data.startswith(opener, lt):
                end = data.find(closer, lt + len(opener))
                pos = len(data) if end < 0 else end + len(closer)
                break
        else:
            following = data[lt + 1 : lt + 2]
            if following.isalpha() or following in (b"_", b":"):
                return data[:lt]
            pos = lt + 1
    return data


def _first_entries(data: bytes) -> tuple[bytes, int]:
    """``data`` without the entries past MAX_ENTRIES, and how many entries it had. feedparser
    reads every entry before any cap, so a feed of tens of thousands of entries would use up
    the parse budget and fail (timings: docs/benchmarks.md). Entries are siblings, so the document up to the end of
    the last kept entry, followed by what comes after its last entry, is the same feed, cut."""
    ends = [m.end() for m in _ENTRY_END.finditer(data)]
    if len(ends) <= MAX_ENTRIES:
        return data, len(ends)
    return data[: ends[MAX_ENTRIES - 1]] + data[ends[-1] :], len(ends)


def _strip_authors(data: bytes) -> bytes:
    """``data`` with the content of author-ish elements removed, in one linear pass."""
    pieces: list[bytes] = []
    pos = 0
    open_name, content_start = b"", 0
    for tag in _AUTHOR_TAG.finditer(data):
        name = tag[2].lower()
        if not tag[1] and not tag[0].endswith(b"/>"):
            open_name, content_start = name, tag.end()  # an unclosed earlier one is dropped
        elif tag[1] and name == open_name:
            pieces.append(data[pos:content_start])
            pos, open_name = tag.start(), b""
    pieces.append(data[pos:])
    return b"".join(pieces)


def _entry(
    e: Any, *, source: str, base_url: str | None, lang: str | None, order: str | None
) -> tuple[str | None, Statement]:
    guid = str(e.get("id") or "").strip() or None
    statement = Statement(
        source=source,
        key="",
        # a link taken from an isPermaLink GUID is only trusted when it is absolute
        url=http_url(e.get("link"), None if e.get("guidislink") else base_url),
        title=one_line(_detail_text(e.get("title_detail")), limit=MAX_TITLE_CHARS),
        text=_body_text(e),
        lang=lang,
        published_at=_published(e, order=order),
    )
    return guid, statement


def _readable(statement: Statement) -> bool:
    """Anything to read or follow: an item whose text is only U+FFFD (broken references or
    bytes) is as empty as one with nothing in it."""
    return bool(statement.url or (statement.title + statement.text).strip("\ufffd \n"))


def _body_text(e: Any) -> str:
    for detail in [*e.get("content", []), e.get("summary_detail")]:
        if detail and (detail.get("value") or "").strip():
            return _detail_text(detail)
    return ""


def _detail_text(detail: Any) -> str:
    """Plain text of a feedparser text construct (type text/plain, text/html or xhtml)."""
    if not detail:
        return ""
    value = str(detail.get("value") or "")[:MAX_HTML_CHARS]
    if "html" in str(detail.get("type") or ""):
        return html_to_text(value)
    return tidy(value)


_DATE_FIELDS = ("published", "updated", "created")


def _raw_dates(e: Any) -> list[str]:
    return [str(value) for field in _DATE_FIELDS if (value := dict.get(e, field))]


def _published(e: Any, *, order: str | None) -> datetime | None:
    """Our reading of the raw date first: feedparser takes an unknown zone (MSK) as UTC and
    knows no month names but English. Its own parse is the fallback (W3DTF variants, …)."""
    for raw in _raw_dates(e):
        if found := parse_date(raw, order=order):
            return found
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        # dict.get: FeedParserDict.get("updated_parsed") falls back to published_parsed with a
        # DeprecationWarning when a date was present but unparsable
        parsed = dict.get(e, field)
        if parsed:
            try:
                year, month, day, hour, minute, second = parsed[:6]
                return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
            except (TypeError, ValueError, OverflowError):
                continue
    return None


def _ttl(feed: Any) -> int | None:
    raw = str(feed.get("ttl") or "").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 7 or int(raw) == 0:
        return None
    return int(raw) * 60


def _benign(exc: object) -> bool:
    """feedparser's complaints about the charset or content type only: the document parsed
    (an empty feed served as text/plain, or as text/xml without charset, is still a feed)."""
    return isinstance(exc, feedparser.CharacterEncodingOverride | feedparser.NonXMLContentType)


def _short(exc: object) -> str:
    reason = " ".join(str(exc or "unknown error").split())
    return reason[:160] or type(exc).__name__
