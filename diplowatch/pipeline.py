"""ingest(): statements in, everything they cause stored in one transaction.

Store (dedup, revisions) → extract → ledger → alerts → outbox rows. Because the outbox rows
commit with the statement that caused them, a crash can repeat a send but never lose one.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from datetime import datetime

from . import ledger, texts
from .extract import extract
from .models import Event, Statement
from .store import Database, chats, outbox
from .store import sources as source_store
from .store.keywords import KeywordIndex
from .store.statements import StoredBatch, add_statements, unstored

log = logging.getLogger(__name__)

MAX_EXTRACT_CHARS = 200_000  # the extractor is linear, but a 10 MiB page is not a statement


@dataclass
class Prepared:
    """The thinking for a batch, done off the event loop before its write (``prepare``):
    events and matched keywords of the statements that were not stored yet, keyed by
    ``id()`` of these very Statement objects. ``keywords``: what was matched against."""

    keywords: frozenset[str] = frozenset()
    matches: dict[int, set[str]] = field(default_factory=dict)
    events: dict[int, list[Event]] = field(default_factory=dict)


def prepare(db: Database, statements: list[Statement]) -> Prepared:
    """Extract events and match keyword subscriptions for the statements ``db`` (a read
    connection, in a worker thread) does not hold yet. Pure reads; ingest_batch uses the
    results, and does itself what this missed (a statement or keyword that came meanwhile)."""
    fresh = unstored(db, statements)
    index = KeywordIndex(chats.keyword_values(db)) if fresh else KeywordIndex(())
    prepared = Prepared(index.keywords)
    for statement in fresh:
        prepared.matches[id(statement)] = index.match(alert_text(statement))
        with contextlib.suppress(Exception):  # ingest_batch extracts it again, and logs why
            prepared.events[id(statement)] = extract(statement_text(statement), statement.lang)
    return prepared


def ingest(db: Database, statements: list[Statement], *, now: datetime) -> list[Statement]:
    """Store new statements (and revisions of edited ones); return the new ones."""
    return ingest_batch(db, statements, now=now).new


def ingest_batch(db: Database, statements: list[Statement], *, now: datetime,
                 prepared: Prepared | None = None) -> StoredBatch:
    if not statements:
        return StoredBatch()
    prepared = prepared or Prepared()
    with db.atomic():
        batch = add_statements(db, statements, now=now)
        sources = {s.source for s in statements}
        official = source_store.official_names(db, sources)
        alerts = 0
        for statement in batch.new + batch.revised:
            alerts += _recognitions_isolated(db, statement, prepared.events.get(id(statement)),
                                             official=statement.source in official, now=now)
        audience = chats.statement_audience(db, sources)
        keywords = _Keywords(audience, prepared)
        for statement in batch.new:
            alerts += _statement_alert(db, statement, audience, keywords.of(statement), now=now)
    if batch.new or batch.revised:
        log.info("ingested new=%d revised=%d duplicates=%d alerts=%d",
                 len(batch.new), len(batch.revised), batch.duplicates, alerts)
    return batch


def statement_text(statement: Statement) -> str:
    return f"{statement.title}\n\n{statement.text}"[:MAX_EXTRACT_CHARS]


def alert_text(statement: Statement) -> str:
    """What keyword subscriptions are matched against."""
    return f"{statement.title}\n{statement.text}"


class _Keywords:
    """The keywords of the audience found in a statement: matched by ``prepare`` where it
    could, with the keywords subscribed since then matched here."""

    def __init__(self, audience: chats.StatementAudience, prepared: Prepared) -> None:
        self.audience, self.prepared = audience, prepared
        self._late: KeywordIndex | None = None

    def of(self, statement: Statement) -> set[str]:
        matched = self.prepared.matches.get(id(statement))
        if matched is None:
            return self.audience.keywords.match(alert_text(statement))
        if self._late is None:
            self._late = KeywordIndex(self.audience.by_keyword.keys() - self.prepared.keywords)
        return matched | self._late.match(alert_text(statement)) if self._late.keywords else matched


def _recognitions_isolated(db: Database, statement: Statement, events: list[Event] | None, *,
                           official: bool, now: datetime) -> int:
    """A bug in extraction or the ledger for one statement must not lose the batch or stall the
    source: the statement stays stored, its events are skipped (a savepoint), the error logged.
    `diplowatch reprocess` picks them up after the fix."""
    try:
        if events is None:
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


def _statement_alert(db: Database, statement: Statement, audience: chats.StatementAudience,
                     keywords: set[str], *, now: datetime) -> int:
    """Subscribers to the source, or to a keyword in the statement, get the statement itself."""
    chat_ids = audience.chats_for_keywords(statement.source, keywords)
    if not chat_ids:
        return 0
    alert_id = outbox.create_alert(db, kind="statement", text=texts.statement_alert(statement),
                                   statement_id=statement.id, now=now)
    outbox.enqueue(db, alert_id, chat_ids, now=now)
    return 1
