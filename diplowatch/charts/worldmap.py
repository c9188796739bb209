"""World map card: who recognizes an entity, who withdrew, who rejects it, who has no position.

Each state's colour is its status in the ledger (its last dated act); a state that recognizes
but whose withdrawal is claimed without a date has a colour of its own. States too small to see
at this scale (under 40 pixels of the card: Monaco, Nauru, the Caribbean islands, Gambia) are
dots, where Natural Earth puts their label; dots that would cover each other are moved apart,
with a thin line to where the state is. The entity itself is drawn in its own colour, or as a
star where it has no shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..ledger import summary_of
from ..models import UserError
from ..names import UN_MEMBERS, display, is_un_member
from . import geography
from .history import NO_HISTORY
from .layout import HEIGHT, INK, SMALL_PT, WIDTH, footer, heading, new_figure, png_bytes, scale

if TYPE_CHECKING:
    from ..store import Database

# category → (legend label, colour), in legend order
CATEGORIES: dict[str, tuple[str, str]] = {
    "recognizes": ("Recognizes", "#2e7d32"),
    "claimed": ("Recognizes; withdrawal claimed, undated", "#c0ca33"),
    "withdrew": ("Withdrew recognition", "#ef6c00"),
    "rejects": ("Rejects", "#8e24aa"),
    "none": ("No position recorded", "#dfe3e6"),
    "entity": ("", "#1a237e"),  # labelled with the entity's name
}
OCEAN, BORDER, DOT_EDGE = "#ffffff", "#ffffff", "#37474f"
# A state whose shapes cover less than this many pixels of a 1200-pixel-wide map (Gambia,
# Albania, Belize) is also a dot: its shape shows only a sliver of colour.
SMALL_PX2, CARD_MAP_PX = 40, 1190
DOT_PX, STAR_PX = 7.0, 13.0  # drawn diameters: dots nearer than their radii added are moved apart
DOT_AREA, STAR_AREA = 30, 110  # matplotlib marker areas (points²) for those sizes at 100 dpi
_STEPS = np.arange(400)
# the places a dot may take, nearest first: a spiral around where its state is (pixels)
SPIRAL = (DOT_PX * 0.6 * np.sqrt(_STEPS))[:, None] * np.column_stack([np.cos(_STEPS * 2.4), np.sin(_STEPS * 2.4)])


class Dot(NamedTuple):
    code: str
    category: str
    at: tuple[float, float]  # where the state is (projected)
    drawn: tuple[float, float]  # where the dot is drawn (moved off its neighbours)


@dataclass(frozen=True)
class MapData:
    """All a map card shows, read from the ledger (the drawing needs no database)."""

    target: str
    statuses: dict[str, str]  # code → category, for every code with a recorded position
    un_count: int  # UN members recognizing (by their last dated act)
    others: list[str]  # recognizers that are not UN members, by name
    as_of: date | None

    def category(self, code: str) -> str:
        return "entity" if code == self.target else self.statuses.get(code, "none")

    def un_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(CATEGORIES, 0)
        for code in UN_MEMBERS:
            counts[self.category(code)] += 1
        return counts


def map_png(db: Database, target: str, *, width_px: int = WIDTH, height_px: int = HEIGHT,
            now: datetime | None = None) -> bytes:
    """The map card of ``target`` as PNG. Raises UserError when the ledger has nothing on it."""
    return png_bytes(map_figure(map_data(db, target, now=now), width_px=width_px, height_px=height_px))


def map_data(db: Database, target: str, *, now: datetime | None = None) -> MapData:
    """The statuses as they stand (``now`` is taken, like the timeline's, and not needed)."""
    summary = summary_of(db, target, latest=0)
    status = summary.status
    if summary.empty:
        raise UserError(NO_HISTORY, entity=display(target))
    statuses = {f.actor: f.status for f in status.recognizes + status.withdrew + status.rejects}
    for claim in summary.claims:
        if statuses.get(claim.actor, "recognizes") == "recognizes":
            statuses[claim.actor] = "claimed"
    others = sorted(display(f.actor, actor=True) for f in status.recognizes if not f.un_member)
    return MapData(target, statuses, status.un_count, others, summary.as_of)


def map_figure(data: MapData, *, width_px: int = WIDTH, height_px: int = HEIGHT) -> Figure:
    """The card: title, the map, dots for small states, the legend, footnote and credit."""
    fig = new_figure(width_px, height_px)
    heading(fig, _title(data), _subtitle(data))
    ax = fig.add_axes((0.005, 0.13, 0.99, 0.75))
    left, right, bottom, top = geography.bounds()
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.apply_aspect()  # fixes the data → pixel transform before dots are spaced in pixels
    shapes = _draw_shapes(ax, data)
    _draw_dots(ax, dots(ax, data, shapes))
    _legend(fig, data)
    footer(fig, note="Colour: each state's last dated act. Small states are dots. "
                     "Borders: Natural Earth (public domain).", as_of=data.as_of)
    return fig


def _title(data: MapData) -> str:
    n = data.un_count
    return f"{display(data.target)}: recognized by {n} UN member state{'' if n == 1 else 's'}"


def _subtitle(data: MapData) -> str:
    claimed = sum(1 for code, c in data.statuses.items() if c == "claimed" and is_un_member(code))
    parts = []
    if claimed:
        parts.append(f"of which {claimed} {'is' if claimed == 1 else 'are'} claimed to have withdrawn, "
                     "without a date")
    if data.others:
        named = ", ".join(data.others) if len(data.others) <= 3 else f"{len(data.others)} others"
        parts.append(f"also recognized by {named} (not UN members)")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] if text else "UN member states by their position"


def _draw_shapes(ax: Axes, data: MapData) -> list[geography.Shape]:
    shapes = geography.shapes()
    paths = [s.path for s in shapes]
    colours = [CATEGORIES[data.category(s.code)][1] for s in shapes]
    ax.add_collection(PathCollection(paths, facecolors=colours, edgecolors=BORDER, linewidths=0.35,
                                     zorder=1))
    ax.set_facecolor(OCEAN)
    return list(shapes)


def dots(ax: Axes, data: MapData, shapes: list[geography.Shape]) -> list[Dot]:
    """The states drawn as dots (shapes too small to see, at their label point) and the entity
    as a star when it has no shape of its own."""
    left, right, _, _ = geography.bounds()
    small = SMALL_PX2 * ((right - left) / CARD_MAP_PX) ** 2
    largest: dict[str, geography.Shape] = {}
    for s in shapes:
        if not s.territory and (s.code not in largest or s.area > largest[s.code].area):
            largest[s.code] = s
    wanted = {code: s.label for code, s in largest.items() if s.area < small}
    if data.target in geography.PLACES and data.target not in wanted:
        wanted[data.target] = geography.project(*geography.PLACES[data.target])
    return _spread(ax, data, wanted)


def _spread(ax: Axes, data: MapData, wanted: dict[str, tuple[float, float]]) -> list[Dot]:
    """Move each dot along a spiral until it clears those already placed. The star goes first,
    where the entity is."""
    to_px, to_data = ax.transData.transform, ax.transData.inverted().transform
    spots, sizes = np.empty((0, 2)), np.empty(0)
    out = []
    order = sorted(wanted.items(), key=lambda item: (item[0] != data.target, -item[1][1], item[1][0]))
    for code, at in order:
        size = diameter(data.category(code))
        spot = _first_clear(to_px(at) + SPIRAL, spots, (size + sizes) / 2)
        spots, sizes = np.vstack([spots, spot]), np.append(sizes, size)
        out.append(Dot(code, data.category(code), at, tuple(to_data(spot))))
    return out


def _first_clear(tries: np.ndarray, spots: np.ndarray, reach: np.ndarray, chunk: int = 40) -> np.ndarray:
    """The first of ``tries`` at least ``reach`` from every spot, or the first try (where the
    state is) if none is. Tried a few at a time: most dots are clear at once."""
    for lo in range(0, len(tries), chunk):
        some = tries[lo: lo + chunk]
        clear = (np.hypot(*(some[:, None, :] - spots[None, :, :]).transpose(2, 0, 1)) >= reach).all(axis=1)
        if clear.any():
            return some[int(np.argmax(clear))]
    return tries[0]


def diameter(category: str) -> float:
    return STAR_PX if category == "entity" else DOT_PX


def _draw_dots(ax: Axes, drawn: list[Dot]) -> None:
    # the leaders from moved dots to their places: one collection, drawn as lines would be
    leaders = [(d.at, d.drawn) for d in drawn if d.drawn != d.at]
    if leaders:
        ax.add_collection(LineCollection(leaders, colors=DOT_EDGE, linewidths=0.4, zorder=2,
                                         capstyle="projecting", joinstyle="round"), autolim=False)
    for category, (_, colour) in CATEGORIES.items():
        chosen = [d for d in drawn if d.category == category]
        if chosen:
            xy = np.array([d.drawn for d in chosen])
            star = category == "entity"
            ax.scatter(xy[:, 0], xy[:, 1], s=STAR_AREA if star else DOT_AREA, c=colour,
                       marker="*" if star else "o", edgecolors=DOT_EDGE, linewidths=0.5, zorder=3)


def _legend(fig: Figure, data: MapData) -> None:
    counts = data.un_counts()
    handles = []
    for category, (label, colour) in CATEGORIES.items():
        if category == "entity":
            handles.append(Patch(facecolor=colour, edgecolor=DOT_EDGE, lw=0.5, label=display(data.target)))
            continue
        n = counts[category]
        handles.append(Patch(facecolor=colour, edgecolor=DOT_EDGE, lw=0.5, label=f"{label} ({n})"))
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.045), ncol=3,
               fontsize=SMALL_PT * scale(fig) * 1.1, frameon=False, labelcolor=INK,
               title="UN member states in each group", title_fontsize=SMALL_PT * scale(fig))
