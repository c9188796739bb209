"""Administrators' review of held reports and their retraction of acts (docs/alerts.md).

Every decision runs in one transaction with the ledger change, the alerts or corrections it
causes (outbox rows) and the decision's label (store/reviews.py), and it checks first that
the report is still what the card showed (``stamp``): a stale button or a second admin's
press changes nothing. Nothing here awaits, so two presses cannot interleave.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from . import ledger, texts
from .extract.gazetteer import find_mentions
from .extract.normalize import clean_text, guess_lang
from .extract.tokens import tokenize
from .models import Event, UserError
from .names import ENTITIES, state_codes
from .pipeline import alert_change, queue_corrections, statement_text
from .store import Database, iso, outbox, parse_iso
from .store import events as events_store
from .store import reviews as review_store
from .store import sources as source_store
from .store.statements import get_statement

Row = dict
DECISIONS = {"c": "confirm", "n": "not-recognition", "a": "wrong-act", "w": "wrong-actor"}
ACTS = tuple(ledger.STATUS)


class StaleDecision(UserError):
    """The report was decided or changed since its card was shown."""


@dataclass(frozen=True)
class Card:
    event: Row
    position: int  # in the queue, from 1
    waiting: int  # reports in the queue
    source_title: str
    stamp: str


@dataclass(frozen=True)
class Outcome:
    decision: str
    event: Row
    alerts: int = 0  # outbox rows queued: the alert (confirm, right value) or corrections
    right: str | None = None  # the right actor or act given
    status: str = "unknown"  # the pair's status afterwards


def stamp(row: Row, reviews: int = 0) -> str:
    """What a card's buttons carry of the report as it was shown: any change refuses them."""
    seen = f"{row['id']}|{row['held']}|{row['retracted_at']}|{row['actor']}|{row['target']}|{row['act']}|{reviews}"
    return hashlib.sha256(seen.encode()).hexdigest()[:10]


def next_card(db: Database, *, after: int = 0) -> Card | None:
    row = review_store.next_waiting(db, after=after)
    return card_of(db, row) if row is not None else None


def card_of(db: Database, row: Row) -> Card:
    titles = source_store.titles(db, {row["source"]}) if row["source"] else {}
    return Card(row, review_store.waiting_position(db, row["id"]), review_store.waiting_count(db),
                titles.get(row["source"]) or row["source"] or "", stamp(row))


def current(db: Database, event_id: int, seen: str | None) -> Row:
    """The held report a decision is about, as the card showed it; else why not."""
    row = events_store.get_event(db, event_id)
    if row is None:
        raise UserError(texts.REVIEW_GONE, id=event_id)
    decided = review_store.event_reviews(db, event_id)
    if decided:
        raise StaleDecision(texts.REVIEW_DECIDED, id=event_id, decision=decided[-1]["decision"])
    if row["held"] != events_store.AWAITING or row["retracted_at"] or (seen and seen != stamp(row)):
        raise StaleDecision(texts.REVIEW_CHANGED, id=event_id)
    return row


def decide(db: Database, event_id: int, decision: str, *, seen: str | None, admin_id: int,
           now: datetime, value: str | None = None) -> Outcome:
    """Apply an admin's decision on a held report. ``seen``: the card's stamp (None for a
    typed command); ``value``: the right act or actor of a wrong-act/wrong-actor decision."""
    with db.atomic():
        row = current(db, event_id, seen)
        first_row = outbox.last_outbox_id(db)
        statement = get_statement(db, row["statement_id"]) if row["statement_id"] else None
        if decision == "confirm":
            change = ledger.release(db, row, now=now)
            if change is not None and statement is not None:
                alert_change(db, change, statement, now=now)
        else:
            ledger.retract(db, [row], now=now)  # held: it never counted, no correction
            if decision != "not-recognition":
                _record_right(db, row, decision, value, statement, now=now)
        _label(db, row, decision, admin_id=admin_id, now=now, value=value)
        actor = value if decision == "wrong-actor" and value else row["actor"]
        return Outcome(decision, row, outbox.last_outbox_id(db) - first_row, value,
                       events_store.pair_status(db, actor, row["target"]))


def _record_right(db: Database, row: Row, decision: str, value: str | None, statement, *,
                  now: datetime) -> None:
    """The act as the admin says it is: recorded as confirmed (no policy holds it)."""
    actor, act = (row["actor"], value) if decision == "wrong-act" else (value, row["act"])
    if actor is None or act is None:
        raise UserError(texts.REVIEW_BAD_VALUE, value="")
    same = (actor, act) == (row["actor"], row["act"])
    known_actor = actor in state_codes() or actor in ENTITIES
    if act not in ACTS or same or not known_actor or actor == row["target"]:
        raise UserError(texts.REVIEW_BAD_VALUE, value=value or "")
    state = source_store.official_states(db, {row["source"]}).get(row["source"]) if row["source"] else None
    changes = ledger.record(
        db, [Event(actor, row["target"], act, row["evidence"], row["confidence"])],
        statement_id=row["statement_id"], source=row["source"], source_url=row["source_url"],
        official=bool(row["official"]), state=state, now=now,
        reported_at=parse_iso(row["reported_at"]) or now,
    )
    for change in changes if statement is not None else ():
        alert_change(db, change, statement, now=now)


def retract_event(db: Database, event_id: int, *, reason: str, admin_id: int, now: datetime) -> Outcome:
    """``/retract``: the act and its later mentions stop counting; every chat that got its
    alert gets one correction (a reply to it). A second retraction is refused."""
    with db.atomic():
        row = events_store.get_event(db, event_id)
        if row is None:
            raise UserError(texts.REVIEW_GONE, id=event_id)
        if row["retracted_at"]:
            raise UserError(texts.RETRACT_ALREADY, id=event_id)
        if row["origin"] != "extracted":
            raise UserError(texts.RETRACT_NOT_EXTRACTED, id=event_id)
        retractions = ledger.retract(db, [row, *events_store.live_mentions(db, event_id)], now=now)
        corrections = queue_corrections(db, retractions, now=now,
                                        reason=lambda: texts.admin_retraction_reason(reason))
        _label(db, row, "retract", admin_id=admin_id, now=now, reason=reason)
        status = events_store.pair_status(db, row["actor"], row["target"])
        return Outcome("retract", row, corrections, status=status)


def offered_actors(db: Database, row: Row, *, limit: int = 6) -> list[str]:
    """States the statement names, other than the report's actor: the likely right actors."""
    statement = get_statement(db, row["statement_id"]) if row["statement_id"] else None
    if statement is None:
        return []
    text = clean_text(statement_text(statement))
    mentions = find_mentions(tokenize(text), guess_lang(text, statement.lang))
    found = [c for m in mentions if m.kind in ("state", "capital", "adj", "person") for c in m.codes]
    codes = state_codes()
    return [c for c in dict.fromkeys(found) if c in codes and c not in (row["actor"], row["target"])][:limit]


def _label(db: Database, row: Row, decision: str, *, admin_id: int, now: datetime,
           value: str | None = None, reason: str = "") -> None:
    statement = get_statement(db, row["statement_id"]) if row["statement_id"] else None
    review_store.add_review(db, {
        "event_id": row["id"], "decision": decision, "actor": row["actor"], "target": row["target"],
        "act": row["act"], "right_actor": value if decision == "wrong-actor" else None,
        "right_act": value if decision == "wrong-act" else None, "reason": reason,
        "admin_id": admin_id, "statement_id": row["statement_id"],
        "text": statement_text(statement) if statement else row["evidence"] or "",
        "lang": statement.lang if statement else None,
        "url": statement.url if statement else row["source_url"],
        "published": iso(statement.published_at) if statement else row["reported_at"],
        "created_at": iso(now),
    })

