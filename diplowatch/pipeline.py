"""ingest(): statements in, everything they cause stored in one transaction.

Store (dedup, revisions) → extract → ledger → alerts → outbox rows. Because the outbox rows
commit with the statement that caused them, a crash can repeat a send but never lose one.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlite_utils import Database

from .models import Statement
from .store.statements import StoredBatch, add_statements

log = logging.getLogger(__name__)


def ingest(db: Database, statements: list[Statement], *, now: datetime) -> list[Statement]:
    """Store new statements (and revisions of edited ones); return the new ones."""
    return ingest_batch(db, statements, now=now).new


def ingest_batch(db: Database, statements: list[Statement], *, now: datetime) -> StoredBatch:
    with db.atomic():
        batch = add_statements(db, statements, now=now)
    if batch.new or batch.revised:
        log.info("ingested new=%d revised=%d duplicates=%d",
                 len(batch.new), len(batch.revised), batch.duplicates)
    return batch
