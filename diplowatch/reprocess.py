"""`diplowatch reprocess`: run the (upgraded) extractor over the whole archive.

New events are added and events no longer found are retracted, through the ledger; nothing
re-alerts (a retracted act that had alerted gets one correction per chat that got it), and a second run changes nothing. Works in batches, one transaction each, so a
crash loses at most the batch in progress (and running again finishes the job).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from . import ledger
from .extract import extract
from .pipeline import queue_corrections, statement_text
from .store import Database
from .store.statements import get_statement, ids_after

BATCH = 500


@dataclass
class ReprocessTotals:
    statements: int = 0
    added: int = 0
    retracted: int = 0
    kept: int = 0
    corrections: int = 0  # correction messages queued (chats that got a retracted act's alert)


def reprocess_archive(db: Database, *, now: datetime,
                      progress: Callable[[int], object] | None = None) -> ReprocessTotals:
    """``progress(n)`` after each batch: n more statements read (of count_statements)."""
    totals, last_id = ReprocessTotals(), 0
    while True:
        ids = ids_after(db, last_id, limit=BATCH)
        if not ids:
            return totals
        with db.atomic():
            for statement_id in ids:
                _one(db, statement_id, totals, now=now)
        last_id = ids[-1]
        if progress:
            progress(len(ids))


def _one(db: Database, statement_id: int, totals: ReprocessTotals, *, now: datetime) -> None:
    statement = get_statement(db, statement_id)
    if statement is None:
        return
    result = ledger.reprocess_statement(db, statement_id,
                                        extract(statement_text(statement), statement.lang), now=now)
    totals.statements += 1
    totals.added += result.added
    totals.retracted += result.retracted
    totals.kept += result.kept
    totals.corrections += queue_corrections(db, result.corrections, reason="reprocess", now=now)
