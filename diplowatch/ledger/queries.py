"""Questions about the ledger: status of an entity, what a state recognizes, recent acts."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from ..names import is_un_member
from ..store import events as events_store
from ..store import parse_iso
from .model import EntityStatus, Fact, LedgerEvent, Row, _day

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
