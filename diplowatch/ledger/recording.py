"""Recording reported acts, deriving each pair's status from its events, reprocessing."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from ..models import Event, UserError
from ..names import ENTITIES, TARGETS, is_un_member, state_codes
from ..store import events as events_store
from ..store import iso, parse_iso
from .model import STATUS, Change, Earlier, ReprocessResult, Row, _day, _Report, _utc

if TYPE_CHECKING:
    from ..store import Database

log = logging.getLogger(__name__)

MENTION_WINDOW = timedelta(days=14)
# When one statement holds several acts for one pair (history told as background), the act
# applied is the first of these; the others are kept as held evidence.
_PRECEDENCE = ("withdraw", "reject", "recognize")


@dataclass
class PairState:
    """A pair's derived status and the run of events behind it."""

    status: str
    first: Row  # the event that started the current status
    recognized: Row | None  # withdrew: the start of the recognition that was withdrawn
    run: list[Row]  # events since ``first``

    def row(self, now: datetime) -> Row:
        """This state as a ``recognitions`` row."""
        when, precision = event_date(self.first)
        since, since_prec, until, until_prec = when, precision, None, None
        if self.status == "withdrew":
            since, since_prec = event_date(self.recognized) if self.recognized else (None, None)
            until, until_prec = when, precision
        return {"status": self.status, "since": since, "since_precision": since_prec,
                "until": until, "until_precision": until_prec,
                "event_id": self.first["id"], "updated_at": iso(now)}


# --- recording -----------------------------------------------------------------------------


def record(
    db: Database, events: list[Event], *, statement_id: int | None, source: str | None,
    source_url: str | None, official: bool, reported_at: datetime, now: datetime,
) -> list[Change]:
    """Append the acts found in one statement; return the changes worth an alert.

    Runs in a savepoint, so it joins the caller's transaction. A report dated after ``now``
    is placed at ``now``.
    """
    report = _Report(statement_id, source, source_url, official, min(_utc(reported_at), _utc(now)))
    changes = []
    with db.atomic():
        # a revised statement is recorded again: acts it already gave are not new evidence
        known = _known_acts(db, statement_id)
        for event, held in _plan(e for e in events if _key(e) not in known):
            change = _record_one(db, event, report, held=held, now=now)
            if change is not None:
                changes.append(change)
    return changes


def _known_acts(db: Database, statement_id: int | None) -> set[tuple[str, str, str]]:
    if statement_id is None:
        return set()
    rows = events_store.statement_events(db, statement_id)
    return {_key(r) for r in rows if r["retracted_at"] is None}


def _plan(events: Iterable[Event]) -> list[tuple[Event, str | None]]:
    """Drop invalid and repeated acts; hold all but one act per pair (see _PRECEDENCE)."""
    unique: dict[tuple[str, str, str], Event] = {}
    for ev in events:
        valid_actor = ev.actor in state_codes() or ev.actor in ENTITIES
        if ev.act not in STATUS or ev.target not in TARGETS or not valid_actor or ev.actor == ev.target:
            log.warning("ledger skipped event actor=%s target=%s act=%s", ev.actor, ev.target, ev.act)
            continue
        unique.setdefault((ev.actor, ev.target, ev.act), ev)
    applied: dict[tuple[str, str], str] = {}
    for actor, target, act in sorted(unique, key=lambda k: _PRECEDENCE.index(k[2])):
        applied.setdefault((actor, target), act)
    return [(ev, None if applied[k[:2]] == k[2] else "background") for k, ev in unique.items()]


def _record_one(
    db: Database, ev: Event, report: _Report, *, held: str | None, now: datetime, alert: bool = True
) -> Change | None:
    if held:
        _insert(db, ev, report, now=now, held=held)
        return None
    before = _derive(events_store.pair_timeline(db, ev.actor, ev.target))
    first = _first_report(db, ev, report, before)
    event_id = _insert(db, ev, report, now=now, first=first)
    if first is not None:
        confirmed = alert and _confirms(ev, report, before)
        return _change(db, "confirmed", ev, report, event_id, before, first["id"]) if confirmed else None
    after = recompute_pair(db, ev.actor, ev.target, now=now)
    if alert and ev.target in ENTITIES and _is_news(before, after, ev.act):
        return _change(db, "new", ev, report, event_id, before, None)
    return None


def _first_report(db: Database, ev: Event, report: _Report, before: PairState | None) -> Row | None:
    """The event this report repeats, if it is a mention."""
    if before is not None and before.status == STATUS[ev.act]:
        return before.first
    lo, hi = (iso(report.reported_at + d) for d in (-MENTION_WINDOW, MENTION_WINDOW))
    return events_store.recent_first_event(db, ev.actor, ev.target, ev.act, lo or "", hi or "")


def _confirms(ev: Event, report: _Report, before: PairState | None) -> bool:
    if not report.official or ev.target not in ENTITIES or before is None:
        return False
    run = before.run
    return before.status == STATUS[ev.act] and run[0]["origin"] == "extracted" and not any(
        r["official"] for r in run
    )


def _is_news(before: PairState | None, after: PairState | None, act: str) -> bool:
    old = before.status if before else "unknown"
    new = after.status if after else "unknown"
    # "still does not recognize" after a withdrawal is not news
    return new != old and new == STATUS[act] and (old, new) != ("withdrew", "rejects")


def _insert(
    db: Database, ev: Event, report: _Report, *, now: datetime, first: Row | None = None,
    held: str | None = None,
) -> int:
    return events_store.add_event(db, {
        "actor": ev.actor, "target": ev.target, "act": ev.act, "statement_id": report.statement_id,
        "source": report.source, "source_url": report.source_url, "official": int(report.official),
        "evidence": ev.evidence, "confidence": ev.confidence, "reported_at": iso(report.reported_at),
        "effective_date": None, "date_precision": "unknown", "origin": "extracted", "note": "",
        "mention_of": first["id"] if first else None, "held": held,
        "sort_key": first["sort_key"] if first else iso(report.reported_at), "created_at": iso(now),
    })


def _change(
    db: Database, kind: str, ev: Event, report: _Report, event_id: int,
    before: PairState | None, confirms: int | None,
) -> Change:
    recognizers = [
        f for f in events_store.target_facts(db, ev.target)
        if f["status"] == "recognizes" and is_un_member(f["actor"])
    ]
    earlier = [Earlier(f["actor"], _day(f["since"]), f["since_precision"] or "unknown")
               for f in recognizers if f["actor"] != ev.actor]
    recognize = ev.act == "recognize"
    return Change(
        kind=kind, event_id=event_id, actor=ev.actor, target=ev.target, act=ev.act,
        evidence=ev.evidence, source_url=report.source_url, reported_at=report.reported_at,
        statement_id=report.statement_id, source=report.source, official=report.official,
        previous=before.status if before else "unknown", confirms=confirms,
        ordinal=len(earlier) + 1 if recognize and is_un_member(ev.actor) else None,
        earlier=earlier, remaining=None if recognize else len(recognizers),
    )


# --- derivation ----------------------------------------------------------------------------


def recompute_pair(db: Database, actor: str, target: str, *, now: datetime) -> PairState | None:
    """Re-derive one pair's row in ``recognitions`` from its events."""
    state = _derive(events_store.pair_timeline(db, actor, target))
    events_store.save_recognition(db, actor, target, state.row(now) if state else None)
    return state


def _derive(timeline: list[Row]) -> PairState | None:
    """Replay a pair's dated events in timeline order; consecutive equal acts form one run.

    The status is the last dated act's. Undated acts cannot be placed: an undated recognize
    stands only while the pair has no dated act, and an undated withdraw/reject never sets
    the status (``summary_of`` shows it apart, as a claim).
    """
    dated = [row for row in timeline if event_date(row)[0] is not None]
    replay = dated or [row for row in timeline if row["act"] == "recognize"]
    state: PairState | None = None
    recognized: Row | None = None
    for row in replay:
        status = STATUS[row["act"]]
        if state is not None and state.status == status:
            state.run.append(row)
            continue
        if status == "recognizes":
            recognized = row
        state = PairState(status, row, recognized if status == "withdrew" else None, [row])
    return state


def event_date(row: Row) -> tuple[str | None, str]:
    """An event's date for status purposes: effective date, else the report date (live)."""
    if row["effective_date"]:
        return row["effective_date"], row["date_precision"]
    if row["origin"] == "extracted":
        return row["reported_at"][:10], "day"
    return None, "unknown"


# --- reprocessing ------------------------------------------------------------------------


def reprocess_statement(db: Database, statement_id: int, events: list[Event], *, now: datetime) -> ReprocessResult:
    """Re-apply a newer extractor's output to a stored statement, without alerts.

    Acts it finds that are not recorded are added (origin extracted); recorded acts it no
    longer finds get ``retracted_at=now`` and their pairs are re-derived. Idempotent.
    """
    with db.atomic():
        existing = events_store.statement_events(db, statement_id)
        live = {_key(r): r for r in existing if r["retracted_at"] is None and r["origin"] == "extracted"}
        plan = _plan(events)
        wanted = {_key(ev) for ev, _ in plan}
        gone = [r for k, r in live.items() if k not in wanted]
        events_store.retract_events(db, [r["id"] for r in gone], now=iso(now) or "")
        for actor, target in {(r["actor"], r["target"]) for r in gone}:
            recompute_pair(db, actor, target, now=now)
        new = [(ev, held) for ev, held in plan if _key(ev) not in live]
        if new:
            report = _statement_report(db, statement_id, existing)
            for ev, held in new:
                _record_one(db, ev, report, held=held, now=now, alert=False)
    return ReprocessResult(added=len(new), retracted=len(gone), kept=len(wanted) - len(new))


def _key(item: Row | Event) -> tuple[str, str, str]:
    if isinstance(item, Event):
        return item.actor, item.target, item.act
    return item["actor"], item["target"], item["act"]


def _statement_report(db: Database, statement_id: int, existing: list[Row]) -> _Report:
    meta = existing[0] if existing else events_store.statement_meta(db, statement_id)
    if meta is None:
        raise UserError(f"No statement with id {statement_id}.")
    reported = parse_iso(meta["reported_at"]) or datetime.min.replace(tzinfo=UTC)
    return _Report(statement_id, meta["source"], meta["source_url"], bool(meta["official"]), _utc(reported))
