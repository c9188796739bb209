"""The recognitions CSV, read and written: the seed file's format (``data/README`` of the
shared data), so an export imports back with ``ledger.import_csv``.

``read_rows`` is the streaming, validating reader behind that import: it yields one item per
record and never holds the file in memory. ``export_csv`` writes the counting first reports.
The JSON dump is in jsondump.py.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterator
from datetime import date
from typing import IO, TYPE_CHECKING, TextIO

from ..names import ENTITIES, TARGETS, state_codes
from ..store import events as events_store

if TYPE_CHECKING:
    from ..store import Database

log = logging.getLogger(__name__)

HEADER = ("actor", "target", "act", "date", "date_precision", "source_url", "note")
ACTS = ("recognize", "withdraw", "reject")
PRECISIONS = ("day", "month", "year", "unknown")
MAX_NOTE = 2000
CsvRow = tuple[str, str, str, str, str, str, str]
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def read_rows(fh: IO[str], *, today: date) -> Iterator[tuple[int, CsvRow | str]]:
    """Yield ``(line, row)`` for each valid record and ``(line, reason)`` for each bad one.

    ``line`` is the physical line the record starts on. A broken header, broken quoting or
    undecodable text ends the stream with that error.
    """
    reader = csv.reader(fh, strict=True)
    line = 1
    try:
        header = next(reader, None)
        if header is None:
            yield 1, f"the file is empty: the first line must be the header {','.join(HEADER)}"
            return
        if tuple(header) != HEADER:
            found = ",".join(header)[:120]
            yield 1, f"the header must be exactly {','.join(HEADER)} (found {found!r})"
            return
        while True:
            line = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                return
            if row:  # blank lines are ignored
                yield line, check_row(row, today=today)
    except csv.Error as exc:
        yield line, f"broken CSV quoting ({exc}): check the quotes in the record starting here"
    except UnicodeDecodeError:
        yield line, "the file is not UTF-8 text (error at or after this line)"


def check_row(row: list[str], *, today: date) -> CsvRow | str:
    """The row as a tuple when valid, else the reason it is not."""
    if len(row) != len(HEADER):
        return f"expected {len(HEADER)} fields ({','.join(HEADER)}), found {len(row)}"
    actor, target, act, when, precision, url, note = row
    note = unguard_cell(note)
    if _CONTROL.search("".join(row)):
        return "a field contains a line break or control character (an unbalanced quote?)"
    problem = (
        _check_codes(actor, target)
        or _check_act(act)
        or _check_date(when, precision, today)
        or _check_url(url)
        or (f"note is longer than {MAX_NOTE} characters" if len(note) > MAX_NOTE else None)
    )
    return problem or (actor, target, act, when, precision, url, note)


def _check_codes(actor: str, target: str) -> str | None:
    if actor not in state_codes() and actor not in ENTITIES:
        return (
            f"unknown actor {actor[:40]!r}: use an ISO 3166-1 alpha-2 code in capitals (e.g. KP)"
            f" or an entity code ({', '.join(ENTITIES)})"
        )
    if target not in TARGETS:
        return f"unknown target {target[:40]!r}: use one of {', '.join(TARGETS)}"
    if actor == target:
        return "actor and target are the same"
    return None


def _check_act(act: str) -> str | None:
    return None if act in ACTS else f"unknown act {act[:40]!r}: use {_either(ACTS)}"


def _check_date(when: str, precision: str, today: date) -> str | None:
    if precision not in PRECISIONS:
        return f"unknown date_precision {precision[:40]!r}: use {_either(PRECISIONS)}"
    if not when:
        return None if precision == "unknown" else "an empty date needs date_precision unknown"
    try:
        day = date.fromisoformat(when) if len(when) == 10 else None
    except ValueError:
        day = None
    if day is None:
        return f"bad date {when[:40]!r}: use YYYY-MM-DD"
    if precision == "unknown":
        return "a date is given but date_precision is unknown"
    if precision == "month" and day.day != 1:
        return f"date {when} has month precision: use the 1st of the month"
    if precision == "year" and (day.month, day.day) != (1, 1):
        return f"date {when} has year precision: use {day.year}-01-01"
    if day > today:
        return f"date {when} is in the future"
    return None


def _either(options: tuple[str, ...]) -> str:
    return ", ".join(options[:-1]) + " or " + options[-1]


def _check_url(url: str) -> str | None:
    scheme, _, rest = url.partition("://")
    if scheme.lower() in ("http", "https") and rest and " " not in url:
        return None
    return f"source_url {url[:80]!r} is not an http(s) URL"


def export_csv(db: Database, out: TextIO, *, target: str | None = None) -> int:
    """Write every counting first report (of ``target`` only, if given) in the seed CSV
    format; returns rows written.

    Mentions are evidence of an act already written, so they are left out. Acts without an
    http(s) source URL cannot be written in this format and are skipped (logged).
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    written = skipped = 0
    for row in events_store.iter_first_events(db, target=target):
        url = row["source_url"] or ""
        if _check_url(url):
            skipped += 1
            continue
        writer.writerow(_csv_row(row, url))
        written += 1
    if skipped:
        log.warning("export skipped=%d reason=no http(s) source_url", skipped)
    return written


def _csv_row(row: events_store.Row, url: str) -> CsvRow:
    when = row["export_date"]
    precision = row["date_precision"] if row["effective_date"] else ("day" if when else "unknown")
    note = " ".join(_CONTROL.sub(" ", row["note"] or row["evidence"] or "").split())[:MAX_NOTE]
    return (row["actor"], row["target"], row["act"], when, precision, url, guard_cell(note))


# A spreadsheet runs a cell that starts with one of these as a formula ('=HYPERLINK(…)' in a
# quoted statement becomes a live link). The export puts an apostrophe before such a cell, as
# OWASP advises, and the import takes it off again, so files still round-trip.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def unguard_cell(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text
