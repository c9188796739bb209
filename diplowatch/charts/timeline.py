"""Timeline chart: how many UN member states recognized an entity over time, as a PNG card.

Dated acts by UN members are drawn as a step line: day-precise acts as markers, acts known only
to the month or year as shaded spans over that period (not a tower of markers on its first
day). Undated acts are left off the line and counted in the footnote. The latest changes and
the first act are labelled where a label fits without overlapping another; the other changes
are listed beside the chart.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from ..ledger import STATUS, event_date, status_of
from ..models import UserError
from ..names import display, is_un_member
from ..store import events as events_store
from ..texts import fact_date
from .layout import (
    FRAME,
    HEIGHT,
    INK,
    MUTED,
    SMALL_PT,
    TEXT_PT,
    WIDTH,
    LabelPlacer,
    footer,
    heading,
    new_figure,
    png_bytes,
    scale,
)

if TYPE_CHECKING:
    from ..store import Database

KEY_LATEST = 4  # the latest changes that get a label on the line (and the first act)
LISTED = 16  # other changes listed beside the chart, newest first
NAME_CHARS = 28
_STYLE = {"recognize": ("^", "#2e7d32", "recognition"), "withdraw": ("v", "#c62828", "withdrawal")}
_SYMBOL = {"recognize": "▲", "withdraw": "▼"}
SPAN_COLOUR = "#78909c"
# Where a label may go, in points from its marker: nearest first, above and below.
_RISES = (30, -30, 55, -55, 80, -80, 105, -105, 130, -130, 160, -160)


class Point(NamedTuple):
    day: date
    count: int  # UN members recognizing after this act
    act: str
    actor: str
    precision: str = "day"

    @property
    def label(self) -> str:
        name = display(self.actor, actor=True)
        name = name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…"
        return f"{_SYMBOL[self.act]} {name}, {fact_date(self.day, self.precision)}"


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


def timeline_png(
    db: Database, target: str, *, width_px: int = WIDTH, height_px: int = HEIGHT,
    now: datetime | None = None,
) -> bytes:
    """The timeline card of ``target`` as PNG. Raises UserError when there is nothing to draw."""
    return png_bytes(timeline_figure(timeline_data(db, target, now=now), width_px=width_px, height_px=height_px))


def timeline_data(db: Database, target: str, *, now: datetime | None = None) -> TimelineData:
    status = status_of(db, target)
    timeline = timeline_points(db, target, current=status.un_count)
    if not timeline.points:
        raise UserError(f"No recognition history for {display(target)} yet.")
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
        if when is not None and row["act"] in _STYLE:
            before_first = count - delta if before_first is None else before_first
            points.append(Point(date.fromisoformat(when), count, row["act"], actor, precision))
    anchor = current - count
    start = anchor + (before_first or 0)
    return Timeline([p._replace(count=p.count + anchor) for p in points], start, current, undated, claims)


def _delta(old: str | None, new: str) -> int:
    if new == "recognizes":
        return 1
    # a withdrawal with no recorded recognition is the loss of an unrecorded one
    return -1 if old == "recognizes" or (old is None and new == "withdrew") else 0


def timeline_figure(data: TimelineData, *, width_px: int = WIDTH, height_px: int = HEIGHT) -> Figure:
    """The card: title, the line, labels, the list beside it, footnote and credit."""
    fig = new_figure(width_px, height_px)
    k = scale(fig)
    points = data.timeline.points
    heading(fig, _title(data), _subtitle(data))
    ax = fig.add_axes((0.06, 0.11, 0.66, 0.74))
    _draw_line(ax, data)
    legend = ax.legend(loc="upper left", fontsize=SMALL_PT * k, frameon=True, framealpha=0.9)
    fig.canvas.draw()  # fixes the axes' scales and the legend's place before labels are measured
    placer = LabelPlacer(ax, reserved=[legend.get_window_extent(fig.canvas.get_renderer())],
                         avoid=_line_samples(data))
    labelled = _label_key_events(ax, placer, points, k)
    _list_beside(fig, [p for p in points if p not in labelled], k)
    footer(fig, note=_footnote(data.timeline), as_of=data.as_of)
    return fig


def _title(data: TimelineData) -> str:
    n = data.timeline.end
    states = "UN member state" if n == 1 else "UN member states"
    return f"{display(data.target)}: recognized by {n} {states}"


def _subtitle(data: TimelineData) -> str:
    first = data.timeline.points[0].day.year
    text = f"UN member states recognizing it, {first}–{data.end_day.year}"
    if data.others:
        named = ", ".join(data.others) if len(data.others) <= 3 else f"{len(data.others)} others"
        text += f"; also recognized by {named} (not UN members)"
    return text


def _footnote(timeline: Timeline) -> str:
    if not timeline.undated:
        return ""
    recognitions = timeline.undated - timeline.undated_claims
    parts = []
    if recognitions:
        parts.append(f"{recognitions} undated {'recognition' if recognitions == 1 else 'recognitions'}"
                     " (counted from the start)")
    if timeline.undated_claims:
        n = timeline.undated_claims
        parts.append(f"{n} undated {'withdrawal or rejection' if n == 1 else 'withdrawals or rejections'}"
                     " claimed (not counted)")
    return "Not on the line: " + "; ".join(parts) + "."


def _draw_line(ax: Axes, data: TimelineData) -> None:
    timeline, points = data.timeline, data.timeline.points
    days = [points[0].day] + [p.day for p in points] + [data.end_day]
    counts = [timeline.start] + [p.count for p in points] + [timeline.end]
    ax.step(days, counts, where="post", color=INK, linewidth=1.8, zorder=2)
    for act, (marker, colour, name) in _STYLE.items():
        chosen = [p for p in points if p.act == act and p.precision == "day"]
        ax.scatter([p.day for p in chosen], [p.count for p in chosen], marker=marker, color=colour,
                   s=34, zorder=3, label=name if chosen else None)
    _draw_spans(ax, timeline)
    top = max(counts)
    ax.set_ylim(bottom=min(0, *counts), top=top * 1.3 + 2)  # headroom for labels above the line
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(labelsize=TEXT_PT * scale(ax.figure), colors=INK)
    ax.set_ylabel("UN member states recognizing", fontsize=TEXT_PT * scale(ax.figure), color=INK)
    ax.grid(True, alpha=0.3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _draw_spans(ax: Axes, timeline: Timeline) -> None:
    """Acts known to the month or year: one shaded box per run of them in one period, over the
    whole period, from the count before the run to its last."""
    groups: list[tuple[tuple[date, date], list[int]]] = []
    previous, in_run = timeline.start, False
    for p in timeline.points:
        imprecise = p.precision in ("year", "month")
        if imprecise and in_run and groups[-1][0] == _period(p):
            groups[-1][1].append(p.count)
        elif imprecise:
            groups.append((_period(p), [previous, p.count]))
        previous, in_run = p.count, imprecise
    for i, ((lo, hi), counts) in enumerate(groups):
        x0, x1 = mdates.date2num(lo), mdates.date2num(hi)
        y0, y1 = min(counts), max(counts)
        ax.add_patch(Rectangle((x0, y0), x1 - x0, max(y1 - y0, 0.5), color=SPAN_COLOUR, alpha=0.35,
                               zorder=1, linewidth=0, label="" if i else "date known to the month or year"))


def _period(p: Point) -> tuple[date, date]:
    if p.precision == "year":
        return date(p.day.year, 1, 1), date(p.day.year, 12, 31)
    last = calendar.monthrange(p.day.year, p.day.month)[1]
    return date(p.day.year, p.day.month, 1), date(p.day.year, p.day.month, last)


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
    return f"{_SYMBOL[first.act]} {len(batch)} states, {fact_date(first.day, first.precision)}"


def _label_key_events(ax: Axes, placer: LabelPlacer, points: list[Point], k: float) -> list[Point]:
    """Label the latest batches of changes, newest first, then the first; return the acts labelled."""
    groups = batches(points)
    keys = list(reversed(groups[-KEY_LATEST:]))
    if groups[0] not in keys:
        keys.append(groups[0])
    x_mid = sum(ax.get_xlim()) / 2
    labelled: list[Point] = []
    for batch in keys:
        last = batch[-1]
        x = mdates.date2num(last.day)
        side = -12 if x > x_mid else 12
        offsets = [(side, rise) for rise in _RISES] + [(-side, rise) for rise in _RISES]
        note = placer.place(batch_label(batch), (x, last.count), offsets, fontsize=TEXT_PT * k, color=INK,
                            bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": FRAME, "lw": 0.6},
                            arrowprops={"arrowstyle": "-", "color": MUTED, "lw": 0.7}, zorder=4)
        if note is not None:
            labelled.extend(batch)
    return labelled


def _line_samples(data: TimelineData) -> np.ndarray:
    """Points along the drawn step line (data coordinates), for labels to keep off it."""
    points, timeline = data.timeline.points, data.timeline
    days = np.asarray(mdates.date2num([p.day for p in points] + [data.end_day]), dtype=float)
    counts = np.array([p.count for p in points] + [timeline.end], dtype=float)
    xs = np.linspace(days[0], days[-1], 800)
    ys = counts[np.clip(np.searchsorted(days, xs, side="right") - 1, 0, len(counts) - 1)]
    before = np.concatenate([[timeline.start], counts[:-1]])
    # each rise or drop of the step, sampled at 8 points from the count before to the count after
    steps = np.linspace(0, 1, 8)
    rises = np.column_stack([np.repeat(days, 8), (before[:, None] + (counts - before)[:, None] * steps).ravel()])
    return np.vstack([np.column_stack([xs, ys]), rises])


def _list_beside(fig: Figure, rest: list[Point], k: float) -> None:
    """The changes not labelled on the line, newest first, as many as fit; then how many more."""
    if not rest:
        return
    newest = list(reversed(rest))
    shown = newest[:LISTED]
    lines = [p.label for p in shown]
    if len(newest) > len(shown):
        more = len(newest) - len(shown)
        lines.append(f"… and {more} earlier {'change' if more == 1 else 'changes'}")
    fig.text(0.745, 0.85, "Other changes, newest first", fontsize=TEXT_PT * k, fontweight="bold",
             color=INK, va="top")
    fig.text(0.745, 0.80, "\n".join(lines), fontsize=SMALL_PT * k, color=INK, va="top", linespacing=1.35)
