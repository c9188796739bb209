"""Administrators' decisions on extracted acts (``reviews``) and the queue of held reports.

A decision row keeps the act as extracted, the decision (models.DECISIONS), the right value
a "wrong actor/act" decision gave, and the statement's text as the extractor read it, so the
decisions can be exported as labelled documents (diplowatch/labels.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from .events import AWAITING

Row = dict[str, Any]

REVIEW_COLUMNS = ("event_id", "decision", "actor", "target", "act", "right_actor", "right_act",
                  "reason", "admin_id", "statement_id", "text", "lang", "url", "published",
                  "created_at")
# Held media reports no administrator has decided on: the review queue, oldest first.
_QUEUE = ("FROM events e WHERE e.held = ? AND e.retracted_at IS NULL"
          " AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.event_id = e.id)")


def add_review(db: Database, row: Row) -> int:
    cols = ", ".join(REVIEW_COLUMNS)
    marks = ", ".join("?" for _ in REVIEW_COLUMNS)
    cursor = db.execute(f"INSERT INTO reviews ({cols}) VALUES ({marks})",
                        [row.get(c) for c in REVIEW_COLUMNS])
    return int(cursor.lastrowid or 0)


def event_reviews(db: Database, event_id: int) -> list[Row]:
    return list(db.query("SELECT * FROM reviews WHERE event_id = ? ORDER BY id", [event_id]))


def waiting_count(db: Database) -> int:
    return next(db.query(f"SELECT count(*) AS n {_QUEUE}", [AWAITING]))["n"]


def next_waiting(db: Database, *, after: int = 0) -> Row | None:
    """The oldest held report with an id above ``after`` (wrapping round to the first)."""
    sql = f"SELECT e.* {_QUEUE} AND e.id > ? ORDER BY e.id LIMIT 1"
    return next(db.query(sql, [AWAITING, after]), None) or (
        next(db.query(sql, [AWAITING, 0]), None) if after else None)


def waiting_position(db: Database, event_id: int) -> int:
    """1-based place of a held report in the queue."""
    return next(db.query(f"SELECT count(*) AS n {_QUEUE} AND e.id <= ?", [AWAITING, event_id]))["n"]


def iter_reviewed_statements(db: Database) -> Iterator[int]:
    """Statements with at least one decision, in the order they were first decided."""
    sql = ("SELECT statement_id FROM reviews WHERE statement_id IS NOT NULL"
           " GROUP BY statement_id ORDER BY min(id)")
    return (row["statement_id"] for row in db.query(sql))


def statement_reviews(db: Database, statement_id: int) -> list[Row]:
    return list(db.query("SELECT * FROM reviews WHERE statement_id = ? ORDER BY id", [statement_id]))
