"""ingest(): statements in, everything they cause stored in one transaction.

Store (dedup, revisions) → extract → provenance and alert policy (ledger.record) → ledger →
alerts, confirmations, corrections → outbox rows. Because the outbox rows
commit with the statement that caused them, a crash can repeat a send but never lose one.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from . import ledger, texts
from .extract import extract
from .models import AlertPolicy, Event, Statement
from .store import Database, chats, outbox
from .store import audience as audience_store
from .store import sources as source_store
from .store.keywords import KeywordIndex
from .store.statements import StoredBatch, add_statements, get_statement, unstored
from .texts.i18n import in_each_language

log = logging.getLogger(__name__)

MAX_EXTRACT_CHARS = 200_000  # the extractor is linear, but a 10 MiB page is not a statement
# What one transaction of a polled batch may cost, in outbox rows (a text's 100 characters,
# indexed for search, count as one): a batch beyond it is written in chunks, so that a write
# on the event loop's own connection (a sent mark, a command) waits for SQLite's write lock
# for one chunk's transaction at most (chunks(); store/group.py).
CHUNK_COST = 2_000


@dataclass
class Prepared:
    """The thinking for a batch, done off the event loop before its write (``prepare``):
    events and matched keywords of the statements that were not stored yet, keyed by
    ``id()`` of these very Statement objects. ``keywords``: what was matched against."""

    keywords: frozenset[str] = frozenset()
    matches: dict[int, set[str]] = field(default_factory=dict)
    events: dict[int, list[Event]] = field(default_factory=dict)
    rows: dict[int, int] = field(default_factory=dict)  # its statement alert's outbox rows


def prepare(db: Database, statements: list[Statement]) -> Prepared:
    """Extract events and match keyword subscriptions for the statements ``db`` (a read
    connection, in a worker thread) does not hold yet. Pure reads; ingest_batch uses the
    results, and does itself what this missed (a statement or keyword that came meanwhile)."""
    fresh = unstored(db, statements)
    if not fresh:
        return Prepared()
    audience = audience_store.statement_audience(db, {s.source for s in fresh})
    prepared = Prepared(audience.keywords.keywords)
    for statement in fresh:
        matched = prepared.matches[id(statement)] = audience.keywords.match(alert_text(statement))
        prepared.rows[id(statement)] = len(audience.chats_for_keywords(statement.source, matched))
        with contextlib.suppress(Exception):  # ingest_batch extracts it again, and logs why
            prepared.events[id(statement)] = extract(statement_text(statement), statement.lang)
    return prepared


def chunks(statements: list[Statement], prepared: Prepared | None = None, *,
           budget: int = CHUNK_COST) -> list[list[Statement]]:
    """``statements`` cut, in order, into parts of at most ``budget`` in cost (a statement's
    text and its statement alert's outbox rows, as ``prepared`` counted them), each to be
    stored by its own ingest_batch in its own transaction; a part has one statement at least.

    Nothing is lost or doubled by a crash between parts: the parts committed are stored with
    all their alert rows, the source's validators are recorded with the last part only, so the
    next poll fetches the batch again and dedup stores just the rest (docs/reliability.md).
    (A recognition alert's rows, unknown until the ledger is asked, go with their statement.)"""
    rows = prepared.rows if prepared else {}
    parts: list[list[Statement]] = [[]]
    spent = 0
    for statement in statements:
        cost = 1 + (len(statement.title) + len(statement.text)) // 100 + rows.get(id(statement), 0)
        if parts[-1] and spent + cost > budget:
            parts.append([])
            spent = 0
        parts[-1].append(statement)
        spent += cost
    return parts


def ingest(db: Database, statements: list[Statement], *, now: datetime,
           policy: AlertPolicy | None = None) -> list[Statement]:
    """Store new statements (and revisions of edited ones); return the new ones."""
    batch = ingest_batch(db, statements, now=now, policy=policy)
    log_stored(batch)
    return batch.new


def ingest_batch(db: Database, statements: list[Statement], *, now: datetime,
                 prepared: Prepared | None = None, policy: AlertPolicy | None = None
                 ) -> StoredBatch:
    """``policy``: which reports wait before they alert (None: every new act alerts at once).
    The batch's ``alerts`` counts the alerts queued; the caller logs it (log_stored)."""
    if not statements:
        return StoredBatch()
    prepared = prepared or Prepared()
    with db.atomic():
        batch = add_statements(db, statements, now=now)
        sources = {s.source for s in statements}
        official = source_store.official_states(db, sources)
        alerts = 0
        for statement in batch.new + batch.revised:
            report = Reporter(statement.source in official, official.get(statement.source), policy)
            alerts += _recognitions_isolated(db, statement, prepared.events.get(id(statement)),
                                             report, now=now)
        audience = audience_store.statement_audience(db, sources)
        keywords = _Keywords(audience, prepared)
        for statement in batch.new:
            alerts += _statement_alert(db, statement, audience, keywords.of(statement), now=now)
    batch.alerts = alerts
    return batch


def log_stored(batch: StoredBatch) -> None:
    """The log line of a stored poll (docs/operations.md), once for all its chunks."""
    if batch.new or batch.revised:
        log.info("ingested new=%d revised=%d duplicates=%d alerts=%d",
                 len(batch.new), len(batch.revised), batch.duplicates, batch.alerts)


def statement_text(statement: Statement) -> str:
    return f"{statement.title}\n\n{statement.text}"[:MAX_EXTRACT_CHARS]


def alert_text(statement: Statement) -> str:
    """What keyword subscriptions are matched against."""
    return f"{statement.title}\n{statement.text}"


class _Keywords:
    """The keywords of the audience found in a statement: matched by ``prepare`` where it
    could, with the keywords subscribed since then matched here."""

    def __init__(self, audience: audience_store.StatementAudience, prepared: Prepared) -> None:
        self.audience, self.prepared = audience, prepared
        self._late: KeywordIndex | None = None

    def of(self, statement: Statement) -> set[str]:
        matched = self.prepared.matches.get(id(statement))
        if matched is None:
            return self.audience.keywords.match(alert_text(statement))
        if self._late is None:
            self._late = KeywordIndex(self.audience.by_keyword.keys() - self.prepared.keywords)
        return matched | self._late.match(alert_text(statement)) if self._late.keywords else matched


@dataclass(frozen=True)
class Reporter:
    """What the pipeline knows of a statement's source when it records its acts."""

    official: bool
    state: str | None  # the government an official source speaks for
    policy: AlertPolicy | None


def _recognitions_isolated(db: Database, statement: Statement, events: list[Event] | None,
                           report: Reporter, *, now: datetime) -> int:
    """A bug in extraction or the ledger for one statement must not lose the batch or stall the
    source: the statement stays stored, its events are skipped (a savepoint), the error logged.
    `diplowatch reprocess` picks them up after the fix."""
    try:
        if events is None:
            events = extract(statement_text(statement), statement.lang)
        if not events:  # most statements: no savepoint needed
            return 0
        with db.atomic():
            return _recognitions(db, statement, events, report, now=now)
    except Exception:
        log.exception("extraction failed statement=%s source=%s; stored without events",
                      statement.id, statement.source)
        return 0


def _recognitions(db: Database, statement: Statement, events: list[Event], report: Reporter, *,
                  now: datetime) -> int:
    changes = ledger.record(
        db, events, statement_id=statement.id, source=statement.source,
        source_url=statement.url, official=report.official, state=report.state,
        policy=report.policy, reported_at=statement.published_at or now, now=now,
    )
    reviewers = report.policy.reviewers if report.policy else frozenset()
    return sum(alert_change(db, change, statement, now=now, reviewers=reviewers) for change in changes)


def alert_change(db: Database, change: ledger.Change, statement: Statement, *, now: datetime,
                 reviewers: frozenset[int] = frozenset()) -> int:
    """Queue the alert for a ledger change: a new act to the chats that follow it; a
    confirmation, as one line, to the chats that got the first alert (a reply to it); a
    denial's corrections; a held report's notice to the ``reviewers`` the bot can write to."""
    titles = source_store.titles(db, {*change.reporters, *filter(None, [change.source])})
    chat_ids: Iterable[int | tuple[int, int]]
    if change.kind == "held":
        chat_ids = chats.private_chats(db, reviewers)
        if not chat_ids:
            return 0
        text, translations = in_each_language(lambda: texts.review_notice(change, titles))
        alert_id = outbox.create_alert(db, kind="review", text=text, translations=translations,
                                       event_id=change.event_id, statement_id=statement.id, now=now)
        return min(outbox.enqueue(db, alert_id, chat_ids, now=now), 1)
    if change.kind == "denied":
        source = titles.get(change.source or "") or change.source or ""
        return min(queue_corrections(db, list(change.retracts), now=now,
                                     reason=lambda: texts.denial_reason(change.actor, source)), 1)
    if change.kind == "confirmed":
        first = outbox.event_alert(db, change.confirms) if change.confirms else None
        if first is None:
            return 0
        text, translations = in_each_language(
            lambda: texts.confirmation_line(change, statement, titles))
        chat_ids = outbox.recipients(db, first)
    else:
        first = None
        text, translations = in_each_language(
            lambda: texts.recognition_alert(change, statement, titles))
        chat_ids = audience_store.matching_chats(db, entity=change.target, state=change.actor)
    alert_id = outbox.create_alert(db, kind=f"event-{change.kind}", text=text, event_id=change.event_id,
                                   statement_id=statement.id, reply_to=first,
                                   translations=translations, now=now)
    outbox.enqueue(db, alert_id, chat_ids, now=now)
    return 1


def release_held(db: Database, *, policy: AlertPolicy, now: datetime) -> int:
    """Held media reports past the policy's maximum wait go out, marked unconfirmed."""
    alerts = 0
    with db.atomic():
        for change in ledger.release_overdue(db, max_wait=policy.max_wait, now=now):
            statement = get_statement(db, change.statement_id) if change.statement_id else None
            if statement is not None:
                alerts += alert_change(db, change, statement, now=now)
    if alerts:
        log.info("released held reports alerts=%d (unconfirmed)", alerts)
    return alerts


def queue_corrections(db: Database, retractions: list[ledger.Retraction], *,
                      reason: str | Callable[[], str], now: datetime) -> int:
    """One short correction per chat that got the alert of a retracted act, as a reply to it;
    rows of that alert not sent yet are dropped instead. Joins the caller's transaction (the
    retraction and its corrections commit together), so a crash never loses one. ``reason``:
    a key of texts.RETRACTION_REASONS, or a function writing it in the current language."""
    corrections = 0
    for retraction in retractions:
        first = outbox.event_alert(db, retraction.event_id)
        if first is None:
            continue
        outbox.cancel_pending(db, first, reason="retracted before it was sent")
        chat_ids = outbox.recipients(db, first)
        if not chat_ids:
            continue
        text, translations = in_each_language(
            lambda: texts.correction(retraction, reason=reason))  # noqa: B023 (called here)
        alert_id = outbox.create_alert(db, kind="correction", text=text, translations=translations,
                                       event_id=retraction.event_id, reply_to=first, now=now)
        corrections += outbox.enqueue(db, alert_id, chat_ids, now=now)
    return corrections


def _statement_alert(db: Database, statement: Statement, audience: audience_store.StatementAudience,
                     keywords: set[str], *, now: datetime) -> int:
    """Subscribers to the source, or to a keyword in the statement, get the statement itself."""
    chat_ids = audience.chats_for_keywords(statement.source, keywords)
    if not chat_ids:
        return 0
    text, translations = in_each_language(lambda: texts.statement_alert(statement))
    alert_id = outbox.create_alert(db, kind="statement", text=text, translations=translations,
                                   statement_id=statement.id, now=now)
    outbox.enqueue(db, alert_id, chat_ids, now=now)
    return 1
