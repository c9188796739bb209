"""The ``events`` log (append-only recognition acts) and the derived ``recognitions`` table.

Events are never deleted or rewritten; the only updates are ``retracted_at`` (the extractor no
longer finds the act in its statement). ``sort_key`` places an event on its (actor, target)
timeline: the effective date when known, else the report time; an undated imported
``recognize`` gets ``''`` (before everything: a withdrawal presupposes it) and an undated
``withdraw``/``reject`` the import time. A mention inherits its first event's key.
Bulk imports are staged and merged in import_stage.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from sqlite_utils import Database

Row = dict[str, Any]


class Columns(Protocol):
    """A row read by column name: a ``Row``, or a ``sqlite3.Row`` where speed matters."""

    def __getitem__(self, key: str, /) -> Any: ...


EVENT_COLUMNS = (
    "actor", "target", "act", "statement_id", "source", "source_url", "official", "evidence",
    "confidence", "reported_at", "effective_date", "date_precision", "origin", "note",
    "mention_of", "held", "sort_key", "created_at", "provenance",
)
_LIVE = "retracted_at IS NULL AND held IS NULL"
_TIMELINE_ORDER = "sort_key, coalesce(mention_of, id), id"
# What deriving a status reads of each event.
_STATUS_COLUMNS = ("id, actor, act, effective_date, date_precision, reported_at, origin, official, sort_key,"
                   " mention_of, provenance, source")
AWAITING = "awaiting"  # ``held``: a media report waiting for a second source, an admin or time
DENIAL = "denial"  # ``held``: the actor's own denial of a report (it restores, it does not count)
# The date an event is exported under: imports compare against it to skip duplicates.
EXPORT_DATE = (
    "coalesce(effective_date, CASE WHEN origin = 'extracted' THEN substr(reported_at, 1, 10) END, '')"
)


def add_event(db: Database, row: Row) -> int:
    cols = ", ".join(EVENT_COLUMNS)
    marks = ", ".join("?" for _ in EVENT_COLUMNS)
    cursor = db.execute(f"INSERT INTO events ({cols}) VALUES ({marks})", [row.get(c) for c in EVENT_COLUMNS])
    return int(cursor.lastrowid or 0)


def get_event(db: Database, event_id: int) -> Row | None:
    return next(db.query("SELECT * FROM events WHERE id = ?", [event_id]), None)


def pair_timeline(db: Database, actor: str, target: str) -> list[Row]:
    """Events that count for the pair's status, in timeline order."""
    sql = f"SELECT {_STATUS_COLUMNS} FROM events WHERE target = ? AND actor = ? AND {_LIVE} ORDER BY {_TIMELINE_ORDER}"
    return list(db.query(sql, [target, actor]))


def target_timeline(db: Database, target: str) -> Iterator[Columns]:
    """The target's counting events in timeline order, with what replaying them needs (a
    timeline card reads thousands: sqlite3.Row, not a dict per row)."""
    sql = (f"SELECT actor, act, effective_date, date_precision, reported_at, origin FROM events"
           f" WHERE target = ? AND {_LIVE} ORDER BY {_TIMELINE_ORDER}")
    cursor = db.conn.cursor()
    cursor.row_factory = sqlite3.Row
    return iter(cursor.execute(sql, [target]))


def history(db: Database, actor: str, target: str) -> list[Row]:
    """Every event of the pair, retracted and held ones included, in timeline order."""
    sql = f"SELECT * FROM events WHERE target = ? AND actor = ? ORDER BY {_TIMELINE_ORDER}"
    return list(db.query(sql, [target, actor]))


def recent_first_event(db: Database, actor: str, target: str, act: str, lo: str, hi: str) -> Row | None:
    """The latest counting first report (not a mention) of this act reported in [lo, hi]."""
    sql = (
        f"SELECT * FROM events WHERE target = ? AND actor = ? AND act = ? AND {_LIVE} "
        "AND mention_of IS NULL AND reported_at BETWEEN ? AND ? ORDER BY reported_at DESC LIMIT 1"
    )
    return next(db.query(sql, [target, actor, act, lo, hi]), None)


def awaiting_event(db: Database, actor: str, target: str, act: str) -> Row | None:
    """The first report of this act that waits (the alert policy held it), if any."""
    sql = ("SELECT * FROM events WHERE target = ? AND actor = ? AND act = ? AND held = ?"
           " AND retracted_at IS NULL ORDER BY id LIMIT 1")
    return next(db.query(sql, [target, actor, act, AWAITING]), None)


def denied_reports(db: Database, actor: str, target: str, lo: str, hi: str) -> list[Row]:
    """Recognitions of the pair reported in [lo, hi] by others than the actor's own sources,
    counting or waiting, with their mentions: what an official denial takes back."""
    sql = ("SELECT * FROM events WHERE target = ? AND actor = ? AND act = 'recognize'"
           " AND origin = 'extracted' AND retracted_at IS NULL AND coalesce(held, ?) = ?"
           " AND provenance <> 'official-self' AND reported_at BETWEEN ? AND ? ORDER BY id")
    return list(db.query(sql, [target, actor, AWAITING, AWAITING, lo, hi]))


def recent_denial(db: Database, actor: str, target: str, lo: str, hi: str) -> Row | None:
    """The actor's denial of the pair (held as a denial) reported in [lo, hi], if any."""
    sql = ("SELECT * FROM events WHERE target = ? AND actor = ? AND held = ? AND retracted_at IS NULL"
           " AND reported_at BETWEEN ? AND ? ORDER BY id LIMIT 1")
    return next(db.query(sql, [target, actor, DENIAL, lo, hi]), None)


def live_mentions(db: Database, event_id: int) -> list[Row]:
    """Later reports of the same act that count as this event's mentions."""
    return list(db.query("SELECT * FROM events WHERE mention_of = ? AND retracted_at IS NULL"
                         " ORDER BY id", [event_id]))


def overdue_events(db: Database, *, created_before: str) -> list[Row]:
    """Waiting reports held since before ``created_before`` (events_held index)."""
    sql = ("SELECT * FROM events WHERE held = ? AND created_at <= ? AND retracted_at IS NULL"
           " ORDER BY created_at, id")
    return list(db.query(sql, [AWAITING, created_before]))


def release_event(db: Database, event_id: int) -> bool:
    """A waiting report now counts; False when it no longer waits (released or retracted)."""
    cursor = db.execute("UPDATE events SET held = NULL WHERE id = ? AND held = ? AND retracted_at IS NULL",
                        [event_id, AWAITING])
    return cursor.rowcount == 1


def save_recognition(db: Database, actor: str, target: str, row: Row | None) -> None:
    """Replace the derived status of one pair (``None`` removes it)."""
    db.execute("DELETE FROM recognitions WHERE actor = ? AND target = ?", [actor, target])
    if row is not None:
        cols = ("actor", "target", *row)
        db.execute(
            f"INSERT INTO recognitions ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
            [actor, target, *row.values()],
        )


def pair_status(db: Database, actor: str, target: str) -> str:
    """The derived status of (actor, target): recognizes, withdrew, rejects, or unknown."""
    row = next(db.query("SELECT status FROM recognitions WHERE actor = ? AND target = ?",
                        [actor, target]), None)
    return row["status"] if row else "unknown"


_FACTS = (
    "SELECT r.*, e.statement_id, e.source, e.source_url, e.origin, e.official "
    "FROM recognitions r LEFT JOIN events e ON e.id = r.event_id "
)


def target_facts(db: Database, target: str) -> list[Row]:
    sql = _FACTS + "WHERE r.target = ? ORDER BY r.since IS NULL, r.since, r.event_id"
    return list(db.query(sql, [target]))


def actor_facts(db: Database, actor: str) -> list[Row]:
    """The actor's statuses by the date of the act behind each (withdrew: the withdrawal)."""
    sql = _FACTS + (
        "WHERE r.actor = ? ORDER BY coalesce(r.until, r.since) IS NULL, coalesce(r.until, r.since), r.target"
    )
    return list(db.query(sql, [actor]))


# An undated imported act: it cannot be placed on the timeline, so it never sets a status.
_UNDATED = "e.effective_date IS NULL AND e.origin <> 'extracted'"


def undated_claims(db: Database, target: str) -> list[Row]:
    """Undated withdraw/reject acts on ``target`` that the pair's status does not already say."""
    sql = (
        "SELECT e.actor, e.act, e.note, e.source_url, min(e.id) AS id FROM events e"
        " LEFT JOIN recognitions r ON r.target = e.target AND r.actor = e.actor"
        f" WHERE e.target = ? AND e.act <> 'recognize' AND {_UNDATED}"
        " AND e.retracted_at IS NULL AND e.held IS NULL AND e.mention_of IS NULL"
        " AND (r.status IS NULL OR r.status = 'recognizes')"
        " GROUP BY e.actor, e.act ORDER BY id"
    )
    return list(db.query(sql, [target]))


def ledger_revision(db: Database) -> tuple[int, int]:
    """Changes whenever an event is added or updated: (newest event id, count of updates)."""
    row = next(db.query("SELECT (SELECT max(id) FROM events) AS newest,"
                        " (SELECT updates FROM ledger_revision WHERE id = 1) AS updates"))
    return row["newest"] or 0, row["updates"] or 0


def newest_fact_day(db: Database) -> str | None:
    """The date of the newest dated act in the ledger (walks the sort_key index from the top)."""
    sql = (
        f"SELECT sort_key FROM events WHERE {_LIVE} AND mention_of IS NULL"
        " AND (effective_date IS NOT NULL OR origin = 'extracted') ORDER BY sort_key DESC LIMIT 1"
    )
    row = next(db.query(sql), None)
    return row["sort_key"][:10] if row else None


def target_origin_counts(db: Database, target: str) -> dict[str, int]:
    """How many acts on ``target`` (first reports that count) come from each origin."""
    sql = f"SELECT origin, count(*) AS n FROM events WHERE target = ? AND {_LIVE} AND mention_of IS NULL GROUP BY origin"
    return {r["origin"]: r["n"] for r in db.query(sql, [target])}


def statement_events(db: Database, statement_id: int) -> list[Row]:
    return list(db.query("SELECT * FROM events WHERE statement_id = ? ORDER BY id", [statement_id]))


def retract_events(db: Database, ids: Iterable[int], *, now: str) -> None:
    for event_id in ids:
        db.execute("UPDATE events SET retracted_at = ? WHERE id = ?", [now, event_id])


def statement_meta(db: Database, statement_id: int) -> Row | None:
    """Source name, URL, report time and officialness of a stored statement."""
    sql = (
        "SELECT s.source, s.url AS source_url, coalesce(s.published_at, s.fetched_at) AS reported_at,"
        " coalesce(src.official, 0) AS official FROM statements s"
        " LEFT JOIN sources src ON src.name = s.source WHERE s.id = ?"
    )
    return next(db.query(sql, [statement_id]), None)


def latest_first_events(db: Database, n: int) -> list[Row]:
    """The n most recent dated acts (first reports only), newest first."""
    sql = (
        f"SELECT * FROM events WHERE {_LIVE} AND mention_of IS NULL "
        "AND (effective_date IS NOT NULL OR origin = 'extracted') "
        "ORDER BY sort_key DESC, id DESC LIMIT ?"
    )
    return list(db.query(sql, [n]))


def has_origin(db: Database, origin: str) -> bool:
    return next(db.query("SELECT 1 AS x FROM events WHERE origin = ? LIMIT 1", [origin]), None) is not None


# --- export ---


def iter_first_events(db: Database, *, target: str | None = None) -> Iterator[Row]:
    """Counting first reports, grouped by target, in timeline order (the CSV export)."""
    where = "AND target = :target " if target is not None else ""
    sql = (
        f"SELECT *, {EXPORT_DATE} AS export_date FROM events WHERE {_LIVE} AND mention_of IS NULL "
        f"{where}ORDER BY target, export_date = '', sort_key, actor, id"
    )
    return db.query(sql, {"target": target})


def iter_events(db: Database) -> Iterator[Row]:
    return db.query("SELECT * FROM events ORDER BY id")


def iter_recognitions(db: Database) -> Iterator[Row]:
    return db.query("SELECT * FROM recognitions ORDER BY target, actor")
