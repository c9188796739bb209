"""Which charset a fetched document is really in. Pure.

Publishers declare charsets in the HTTP header, a byte-order mark, ``<meta>`` or the XML
declaration, and many declare none or the wrong one (Russian sites often serve windows-1251
with the charset only in the header, or with a stale "utf-8" in the page). A declaration is
taken in that order of trust, but only when the bytes agree with it: bytes that do not decode,
that are valid UTF-8 while a single-byte charset is declared, or that read as gibberish in the
declared charset while another one reads cleanly, are re-detected with charset-normalizer.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# both <meta charset=...> and <meta http-equiv content="...; charset=...">
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']""")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SAMPLE_BYTES = 65_536  # enough text to judge a charset by; detection stays fast on 10 MiB
GIBBERISH = 0.2  # charset-normalizer's mess ratio above which a reading is not trusted
# Labels that mean another codec in practice (WHATWG Encoding Standard).
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}


@dataclass(frozen=True)
class Decoded:
    text: str
    charset: str  # Python codec name actually used
    declared: str | None  # the declaration it came from, if any
    corrected: bool = False  # a declaration existed and the bytes contradicted it


def header_charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, if it names a known codec."""
    match = _CHARSET_PARAM.search(content_type or "")
    return codec_name(match[1]) if match else None


def meta_charset(data: bytes) -> str | None:
    """The charset a page's <meta> declares in its first 4 KiB (the HTML prescan's window)."""
    match = _META.search(data[:4096])
    return codec_name(match[1].decode("ascii", "replace")) if match else None


def xml_charset(data: bytes) -> str | None:
    match = _XML_ENCODING.match(data[:1024])
    return codec_name(match[1].decode("ascii", "replace")) if match else None


def bom_charset(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def codec_name(label: str | None) -> str | None:
    """Python's name for a charset label, or None for one Python does not know."""
    label = (label or "").strip().lower()
    try:
        return codecs.lookup(_ALIASES.get(label, label)).name
    except LookupError:
        return None


def decode_html(data: bytes, *, content_type: str | None = None) -> Decoded:
    """A page's text: header charset, then BOM, then <meta>, then detection."""
    declared = (header_charset(content_type), bom_charset(data), meta_charset(data))
    return decode(data, declared=declared)


def decode(data: bytes, *, declared: Iterable[str | None]) -> Decoded:
    """``data`` decoded with the first declared charset the bytes agree with, else detected."""
    found = choose(data, declared=declared)
    return Decoded(_decode(data, found.charset), found.charset, found.declared, found.corrected)


@dataclass(frozen=True)
class Choice:
    charset: str
    declared: str | None
    corrected: bool


def choose(data: bytes, *, declared: Iterable[str | None]) -> Choice:
    """The charset to read ``data`` in (see the module docstring), without decoding it all."""
    first = next((name for name in declared if name), None)
    if first and _agrees(data, first):
        return Choice(first, first, False)
    found = detect(data)
    return Choice(found, first, first is not None and found != first)


def detect(data: bytes) -> str:
    """The charset the bytes read best in: UTF-8 if valid, else charset-normalizer's guess."""
    if _is_utf8(data):
        return "utf-8"
    best = from_bytes(data[:SAMPLE_BYTES]).best()
    return (codec_name(best.encoding) or "cp1252") if best is not None else "cp1252"


def _agrees(data: bytes, charset: str) -> bool:
    sample = data[:SAMPLE_BYTES]
    if charset.startswith("utf"):
        return _decodes(sample, charset)
    if not sample.isascii() and _is_utf8(sample):
        return False  # non-ASCII bytes that happen to be valid UTF-8 are UTF-8
    if not _decodes(sample, charset):
        return False
    if sample.isascii():
        return True
    text = sample.decode(charset, "replace")
    if mess_ratio(text, 1.0) <= GIBBERISH:
        return True
    best = from_bytes(sample).best()
    return best is None or codec_name(best.encoding) == charset


def _is_utf8(sample: bytes) -> bool:
    # final=False: a multi-byte sequence cut by the sample's end is still UTF-8
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=len(sample) < SAMPLE_BYTES)
    except UnicodeDecodeError:
        return False
    return True


def _decodes(sample: bytes, charset: str) -> bool:
    try:
        codecs.decode(sample, charset)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _decode(data: bytes, charset: str) -> str:
    text = data.decode(charset, "replace")
    return text.removeprefix("\ufeff")
