"""ingest(): statements in, everything they cause stored in one transaction.

Store (dedup, revisions) → extract → ledger → alerts → outbox rows. Because the outbox rows
commit with the statement that caused them, a crash can repeat a send but never lose one.
"""

from __future__ import annotations

import logging
from datetime import datetime

from . import ledger, texts
from .extract import extract
from .models import Event, Statement
from .store import Database, chats, outbox
from .store import sources as source_store
from .store.statements import StoredBatch, add_statements

log = logging.getLogger(__name__)

MAX_EXTRACT_CHARS = 200_000  # the extractor is linear, but a 10 MiB page is not a statement


def ingest(db: Database, statements: list[Statement], *, now: datetime) -> list[Statement]:
    """Store new statements (and revisions of edited ones); return the new ones."""
    return ingest_batch(db, statements, now=now).new


def ingest_batch(db: Database, statements: list[Statement], *, now: datetime) -> StoredBatch:
    if not statements:
        return StoredBatch()
    with db.atomic():
        batch = add_statements(db, statements, now=now)
        sources = {s.source for s in statements}
        official = source_store.official_names(db, sources)
        alerts = 0
        for statement in batch.new + batch.revised:
            alerts += _recognitions_isolated(db, statement, official=statement.source in official,
                                             now=now)
        audience = chats.statement_audience(db, sources)
        for statement in batch.new:
            alerts += _statement_alert(db, statement, audience, now=now)
    if batch.new or batch.revised:
        log.info("ingested new=%d revised=%d duplicates=%d alerts=%d",
                 len(batch.new), len(batch.revised), batch.duplicates, alerts)
    return batch


def statement_text(statement: Statement) -> str:
    return f"{statement.title}\n\n{statement.text}"[:MAX_EXTRACT_CHARS]


def _recognitions_isolated(db: Database, statement: Statement, *, official: bool,
                           now: datetime) -> int:
    """A bug in extraction or the ledger for one statement must not lose the batch or stall the
    source: the statement stays stored, its events are skipped (a savepoint), the error logged.
    `diplowatch reprocess` picks them up after the fix."""
    try:
        events = extract(statement_text(statement), statement.lang)
        if not events:  # most statements: no savepoint needed
            return 0
        with db.atomic():
            return _recognitions(db, statement, events, official=official, now=now)
    except Exception:
        log.exception("extraction failed statement=%s source=%s; stored without events",
                      statement.id, statement.source)
        return 0


def _recognitions(db: Database, statement: Statement, events: list[Event], *, official: bool,
                  now: datetime) -> int:
    changes = ledger.record(
        db, events, statement_id=statement.id, source=statement.source,
        source_url=statement.url, official=official,
        reported_at=statement.published_at or now, now=now,
    )
    for change in changes:
        text = texts.recognition_alert(change, statement)
        alert_id = outbox.create_alert(db, kind=f"event-{change.kind}", text=text,
                                       event_id=change.event_id, statement_id=statement.id, now=now)
        outbox.enqueue(db, alert_id, chats.matching_chats(db, entity=change.target,
                                                          state=change.actor), now=now)
    return len(changes)


def _statement_alert(db: Database, statement: Statement, audience: chats.StatementAudience, *,
                     now: datetime) -> int:
    """Subscribers to the source, or to a keyword in the statement, get the statement itself."""
    chat_ids = audience.chats_for(statement.source, f"{statement.title}\n{statement.text}")
    if not chat_ids:
        return 0
    alert_id = outbox.create_alert(db, kind="statement", text=texts.statement_alert(statement),
                                   statement_id=statement.id, now=now)
    outbox.enqueue(db, alert_id, chat_ids, now=now)
    return 1
