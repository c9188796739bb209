"""Lenient date parsing for feeds and press-release pages. Pure.

Numeric dates follow the source's ``date_order`` ("dmy", "mdy", "ymd"; day first when unset);
``evident_order`` reads the order off a listing whose dates settle it (a 25 in first place).
Month names come from CLDR (data/dates/months.json, built by build_months.py) for the
languages the extractor reads. Named zones (MSK, EET, KST, …) are converted; a value without
any zone is taken as UTC.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from importlib import resources

ORDERS = ("dmy", "mdy", "ymd")
# Abbreviations in common use for the zones of the sources' regions. Ambiguous ones (CST, IST,
# AST) keep email.utils' US reading or are left out.
ZONES = {
    "MSK": 3, "MSD": 4, "МСК": 3, "EET": 2, "EEST": 3, "CET": 1, "CEST": 2, "MEZ": 1,
    "MESZ": 2, "WET": 0, "WEST": 1, "BST": 1, "KST": 9, "JST": 9, "HKT": 8, "SGT": 8,
    "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "GST": 4, "TRT": 3, "SAMT": 4,
    "YEKT": 5, "GET": 4, "AZT": 4, "PKT": 5, "ICT": 7, "WIB": 7, "PHT": 8, "EAT": 3,
    "CAT": 2, "WAT": 1, "SAST": 2, "ART": -3, "BRT": -3, "UZT": 5, "ALMT": 5, "KGT": 6,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}  # fmt: skip
_TWELVE_HOUR = re.compile(r"\d\s*[AaPp]\.?[Mm]\b")
# Upper case only ("GET", "CAT" and "ART" are words too), except Russian "мск".
_ZONE = re.compile(r"(?<![\w+-])\(?(" + "|".join([*ZONES, "мск", "Мск"]) + r")\)?(?!\w)")
_NUM_Y_LAST = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")
_NUM_Y_FIRST = re.compile(r"\b(\d{4})[./-](\d{1,2})[./-](\d{1,2})\b")
_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})")
_D_MONTH_Y = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?([^\W\d_]{3,})\.?,?\s+(?:de\s+)?(\d{4})\b"
)
_MONTH_D_Y = re.compile(r"\b([^\W\d_]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_TIME = re.compile(
    r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\b\.?)?"
    r"(?:\s*(?:GMT|UTC|UT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?\b)?"
)


def parse_date(value: str | None, *, order: str | None = None) -> datetime | None:
    """A timezone-aware UTC datetime from ISO 8601, RFC 822 or common written forms."""
    if not value:
        return None
    text = _ZONE.sub(_offset_for, " ".join(value.split())[:200])
    found = _iso(text) or _rfc822(text) or _written(text, order or "dmy")
    if found is None:
        return None
    found = found.replace(microsecond=0)  # feeds' and pages' dates are to the second
    if found.tzinfo is None:
        return found.replace(tzinfo=UTC)
    return found.astimezone(UTC)


def _offset_for(match: re.Match[str]) -> str:
    hours = ZONES[match[1].upper()]
    return f"{'+' if hours >= 0 else '-'}{abs(hours):02d}00"


def evident_order(values: Iterable[str | None]) -> str | None:
    """"dmy" or "mdy" when some numeric date among ``values`` can only be read one way."""
    votes = set()
    for value in values:
        for m in _NUM_Y_LAST.finditer(value or ""):
            first, second = int(m[1]), int(m[2])
            if first > 12 >= second:
                votes.add("dmy")
            elif second > 12 >= first:
                votes.add("mdy")
    return votes.pop() if len(votes) == 1 else None


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _rfc822(text: str) -> datetime | None:
    if _TWELVE_HOUR.search(text):
        return None  # email.utils reads "9:15 PM" as 09:15
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _written(text: str, order: str) -> datetime | None:
    ymd = _numeric(text, order) or _with_month_name(text)
    if ymd is None:
        return None
    hour, minute, second, zone = _clock(text)
    try:
        return datetime(*ymd, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None


def _numeric(text: str, order: str) -> tuple[int, int, int] | None:
    if m := _NUM_Y_FIRST.search(text) or _CJK.search(text):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _NUM_Y_LAST.search(text):
        if order == "mdy":
            return int(m[3]), int(m[1]), int(m[2])
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
    """1–12 for a month name or abbreviation in one of the known languages.

    A word matches a name it begins (``ноя`` → ноябрь) or an abbreviation it extends
    (``Sept`` → sep); it must point to one month only.
    """
    word = _fold(word).rstrip(".")
    names, abbreviations = _months()
    if found := names.get(word) or abbreviations.get(word):
        return found
    if len(word) < 3:
        return None
    months = {m for name, m in names.items() if name.startswith(word)}
    months |= {m for abbr, m in abbreviations.items() if len(abbr) >= 3 and word.startswith(abbr)}
    return months.pop() if len(months) == 1 else None


@functools.cache
def _months() -> tuple[dict[str, int], dict[str, int]]:
    raw = json.loads(
        resources.files("diplowatch").joinpath("data/dates/months.json").read_text("utf-8")
    )
    return tuple({_fold(k): v for k, v in raw[kind].items()} for kind in ("names", "abbreviations"))  # type: ignore[return-value]


def _fold(word: str) -> str:
    """Casefolded, accents dropped ("Février" and "fevrier" are one word); й and ё kept."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn" or c == "\u0306")
    return unicodedata.normalize("NFC", kept)


def _clock(text: str) -> tuple[int, int, int, timezone | None]:
    m = _TIME.search(text)
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        return 0, 0, 0, None
    hour = int(m[1])
    if m[4] and hour <= 12:  # 12-hour clock: 12:30 AM is 00:30, 1:15 PM is 13:15
        hour = hour % 12 + (12 if m[4] in "Pp" else 0)
    zone = None
    if m[5] and int(m[6]) <= 14:
        minutes = int(m[6]) * 60 + int(m[7] or 0)
        zone = timezone(timedelta(minutes=minutes if m[5] == "+" else -minutes))
    return hour, int(m[2]), int(m[3] or 0), zone
