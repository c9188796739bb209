"""A target's recognition history as the timeline card draws it: dated acts by UN members
replayed in ledger order, read from the ledger (the drawing in timeline.py needs no database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from ..ledger import STATUS, event_date, status_of
from ..models import N_, UserError
from ..names import display, is_un_member
from ..store import events as events_store
from ..texts import fact_date

if TYPE_CHECKING:
    from ..store import Database

NAME_CHARS = 28
DRAWN_ACTS = ("recognize", "withdraw")  # acts drawn as points; the others change no count
SYMBOL = {"recognize": "▲", "withdraw": "▼"}

# The entity is named in English: the chart is drawn in a worker thread, away from the
# answer's language (texts/i18n.py).
NO_HISTORY = N_("No recognition history for {entity} yet.")


@dataclass(frozen=True, slots=True)
class Point:
    day: date
    count: int  # UN members recognizing after this act
    act: str
    actor: str
    precision: str = "day"

    def moved(self, by: int) -> Point:
        """The same act with the count shifted (the constructor: dataclasses.replace is slow)."""
        return Point(self.day, self.count + by, self.act, self.actor, self.precision)

    @property
    def label(self) -> str:
        name = display(self.actor, actor=True)
        name = name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…"
        return f"{SYMBOL[self.act]} {name}, {fact_date(self.day, self.precision)}"


class Timeline(NamedTuple):
    points: list[Point]
    start: int  # UN members recognizing before the first dated act (undated or unrecorded)
    end: int  # UN members recognizing now
    undated: int  # acts by UN members without a known date (not drawn)
    undated_claims: int = 0  # of those, withdrawals or rejections: claims, not counted


@dataclass(frozen=True)
class TimelineData:
    """All a timeline card shows, read from the ledger (the drawing needs no database)."""

    target: str
    timeline: Timeline
    others: list[str]  # recognizers that are not UN members, by name
    as_of: date | None  # the newest dated act in the ledger
    end_day: date  # where the line ends: today, or the last act if later


def timeline_data(db: Database, target: str, *, now: datetime | None = None) -> TimelineData:
    status = status_of(db, target)
    timeline = timeline_points(db, target, current=status.un_count)
    if not timeline.points:
        raise UserError(NO_HISTORY, entity=display(target))
    others = sorted(display(f.actor, actor=True) for f in status.recognizes if not f.un_member)
    newest = events_store.newest_fact_day(db)
    last = timeline.points[-1].day
    end = max(now.date(), last) if now else last
    return TimelineData(target, timeline, others, date.fromisoformat(newest) if newest else None, end)


def timeline_points(db: Database, target: str, *, current: int) -> Timeline:
    """Replay the target's acts by UN members in ledger order, anchored to end at ``current``.

    Undated acts are not drawn: an undated recognition counts from the start, an undated
    withdrawal not at all (the ledger shows it apart as a claim). A withdrawal by a state with
    no recorded recognition counts as the loss of an earlier, unrecorded one, so ``start``
    includes those.
    """
    status: dict[str, str] = {}
    points: list[Point] = []
    count = undated = claims = 0
    before_first = None  # the count just before the first dated act
    for row in events_store.target_timeline(db, target):
        when, precision = event_date(row)
        counted = is_un_member(row["actor"])
        undated += when is None and counted
        if when is None and row["act"] != "recognize":
            claims += counted
            continue  # an undated withdrawal is a claim, not a status change (as in the ledger)
        actor, new = row["actor"], STATUS[row["act"]]
        old, status[actor] = status.get(actor), new
        if old == new or not is_un_member(actor):
            continue
        delta = _delta(old, new)
        count += delta
        if when is not None and row["act"] in DRAWN_ACTS:
            before_first = count - delta if before_first is None else before_first
            points.append(Point(date.fromisoformat(when), count, row["act"], actor, precision))
    anchor = current - count
    start = anchor + (before_first or 0)
    return Timeline([p.moved(anchor) for p in points], start, current, undated, claims)


def _delta(old: str | None, new: str) -> int:
    if new == "recognizes":
        return 1
    # a withdrawal with no recorded recognition is the loss of an unrecorded one
    return -1 if old == "recognizes" or (old is None and new == "withdrew") else 0


def batches(points: list[Point]) -> list[list[Point]]:
    """Consecutive acts of one kind on one day (21 Sep 2025: ten recognitions) form one batch."""
    out: list[list[Point]] = []
    for p in points:
        if out and (out[-1][0].day, out[-1][0].act, out[-1][0].precision) == (p.day, p.act, p.precision):
            out[-1].append(p)
        else:
            out.append([p])
    return out


def batch_label(batch: list[Point]) -> str:
    if len(batch) == 1:
        return batch[0].label
    first = batch[0]
    return f"{SYMBOL[first.act]} {len(batch)} states, {fact_date(first.day, first.precision)}"
