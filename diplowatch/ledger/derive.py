"""Deriving a pair's status from its events: the ``recognitions`` row is always recomputed
from the log, never edited (docs/ledger.md); retracting events derives their pairs again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..store import events as events_store
from ..store import iso
from .model import STATUS, Retraction, Row

if TYPE_CHECKING:
    from ..store import Database


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
        since: str | None = when
        since_prec: str | None = precision
        until: str | None = None
        until_prec: str | None = None
        if self.status == "withdrew":
            since, since_prec = event_date(self.recognized) if self.recognized else (None, None)
            until, until_prec = when, precision
        return {"status": self.status, "since": since, "since_precision": since_prec,
                "until": until, "until_precision": until_prec,
                "event_id": self.first["id"], "updated_at": iso(now)}



def recompute_pair(db: Database, actor: str, target: str, *, now: datetime) -> PairState | None:
    """Re-derive one pair's row in ``recognitions`` from its events."""
    state = derive_pair(events_store.pair_timeline(db, actor, target))
    events_store.save_recognition(db, actor, target, state.row(now) if state else None)
    return state


def derive_pair(timeline: list[Row]) -> PairState | None:
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


def event_date(row: events_store.Columns) -> tuple[str | None, str]:
    """An event's date for status purposes: effective date, else the report date (live)."""
    if row["effective_date"]:
        return row["effective_date"], row["date_precision"]
    if row["origin"] == "extracted":
        return row["reported_at"][:10], "day"
    return None, "unknown"


def retract(db: Database, rows: list[Row], *, now: datetime) -> list[Retraction]:
    """Retract these events and derive their pairs again; returns, for those that counted,
    the status each pair falls back to (the ones whose act no longer stands need a
    correction if they alerted)."""
    events_store.retract_events(db, [r["id"] for r in rows], now=iso(now) or "")
    states = {(a, t): recompute_pair(db, a, t, now=now) for a, t in {(r["actor"], r["target"]) for r in rows}}
    retractions = []
    for r in rows:
        state = states[(r["actor"], r["target"])]
        status = state.status if state else "unknown"
        if r["held"] is None and status != STATUS[r["act"]]:
            retractions.append(Retraction(r["id"], r["actor"], r["target"], r["act"], status))
    return retractions
