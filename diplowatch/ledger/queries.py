"""Questions about the ledger: status of an entity, what a state recognizes, recent acts."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from ..names import is_un_member
from ..store import events as events_store
from ..store import parse_iso
from .model import Baseline, Claim, EntityStatus, EntitySummary, Fact, LedgerEvent, Row, _day

if TYPE_CHECKING:
    from ..store import Database


def status_of(db: Database, target: str) -> EntityStatus:
    """Who recognizes ``target`` now (with since dates), who withdrew (when), who rejects."""
    facts = [_fact(r) for r in events_store.target_facts(db, target)]
    withdrew = [f for f in facts if f.status == "withdrew"]
    withdrew.sort(key=lambda f: (f.until is None, f.until or date.min))
    return EntityStatus(
        target=target,
        recognizes=[f for f in facts if f.status == "recognizes"],
        withdrew=withdrew,
        rejects=[f for f in facts if f.status == "rejects"],
    )


def summary_of(db: Database, target: str, *, latest: int = 5) -> EntitySummary:
    """The status plus what an honest answer needs: undated claims, latest changes, as-of, baseline."""
    status = status_of(db, target)
    dated = [f for f in status.recognizes + status.withdrew + status.rejects if _changed_on(f)]
    dated.sort(key=lambda f: (_changed_on(f), f.event_id), reverse=True)
    claims = [_claim(r) for r in events_store.undated_claims(db, target)]
    counts = events_store.target_origin_counts(db, target)
    baseline = Baseline(**{k: counts.get(k, 0) for k in ("seed", "manual", "extracted")})
    return EntitySummary(status, claims, dated[:latest], _day(events_store.newest_fact_day(db)), baseline)


def acts_of(db: Database, actor: str) -> list[Fact]:
    """Every current status of ``actor`` (a state or an entity), by the date of its act."""
    return [_fact(r) for r in events_store.actor_facts(db, actor)]


def _changed_on(fact: Fact) -> date | None:
    return fact.until if fact.status == "withdrew" else fact.since


def _claim(r: Row) -> Claim:
    return Claim(r["actor"], r["act"], _attribution(r["note"] or ""), r["source_url"], is_un_member(r["actor"]))


def _attribution(note: str) -> str:
    """Who makes an undated claim, from its note: the first clause, without asides."""
    first = note.split(";", 1)[0].split(" (", 1)[0].strip()
    first = first.removeprefix("claimed by ").strip()
    return first[:120] or "no attribution recorded"


def recognized_by(db: Database, actor: str, *, statuses: tuple[str, ...] = ("recognizes",)) -> list[Fact]:
    """What ``actor`` recognizes now (pass ``statuses`` to include withdrew/rejects)."""
    return [_fact(r) for r in events_store.actor_facts(db, actor) if r["status"] in statuses]


def latest_events(db: Database, n: int = 10) -> list[LedgerEvent]:
    """The n most recent dated acts (first reports, not mentions), newest first."""
    return [_ledger_event(r) for r in events_store.latest_first_events(db, n)]


def history(db: Database, actor: str, target: str) -> list[LedgerEvent]:
    """Every event of one pair in timeline order, mentions, held and retracted included."""
    return [_ledger_event(r) for r in events_store.history(db, actor, target)]


def _fact(r: Row) -> Fact:
    return Fact(
        actor=r["actor"], target=r["target"], status=r["status"], since=_day(r["since"]),
        since_precision=r["since_precision"] or "unknown", until=_day(r["until"]),
        until_precision=r["until_precision"], event_id=r["event_id"],
        statement_id=r["statement_id"], source=r["source"], source_url=r["source_url"],
        origin=r["origin"], un_member=is_un_member(r["actor"]),
    )


def _ledger_event(r: Row) -> LedgerEvent:
    return LedgerEvent(
        id=r["id"], actor=r["actor"], target=r["target"], act=r["act"], origin=r["origin"],
        reported_at=parse_iso(r["reported_at"]) or datetime.min, effective_date=_day(r["effective_date"]),
        date_precision=r["date_precision"], statement_id=r["statement_id"], source=r["source"],
        source_url=r["source_url"], official=bool(r["official"]), evidence=r["evidence"],
        confidence=r["confidence"], note=r["note"], mention_of=r["mention_of"], held=r["held"],
        retracted_at=parse_iso(r["retracted_at"]),
    )
