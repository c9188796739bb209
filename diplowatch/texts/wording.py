"""How dates, times and counts read in chat replies and alerts: one format for each.

- A day: "4 Mar 2008"; with less precision "Mar 2008" or "2008". English month names from
  this module, never the machine's locale (strftime's %b follows it); in the other languages
  CLDR's through Babel, the month in full: "4 марта 2008", "березень 2008" (CLDR's long
  form without its "г."), "4 de marzo de 2008", "mars 2008", "4. März 2008".
- A moment, in alerts and status: "4 Mar 2008, 14:05 UTC", converted to UTC. A time of exactly
  00:00:00 is what a source that gives only a date yields, so it reads as the day alone.
- A count: "1 UN member state recognizes it", "21 UN member states recognize it", with the
  plural category from Babel's CLDR rules (English has one/other; Russian and Ukrainian
  one/few/many, where 21 takes the form of 1).
- A time relative to now: "5m ago", "in 2h", "never" (source tables, /status); an uptime:
  "for 3 hours". Both in the language being answered (i18n.py); the terminal's is English.
- A quote or title on one line: whitespace folded, cut with "…".
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, format_skeleton

from .. import names
from ..telegram_html import escape
from .i18n import DEFAULT, _, current, ngettext, speaking

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(when: date | str | None, precision: str | None = "day") -> str:
    """'21 Feb 2022', 'Feb 2022', '2022' or '' by precision; accepts date, datetime (in UTC)
    or ISO text."""
    if not when:
        return ""
    if isinstance(when, datetime) and when.tzinfo is not None:
        when = when.astimezone(UTC)
    text = when if isinstance(when, str) else when.isoformat()
    year, month, dom = (text[:10].split("-") + ["", ""])[:3]
    good = month.isascii() and month.isdigit() and 1 <= int(month) <= 12
    if precision == "year" or not good:
        return year
    whole_day = precision != "month" and dom.isascii() and dom.isdigit() and 1 <= int(dom) <= 31
    if current() != DEFAULT and year.isascii() and year.isdigit():
        return _day_in(current(), int(year), int(month), int(dom) if whole_day else None)
    mon = MONTHS[int(month) - 1]
    if not whole_day:
        return f"{mon} {year}"
    return f"{int(dom)} {mon} {year}"


@lru_cache(maxsize=4096)  # Babel's formatting is slow next to the rest of an alert
def _day_in(language: str, year: int, month: int, dom: int | None) -> str:
    try:
        when = date(year, month, dom or 1)
    except ValueError:  # 31 Feb from a source: its month then
        when, dom = date(year, month, 1), None
    if language in _NO_YEAR_WORD:
        return format_date(when, "d MMMM y" if dom else "LLLL y", locale=language)
    return format_date(when, "long", locale=language) if dom else format_skeleton(
        "yMMMM", when, locale=language)


_NO_YEAR_WORD = ("ru", "uk")  # CLDR's long dates add "г." / "р." after the year there


def moment(when: datetime | date | None, *, unknown: str | None = None) -> str:
    """'4 Mar 2008, 14:05 UTC' (a naive datetime is taken as UTC, as the store writes it)."""
    if when is None:
        return _("date unknown") if unknown is None else unknown
    if not isinstance(when, datetime):
        return day(when)
    utc = when.astimezone(UTC) if when.tzinfo else when
    if (utc.hour, utc.minute, utc.second) == (0, 0, 0):
        return day(utc)
    return f"{day(utc)}, {utc:%H:%M} UTC"


_ISO_DAY = re.compile(r"\b(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")


def dates_in(text: str) -> str:
    """Free text (a ledger note) with its ISO days in the one format: 'Vucic on 4 Jan 2023'."""
    with speaking(DEFAULT):  # the note is English: its dates too
        return _ISO_DAY.sub(lambda m: day(m[0]), text)


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def plural(n: int, forms: dict[str, str], *, lang: str = "en") -> str:
    """The form of ``forms`` (CLDR categories: one, few, many, other) for ``n``, with {n} filled
    in: plural(21, {"one": "{n} state", "other": "{n} states"}) → '21 states'."""
    category = _locale(lang).plural_form(abs(n))
    return (forms.get(category) or forms["other"]).replace("{n}", f"{n:,}")


def count(n: int, one: str, other: str | None = None) -> str:
    """'1 UN member state', '2 UN member states' (English: one and other)."""
    return plural(n, {"one": "{n} " + one, "other": "{n} " + (other or one + "s")})


def span(seconds: int) -> str:
    """'3d', '5h', '12m' (the largest whole unit), '0m' under a minute."""
    for size, unit in ((86400, _("{n}d")), (3600, _("{n}h")), (60, _("{n}m"))):
        if seconds >= size:
            return unit.format(n=seconds // size)
    return _("{n}m").format(n=0)


def ago(when: datetime | None, *, now: datetime) -> str:
    if when is None:
        return _("never")
    seconds = int((now - when).total_seconds())
    if seconds < 0:
        return _("in under a minute") if seconds > -60 else _("in {span}").format(span=span(-seconds))
    return _("{span} ago").format(span=span(seconds)) if seconds >= 60 else _("just now")


def uptime(since: datetime, *, now: datetime) -> str:
    """'just started', 'for 5 minutes', 'for 3 hours', 'for 2 days'."""
    seconds = max(0, int((now - since).total_seconds()))
    if seconds >= 86400:
        return ngettext("for {n} day", "for {n} days", seconds // 86400).format(n=seconds // 86400)
    if seconds >= 3600:
        return ngettext("for {n} hour", "for {n} hours", seconds // 3600).format(n=seconds // 3600)
    if seconds >= 60:
        return ngettext("for {n} minute", "for {n} minutes", seconds // 60).format(n=seconds // 60)
    return _("just started")


def name(code: str, *, actor: bool = False, html: bool = False) -> names.Name:
    """A state's or entity's name in the language being answered (names.display), with its
    cases for templates that ask (``{target:acc}``); ``html``: escaped for Telegram HTML."""
    shown = names.cased(code, lang=current(), actor=actor)
    if html:
        return names.Name(escape(shown), {case: escape(v) for case, v in shown.cases.items()})
    return shown


def one_line(text: str, *, width: int = 90) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


fact_date = day  # the date of an act: '21 Feb 2022', 'Feb 2022', '2022' or '' by precision
