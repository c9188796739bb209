"""Timeline chart: how many UN member states recognized an entity over time, as a PNG card.

Dated acts by UN members are drawn as a step line: day-precise acts as markers, acts known only
to the month or year as shaded spans over that period (not a tower of markers on its first
day). Undated acts are left off the line and counted in the footnote. The latest changes and
the first act are labelled where a label fits without overlapping another; the other changes
are listed beside the chart.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from typing import TYPE_CHECKING

import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from ..names import display
from .history import Point, Timeline, TimelineData, batch_label, batches, timeline_data
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
    renderer_of,
    scale,
)

if TYPE_CHECKING:
    from ..store import Database

KEY_LATEST = 4  # the latest changes that get a label on the line (and the first act)
LISTED = 16  # other changes listed beside the chart, newest first
_STYLE = {"recognize": ("^", "#2e7d32", "recognition"), "withdraw": ("v", "#c62828", "withdrawal")}
SPAN_COLOUR = "#78909c"
# Where a label may go, in points from its marker: nearest first, above and below.
_RISES = (30, -30, 55, -55, 80, -80, 105, -105, 130, -130, 160, -160)


def timeline_png(
    db: Database, target: str, *, width_px: int = WIDTH, height_px: int = HEIGHT,
    now: datetime | None = None,
) -> bytes:
    """The timeline card of ``target`` as PNG. Raises UserError when there is nothing to draw."""
    return png_bytes(timeline_figure(timeline_data(db, target, now=now), width_px=width_px, height_px=height_px))


def timeline_figure(data: TimelineData, *, width_px: int = WIDTH, height_px: int = HEIGHT) -> Figure:
    """The card: title, the line, labels, the list beside it, footnote and credit."""
    fig = new_figure(width_px, height_px)
    k = scale(fig)
    points = data.timeline.points
    heading(fig, _title(data), _subtitle(data))
    ax = fig.add_axes((0.06, 0.11, 0.66, 0.74))
    _draw_line(ax, data, k)
    legend = ax.legend(loc="upper left", fontsize=SMALL_PT * k, frameon=True, framealpha=0.9)
    ax.get_xlim()  # fixes the x scale (autoscaled: the y limits are set) before labels are placed
    placer = LabelPlacer(ax, reserved=[legend.get_window_extent(renderer_of(fig))],
                         avoid=_line_samples(data))
    labelled = set(_label_key_events(ax, placer, points, k))  # a set: Point's == is Python code
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


def _draw_line(ax: Axes, data: TimelineData, k: float) -> None:
    timeline, points = data.timeline, data.timeline.points
    days = [points[0].day] + [p.day for p in points] + [data.end_day]
    counts = [timeline.start] + [p.count for p in points] + [timeline.end]
    ax.step(mdates.date2num(days), counts, where="post", color=INK, linewidth=1.8, zorder=2)
    for act, (marker, colour, name) in _STYLE.items():
        chosen = [p for p in points if p.act == act and p.precision == "day"]
        ax.scatter(mdates.date2num([p.day for p in chosen]), [p.count for p in chosen], marker=marker, color=colour,
                   s=34, zorder=3, label=name if chosen else None)
    _draw_spans(ax, timeline)
    top = max(counts)
    ax.set_ylim(bottom=min(0, *counts), top=top * 1.3 + 2)  # headroom for labels above the line
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(labelsize=TEXT_PT * k, colors=INK)
    ax.set_ylabel("UN member states recognizing", fontsize=TEXT_PT * k, color=INK)
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
