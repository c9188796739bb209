"""Timeline chart: how many UN member states recognized an entity over time, as a PNG."""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

import matplotlib

matplotlib.use("Agg")  # no display, no GUI toolkit: the bot renders in a worker thread

import matplotlib.dates as mdates  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from .ledger import STATUS, event_date, status_of  # noqa: E402
from .models import UserError  # noqa: E402
from .names import display, is_un_member  # noqa: E402
from .store import events as events_store  # noqa: E402

if TYPE_CHECKING:
    from .store import Database

DPI = 100
LABELLED = 5  # the last few changes get a name label
_STYLE = {"recognize": ("^", "#2e7d32", "recognition"), "withdraw": ("v", "#c62828", "withdrawal")}
_SYMBOL = {"recognize": "▲", "withdraw": "▼"}


class Point(NamedTuple):
    day: date
    count: int  # UN members recognizing after this act
    act: str
    actor: str
    precision: str = "day"

    @property
    def label(self) -> str:
        when = {"year": "%Y", "month": "%b %Y"}.get(self.precision, "%-d %b %Y")
        return f"{_SYMBOL[self.act]} {display(self.actor, actor=True)}, {self.day.strftime(when)}"


class Timeline(NamedTuple):
    points: list[Point]
    start: int  # UN members recognizing before the first dated act (undated or unrecorded)
    end: int  # UN members recognizing now
    undated: int  # acts without a known date (not drawn)


def timeline_png(
    db: Database, target: str, *, width_px: int = 1200, height_px: int = 600,
    now: datetime | None = None,
) -> bytes:
    """A step chart of UN members recognizing ``target``, with markers for recognitions and
    withdrawals and labels for the latest. With ``now`` the line runs to that day. Raises
    UserError when there is nothing to draw."""
    current = status_of(db, target).un_count
    timeline = timeline_points(db, target, current=current)
    if not timeline.points:
        raise UserError(f"No recognition history for {display(target)} yet.")
    fig = Figure(figsize=(width_px / DPI, height_px / DPI), dpi=DPI)
    ax = fig.add_subplot()
    _draw(ax, timeline, end=now.date() if now else timeline.points[-1].day)
    ax.set_title(f"{display(target)}: recognized by {current} UN member states")
    if timeline.undated:
        n = timeline.undated
        fig.text(0.01, 0.01, f"{n} {'act has' if n == 1 else 'acts have'} no known date and {'is' if n == 1 else 'are'}"
                 " not drawn: an undated recognition counts from the start, an undated withdrawal"
                 " is a claim and does not count.", fontsize=8)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    return buf.getvalue()


def timeline_points(db: Database, target: str, *, current: int) -> Timeline:
    """Replay the target's acts by UN members in ledger order, anchored to end at ``current``.

    Undated acts are not drawn: an undated recognition counts from the start, an undated
    withdrawal not at all (the ledger shows it apart as a claim). A withdrawal by a state with no recorded recognition
    counts as the loss of an earlier, unrecorded one, so ``start`` includes those.
    """
    status: dict[str, str] = {}
    points: list[Point] = []
    count = undated = 0
    before_first = None  # the count just before the first dated act
    for row in events_store.target_timeline(db, target):
        when, precision = event_date(row)
        undated += when is None
        if when is None and row["act"] != "recognize":
            continue  # an undated withdrawal is a claim, not a status change (as in the ledger)
        actor, new = row["actor"], STATUS[row["act"]]
        old, status[actor] = status.get(actor), new
        if old == new or not is_un_member(actor):
            continue
        delta = _delta(old, new)
        count += delta
        if when is not None and row["act"] in _STYLE:
            before_first = count - delta if before_first is None else before_first
            points.append(Point(date.fromisoformat(when), count, row["act"], actor, precision))
    anchor = current - count
    start = anchor + (before_first or 0)
    return Timeline([p._replace(count=p.count + anchor) for p in points], start, current, undated)


def _delta(old: str | None, new: str) -> int:
    if new == "recognizes":
        return 1
    # a withdrawal with no recorded recognition is the loss of an unrecorded one
    return -1 if old == "recognizes" or (old is None and new == "withdrew") else 0


def _draw(ax: Axes, timeline: Timeline, *, end: date) -> None:
    points = timeline.points
    last = max(end, points[-1].day)
    days = [points[0].day] + [p.day for p in points] + [last, last]
    counts = [timeline.start] + [p.count for p in points] + [points[-1].count, timeline.end]
    ax.step(days, counts, where="post", color="#37474f", linewidth=1.5)
    for act, (marker, colour, name) in _STYLE.items():
        chosen = [p for p in points if p.act == act]
        ax.scatter([p.day for p in chosen], [p.count for p in chosen], marker=marker,
                   color=colour, s=28, zorder=3, label=name)
    ax.set_ylabel("UN member states recognizing")
    ax.set_ylim(bottom=min(0, *counts), top=max(counts) * 1.15 + 1)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper left", fontsize=8)
    _label_latest(ax, points, top=max(counts))


def _label_latest(ax: Axes, points: list[Point], *, top: int) -> None:
    """Name the last few acts in a column, away from where the line ends, with leader lines."""
    latest = points[-LABELLED:]
    low = latest[-1].count > top / 2  # line ends high: put the column low, and vice versa
    for i, p in enumerate(reversed(latest)):
        y = 0.06 + 0.06 * i if low else 0.9 - 0.06 * i
        ax.annotate(p.label, xy=(p.day, p.count), xytext=(0.985, y), textcoords="axes fraction",
                    ha="right", va="center", fontsize=8,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#b0bec5", "lw": 0.5},
                    arrowprops={"arrowstyle": "-", "color": "#90a4ae", "lw": 0.6})
