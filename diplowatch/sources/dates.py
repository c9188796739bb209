"""Lenient date parsing for press-release pages. Pure."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# Month names by prefix: English, Russian, Ukrainian, French, German, Spanish.
_MONTH_STEMS = {
    1: "jan janv ene январ січ",
    2: "feb fév fev феврал лют",
    3: "mar mär март берез",
    4: "apr avr abr апрел квіт",
    5: "may mai мая май трав",
    6: "jun juin июн черв",
    7: "jul juil июл лип",
    8: "aug aoû aou ago август серп",
    9: "sep сентябр верес",
    10: "oct okt октябр жовт",
    11: "nov ноябр листопад",
    12: "dec déc dez dic декабр груд",
}
_STEMS = sorted(
    ((stem, month) for month, stems in _MONTH_STEMS.items() for stem in stems.split()),
    key=lambda pair: -len(pair[0]),
)
_DMY_NUM = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")
_YMD_NUM = re.compile(r"\b(\d{4})[./-](\d{1,2})[./-](\d{1,2})\b")
_D_MONTH_Y = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([^\W\d_]{3,})\.?,?\s+(\d{4})\b")
_MONTH_D_Y = re.compile(r"\b([^\W\d_]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\b")


def parse_date(value: str | None) -> datetime | None:
    """A timezone-aware UTC datetime from ISO 8601, RFC 822 or common written forms.

    Day-first for numeric dates (25.11.2026); naive values are taken as UTC.
    """
    if not value:
        return None
    text = " ".join(value.split())[:200]
    found = _iso(text) or _rfc822(text) or _written(text)
    if found is None:
        return None
    if found.tzinfo is None:
        return found.replace(tzinfo=UTC)
    return found.astimezone(UTC)


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _rfc822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _written(text: str) -> datetime | None:
    ymd = _numeric(text) or _with_month_name(text)
    if ymd is None:
        return None
    hour, minute, second = _clock(text)
    try:
        return datetime(*ymd, hour, minute, second)
    except ValueError:
        return None


def _numeric(text: str) -> tuple[int, int, int] | None:
    if m := _YMD_NUM.search(text):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _DMY_NUM.search(text):
        return int(m[3]), int(m[2]), int(m[1])
    return None


def _with_month_name(text: str) -> tuple[int, int, int] | None:
    for m in _D_MONTH_Y.finditer(text):
        if month := month_number(m[2]):
            return int(m[3]), month, int(m[1])
    for m in _MONTH_D_Y.finditer(text):
        if month := month_number(m[1]):
            return int(m[3]), month, int(m[2])
    return None


def month_number(word: str) -> int | None:
    """1–12 for a month name or abbreviation in one of the known languages."""
    word = word.casefold()
    return next((month for stem, month in _STEMS if word.startswith(stem)), None)


def _clock(text: str) -> tuple[int, int, int]:
    m = _TIME.search(text)
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        return 0, 0, 0
    return int(m[1]), int(m[2]), int(m[3] or 0)
