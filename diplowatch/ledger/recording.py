"""Recording reported acts, deriving each pair's status from its events, reprocessing."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from ..models import PROVENANCES, AlertPolicy, Event, UserError
from ..names import ENTITIES, TARGETS, is_un_member, state_codes
from ..store import events as events_store
from ..store import iso, parse_iso
from ..store import sources as source_store
from .derive import PairState, derive_pair, event_date, recompute_pair, retract
from .model import STATUS, Change, Earlier, ReprocessResult, Row, _day, _Report, _utc

if TYPE_CHECKING:
    from ..store import Database

log = logging.getLogger(__name__)

MENTION_WINDOW = timedelta(days=14)
# When one statement holds several acts for one pair (history told as background), the act
# applied is the first of these; the others are kept as held evidence.
_PRECEDENCE = ("withdraw", "reject", "recognize")


# --- recording -----------------------------------------------------------------------------


def record(
    db: Database, events: list[Event], *, statement_id: int | None, source: str | None,
    source_url: str | None, official: bool, reported_at: datetime, now: datetime,
    state: str | None = None, policy: AlertPolicy | None = None,
) -> list[Change]:
    """Append the acts found in one statement; return the changes worth an alert.

    ``state``: the government an official source speaks for (its reports of that state's
    own acts are official-self). ``policy``: which reports wait before they count (None:
    none waits). Runs in a savepoint, so it joins the caller's transaction. A report dated
    after ``now`` is placed at ``now``.
    """
    report = _Report(statement_id, source, source_url, official,
                     min(_utc(reported_at), _utc(now)), state)
    changes = []
    with db.atomic():
        # a revised statement is recorded again: acts it already gave are not new evidence
        known = _known_acts(db, statement_id)
        for event, held in _plan(e for e in events if _key(e) not in known):
            change = _record_one(db, event, report, held=held, now=now, policy=policy)
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
    db: Database, ev: Event, report: _Report, *, held: str | None, now: datetime,
    alert: bool = True, policy: AlertPolicy | None = None,
) -> Change | None:
    if held:
        _insert(db, ev, report, now=now, held=held)
        return None
    if alert and ev.act == "reject" and report.provenance(ev.actor) == "official-self":
        denial, change = _denial(db, ev, report, now=now)
        if denial:
            return change
    waiting = events_store.awaiting_event(db, ev.actor, ev.target, ev.act) if alert else None
    if waiting is not None:
        return _second_report(db, ev, report, waiting, policy=policy, now=now)
    before = derive_pair(events_store.pair_timeline(db, ev.actor, ev.target))
    first = _first_report(db, ev, report, before)
    if first is not None:
        event_id = _insert(db, ev, report, now=now, first=first)
        confirmed = alert and _confirms(ev, report, before)
        return _change(db, "confirmed", ev, report, event_id, before, first["id"]) if confirmed else None
    if alert and policy and policy.holds(report.provenance(ev.actor), ev.confidence) \
            and ev.target in ENTITIES and _would_be_news(before, ev.act):
        event_id = _insert(db, ev, report, now=now, held=events_store.AWAITING)
        return _change(db, "held", ev, report, event_id, before, None) if policy.reviewers else None
    event_id = _insert(db, ev, report, now=now)
    after = recompute_pair(db, ev.actor, ev.target, now=now)
    if alert and ev.target in ENTITIES and _is_news(before, after, ev.act):
        return _change(db, "new", ev, report, event_id, before, None)
    return None


def _second_report(db: Database, ev: Event, report: _Report, waiting: Row, *,
                   policy: AlertPolicy | None, now: datetime) -> Change | None:
    """A report of an act whose first (media) report waits: from another source, or strong
    enough to alert by itself, it releases the first one (this one becomes its mention)."""
    independent = waiting["source"] != report.source
    if not independent and policy and policy.holds(report.provenance(ev.actor), ev.confidence):
        _insert(db, ev, report, now=now, held=events_store.AWAITING)  # the same outlet again
        return None
    change = release(db, waiting, now=now)
    _insert(db, ev, report, now=now, first=waiting)
    if change is None:
        return None
    strongest = min((change.provenance, report.provenance(ev.actor)), key=PROVENANCES.index)
    reporters = change.reporters + ((report.source,) if independent and report.source else ())
    if strongest == "official-self" and report.source:  # announced: the outlets do not matter
        reporters = (report.source,)
    return replace(change, provenance=strongest, reporters=reporters,
                   reporter_state=report.state if strongest == "official-other" else change.reporter_state)


def release(db: Database, waiting: Row, *, now: datetime, unconfirmed: bool = False) -> Change | None:
    """Let a waiting report count: the pair's status is derived again with it; returns the
    change to alert (None when it is no longer news, or no longer waits)."""
    actor, target = waiting["actor"], waiting["target"]
    before = derive_pair(events_store.pair_timeline(db, actor, target))
    if not events_store.release_event(db, waiting["id"]):
        return None
    after = recompute_pair(db, actor, target, now=now)
    if not _is_news(before, after, waiting["act"]):
        return None
    ev = Event(actor, target, waiting["act"], waiting["evidence"], waiting["confidence"])
    report = _Report(waiting["statement_id"], waiting["source"], waiting["source_url"],
                     bool(waiting["official"]), _utc(parse_iso(waiting["reported_at"]) or now))
    change = _change(db, "new", ev, report, waiting["id"], before, None)
    return replace(change, unconfirmed=unconfirmed)


def release_overdue(db: Database, *, max_wait: int, now: datetime) -> list[Change]:
    """Waiting reports held for ``max_wait`` seconds or more count now, marked unconfirmed."""
    created_before = iso(now - timedelta(seconds=max_wait)) or ""
    with db.atomic():
        released = [release(db, row, now=now, unconfirmed=True)
                    for row in events_store.overdue_events(db, created_before=created_before)]
    return [change for change in released if change is not None]


def _denial(db: Database, ev: Event, report: _Report, *, now: datetime) -> tuple[bool, Change | None]:
    """The actor's own source says it does not recognize, soon after others reported that it
    does: those reports (and their mentions) are retracted, the pair falls back to its status
    before them, and the denial is kept as held evidence (it restores; it is no new status).
    Returns whether it is a denial, and the change whose corrections to send (None when it
    repeats a recent denial: held too, nothing to send). Not a denial: an ordinary reject."""
    lo, hi = (iso(report.reported_at + d) or "" for d in (-MENTION_WINDOW, timedelta(minutes=1)))
    denied = events_store.denied_reports(db, ev.actor, ev.target, lo, hi)
    if not denied:
        if events_store.recent_denial(db, ev.actor, ev.target, lo, hi) is None:
            return False, None
        _insert(db, ev, report, now=now, held=events_store.DENIAL)  # the denial repeated: no news
        return True, None
    mentions = [m for r in denied if r["held"] is None for m in events_store.live_mentions(db, r["id"])]
    retractions = retract(db, [*denied, *mentions], now=now)
    event_id = _insert(db, ev, report, now=now, held=events_store.DENIAL)
    log.info("official denial event=%s retracts=%s", event_id, [r["id"] for r in denied])
    change = _change(db, "denied", ev, report, event_id, None, None)
    return True, replace(change, retracts=tuple(retractions))


def _first_report(db: Database, ev: Event, report: _Report, before: PairState | None) -> Row | None:
    """The event this report repeats, if it is a mention."""
    if before is not None and before.status == STATUS[ev.act]:
        return before.first
    lo, hi = (iso(report.reported_at + d) for d in (-MENTION_WINDOW, MENTION_WINDOW))
    return events_store.recent_first_event(db, ev.actor, ev.target, ev.act, lo or "", hi or "")


def _confirms(ev: Event, report: _Report, before: PairState | None) -> bool:
    """The acting state's own source repeats an act first reported by others."""
    if report.provenance(ev.actor) != "official-self" or ev.target not in ENTITIES or before is None:
        return False
    run = before.run
    return before.status == STATUS[ev.act] and run[0]["origin"] == "extracted" and not any(
        r["provenance"] == "official-self" for r in run
    )


def _would_be_news(before: PairState | None, act: str) -> bool:
    old = before.status if before else "unknown"
    return old != STATUS[act] and (old, STATUS[act]) != ("withdrew", "rejects")


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
        "provenance": report.provenance(ev.actor),
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
    again = event_date(before.first) if recognize and before and before.status == "withdrew" else None
    prov = report.provenance(ev.actor)
    return Change(
        kind=kind, event_id=event_id, actor=ev.actor, target=ev.target, act=ev.act,
        evidence=ev.evidence, source_url=report.source_url, reported_at=report.reported_at,
        statement_id=report.statement_id, source=report.source, official=report.official,
        previous=before.status if before else "unknown", confirms=confirms,
        ordinal=len(earlier) + 1 if recognize and is_un_member(ev.actor) else None,
        earlier=earlier, remaining=None if recognize else len(recognizers),
        provenance=prov, reporters=(report.source,) if report.source else (),
        reporter_state=report.state if prov == "official-other" else None,
        again_after=(again[0], again[1]) if again and again[0] else None, confidence=ev.confidence,
    )


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
        retractions = retract(db, gone, now=now)
        new = [(ev, held) for ev, held in plan if _key(ev) not in live]
        if new:
            report = _statement_report(db, statement_id, existing)
            for ev, held in new:
                _record_one(db, ev, report, held=held, now=now, alert=False)
    return ReprocessResult(added=len(new), retracted=len(gone), kept=len(wanted) - len(new),
                           corrections=retractions)


def _key(item: Row | Event) -> tuple[str, str, str]:
    if isinstance(item, Event):
        return item.actor, item.target, item.act
    return item["actor"], item["target"], item["act"]


def _statement_report(db: Database, statement_id: int, existing: list[Row]) -> _Report:
    meta = existing[0] if existing else events_store.statement_meta(db, statement_id)
    if meta is None:
        raise UserError(f"No statement with id {statement_id}.")
    reported = parse_iso(meta["reported_at"]) or datetime.min.replace(tzinfo=UTC)
    state = source_store.official_states(db, {meta["source"]}).get(meta["source"]) if meta["source"] else None
    return _Report(statement_id, meta["source"], meta["source_url"], bool(meta["official"]), _utc(reported),
                   state)
