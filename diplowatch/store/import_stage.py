"""The bulk import of ledger rows (the seed, a CSV): rows are staged in a temp table (on disk,
bounded memory), compared with the log, then merged into ``events`` in one statement."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from .events import EXPORT_DATE, Row

STAGE_COLUMNS = ("line", "actor", "target", "act", "date", "date_precision", "source_url", "note")


@contextmanager
def bulk_transaction(db: Database) -> Iterator[None]:
    """One transaction whose temp tables, temp indexes and sorts spill to temp files.

    The connection keeps SQLite's temporary storage in memory for the statement journals of
    the savepoints nested in each poll (store/db.py); a million staged rows would live there
    too (docs/benchmarks.md). SQLite switches ``temp_store`` only outside a transaction, and
    drops the temp tables when it does (the stage is the only one), so an import nested in a
    caller's transaction stages in memory as before.
    """
    nested = db.conn.in_transaction
    if not nested:
        db.execute("PRAGMA temp_store = FILE")
    try:
        with db.atomic():
            yield
    finally:
        if not nested:
            db.execute("PRAGMA temp_store = MEMORY")


def open_stage(db: Database) -> None:
    db.execute("DROP TABLE IF EXISTS temp.ledger_stage")
    db.execute(
        "CREATE TEMP TABLE ledger_stage (line INTEGER, actor TEXT, target TEXT, act TEXT,"
        " date TEXT NOT NULL, date_precision TEXT, source_url TEXT NOT NULL, note TEXT)"
    )


def drop_stage(db: Database) -> None:
    db.execute("DROP TABLE IF EXISTS temp.ledger_stage")


# A live seed event and a staged row are the same fact when every column of the file agrees.
_SAME_SEED_ROW = (
    "e.target = s.target AND e.actor = s.actor AND e.act = s.act"
    " AND coalesce(e.effective_date, '') = s.date AND e.date_precision = s.date_precision"
    " AND e.source_url = s.source_url AND e.note = s.note"
)
_LIVE_SEED = "e.origin = 'seed' AND e.source = :source AND e.retracted_at IS NULL"


def diff_seed_stage(db: Database, *, source: str) -> tuple[list[Row], int]:
    """Compare the staged seed file with the live seed events from ``source``.

    Returns the live seed events the file no longer has, and how many staged rows are already
    live; those rows are removed from the stage so that only new ones remain to merge.
    """
    db.execute("CREATE INDEX temp.ledger_stage_pair ON ledger_stage (target, actor)")
    stale = list(db.query(
        f"SELECT e.id, e.actor, e.target FROM events e WHERE {_LIVE_SEED} AND NOT EXISTS"
        f" (SELECT 1 FROM temp.ledger_stage s WHERE {_SAME_SEED_ROW})", {"source": source},
    ))
    unchanged = db.execute(
        f"DELETE FROM temp.ledger_stage AS s WHERE EXISTS (SELECT 1 FROM events e"
        f" WHERE {_LIVE_SEED} AND {_SAME_SEED_ROW})", {"source": source},
    ).rowcount
    return stale, unchanged


def stage_rows(db: Database, rows: list[tuple[Any, ...]]) -> None:
    """Stage validated rows, in ``STAGE_COLUMNS`` order."""
    marks = ", ".join("?" for _ in STAGE_COLUMNS)
    sql = f"INSERT INTO temp.ledger_stage ({', '.join(STAGE_COLUMNS)}) VALUES ({marks})"
    db.conn.executemany(sql, rows)


def merge_stage(db: Database, *, origin: str, source: str, now: str) -> tuple[int, list[tuple[str, str]]]:
    """Append staged rows not already in the log; returns (inserted, affected pairs)."""
    # Dated rows find their pair's events through the sort_key range (index), undated ones
    # scan their pair. Unqualified columns of EXPORT_DATE resolve to e: the stage has none.
    dated = "ledger_stage.date <> '' AND e.sort_key >= ledger_stage.date AND e.sort_key < ledger_stage.date || 'U'"
    for condition in (dated, "ledger_stage.date = ''"):
        db.execute(
            "DELETE FROM temp.ledger_stage WHERE EXISTS (SELECT 1 FROM events e"
            " WHERE e.target = ledger_stage.target AND e.actor = ledger_stage.actor"
            f" AND {condition} AND e.act = ledger_stage.act"
            " AND e.source_url = ledger_stage.source_url AND e.retracted_at IS NULL"
            f" AND {EXPORT_DATE} = ledger_stage.date)"
        )
    inserted = db.execute(_MERGE_SQL, {"origin": origin, "source": source, "now": now}).rowcount
    pairs = [(r["actor"], r["target"]) for r in db.query("SELECT DISTINCT actor, target FROM temp.ledger_stage")]
    db.execute("DROP TABLE temp.ledger_stage")
    return inserted, pairs


# Ordered by pair so the events indexes fill in order (faster: see docs/benchmarks.md); within
# a pair, rows keep their file order.
_MERGE_SQL = """
INSERT INTO events (actor, target, act, source, source_url, official, evidence, confidence,
    reported_at, effective_date, date_precision, origin, note, sort_key, created_at)
SELECT actor, target, act, :source, source_url, 0, '', 1.0,
    CASE WHEN date = '' THEN :now ELSE date || 'T00:00:00+00:00' END,
    nullif(date, ''), date_precision, :origin, note,
    CASE WHEN date <> '' THEN date WHEN act = 'recognize' THEN '' ELSE :now END,
    :now
FROM temp.ledger_stage ORDER BY target, actor, date, line
"""
