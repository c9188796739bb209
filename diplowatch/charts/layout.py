"""What the timeline and the map share: a social-card figure, its title, footnote and credit,
labels placed without overlaps, and the PNG encoding.

Labels are placed in display coordinates with the renderer's own text extents, so "no
overlap" is checked the way the picture is drawn, not estimated from character counts.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

import matplotlib

matplotlib.use("Agg")  # no display, no GUI toolkit: the bot renders in a worker thread

import numpy as np  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg  # noqa: E402
from matplotlib.figure import Figure, SubFigure  # noqa: E402
from matplotlib.text import Annotation, Text  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402
from PIL import Image  # noqa: E402

from ..texts.wording import day as fact_date  # noqa: E402

DPI = 100
WIDTH, HEIGHT = 1200, 675  # a social card (16:9)
INK, MUTED, FRAME = "#263238", "#607d8b", "#b0bec5"
TITLE_PT, SUBTITLE_PT, TEXT_PT, SMALL_PT = 18, 12, 11, 10
GAP_PX = 4  # the least space between two labels
LABEL_PAD_PX = 4  # a label's frame around its text
PNG_LEVEL = 1  # zlib: 6 (PIL's default) takes twice the time for a file some 6 % smaller


def new_figure(width_px: int = WIDTH, height_px: int = HEIGHT) -> Figure:
    fig = Figure(figsize=(width_px / DPI, height_px / DPI), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def renderer_of(fig: Figure | SubFigure) -> RendererAgg:
    """The Agg renderer that measures text on ``fig`` (every figure here has an Agg canvas)."""
    canvas = fig.canvas
    if not isinstance(canvas, FigureCanvasAgg):
        canvas = FigureCanvasAgg(fig.figure)
    return canvas.get_renderer()


def scale(fig: Figure) -> float:
    """Type shrinks with a figure smaller than the card, so that a thumbnail stays in proportion."""
    width, height = fig.get_size_inches() * DPI
    return min(1.0, width / WIDTH, height / HEIGHT)


def heading(fig: Figure, title: str, subtitle: str = "") -> None:
    k = scale(fig)
    fig.text(0.015, 0.975, title, fontsize=TITLE_PT * k, fontweight="bold", color=INK, va="top")
    if subtitle:
        fig.text(0.015, 0.915, subtitle, fontsize=SUBTITLE_PT * k, color=MUTED, va="top")


def footer(fig: Figure, *, note: str, as_of: date | None) -> None:
    """The footnote (left) and the credit (right) on the bottom line."""
    k = scale(fig)
    when = f"as of {fact_date(as_of)}" if as_of else "no dated acts yet"
    fig.text(0.985, 0.015, f"{when} · diplowatch ledger", fontsize=SMALL_PT * k, color=MUTED,
             ha="right", va="bottom")
    if note:
        fig.text(0.015, 0.015, note, fontsize=SMALL_PT * k, color=MUTED, va="bottom")


def png_bytes(fig: Figure) -> bytes:
    """The figure drawn by Agg, as PNG: RGB when every pixel is opaque (a card's background
    is), at zlib level PNG_LEVEL. The same pixels ``savefig`` writes, encoded in about half the
    time and a smaller file (docs/benchmarks.md)."""
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba())
    pixels = rgba[:, :, :3] if rgba[:, :, 3].min() == 255 else rgba
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, format="png", compress_level=PNG_LEVEL)
    return buf.getvalue()


def overlaps(a: Bbox, b: Bbox, *, gap: float = 0) -> bool:
    return a.x0 < b.x1 + gap and b.x0 < a.x1 + gap and a.y0 < b.y1 + gap and b.y0 < a.y1 + gap


class LabelPlacer:
    """Puts annotations where they overlap no other label, no reserved area and none of the
    data (``avoid``: points in data coordinates, e.g. the line's vertices), stay inside the
    axes, and whose leader line crosses no other label or leader. A label with no free place
    is not drawn (the caller lists it elsewhere)."""

    def __init__(self, ax: Axes, reserved: Sequence[Bbox] = (), avoid: np.ndarray | None = None) -> None:
        self.ax = ax
        self.renderer = renderer_of(ax.figure)
        self.taken: list[Bbox] = list(reserved)
        self.leaders: list[tuple[np.ndarray, np.ndarray]] = []
        self.avoid = ax.transData.transform(avoid) if avoid is not None and len(avoid) else np.empty((0, 2))

    def place(self, text: str, xy: tuple[float, float], offsets: Sequence[tuple[float, float]],
              **style) -> Annotation | None:
        """Try each (dx, dy) offset in points from ``xy``; keep the first that fits.

        The text is measured once: at every offset its box is the same size, left-aligned
        right of the anchor, right-aligned left of it, centred above or below it (``va`` is
        centre). Only the label kept is made an annotation."""
        frame = self.ax.get_window_extent(self.renderer)
        anchor = self.ax.transData.transform(xy)
        width, height = self._size(text, style)
        px = self.renderer.points_to_pixels(1.0)
        for dx, dy in offsets:
            x, y = anchor[0] + dx * px, anchor[1] + dy * px
            x0 = x - width if dx < 0 else x if dx > 0 else x - width / 2
            box = Bbox.from_bounds(x0, y - height / 2, width, height).padded(LABEL_PAD_PX)
            end = np.array([box.x1 if dx < 0 else box.x0 if dx > 0 else (box.x0 + box.x1) / 2, y])
            if contains(frame, box) and self._free(box, anchor, end):
                self.taken.append(box)
                self.leaders.append((anchor, end))
                ha = "right" if dx < 0 else "left" if dx > 0 else "center"
                return self.ax.annotate(text, xy=xy, xytext=(dx, dy), textcoords="offset points",
                                        ha=ha, va="center", **style)
        return None

    def _size(self, text: str, style: dict) -> tuple[float, float]:
        """The width and height in pixels of ``text`` in ``style``'s font (its frame excluded)."""
        font = {key: style[key] for key in ("fontsize", "fontweight", "fontfamily") if key in style}
        probe = Text(0, 0, text, figure=self.ax.figure, **font)
        box = probe.get_window_extent(self.renderer)
        return box.width, box.height

    def _free(self, box: Bbox, start: np.ndarray, end: np.ndarray) -> bool:
        if any(overlaps(box, t, gap=GAP_PX) for t in self.taken):
            return False
        a = self.avoid
        if len(a) and np.any((a[:, 0] >= box.x0) & (a[:, 0] <= box.x1) & (a[:, 1] >= box.y0) & (a[:, 1] <= box.y1)):
            return False
        if any(crosses(start, end, p, q) for p, q in self.leaders):
            return False
        return not any(segment_hits_box(start, end, t) for t in self.taken)


def contains(outer: Bbox, inner: Bbox) -> bool:
    return outer.x0 <= inner.x0 and inner.x1 <= outer.x1 and outer.y0 <= inner.y0 and inner.y1 <= outer.y1


def crosses(p1: np.ndarray, p2: np.ndarray, q1: np.ndarray, q2: np.ndarray) -> bool:
    """Whether two segments properly intersect (sharing an end point does not count)."""
    def side(a, b, c) -> float:
        return float((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]))
    d1, d2, d3, d4 = side(q1, q2, p1), side(q1, q2, p2), side(p1, p2, q1), side(p1, p2, q2)
    return d1 * d2 < 0 and d3 * d4 < 0


def segment_hits_box(start: np.ndarray, end: np.ndarray, box: Bbox, samples: int = 40) -> bool:
    t = np.linspace(0.02, 0.98, samples)[:, None]
    pts = start + (end - start) * t
    return bool(np.any((pts[:, 0] > box.x0) & (pts[:, 0] < box.x1) & (pts[:, 1] > box.y0) & (pts[:, 1] < box.y1)))


def label_box(text: Text, renderer, *, pad: float = LABEL_PAD_PX) -> Bbox:
    """The extent of a text itself, with its frame's padding: an annotation's own extent also
    covers its leader line, which may cross other labels' space."""
    if isinstance(text, Annotation):
        text.update_positions(renderer)  # where its offset puts it (annotations move at draw time)
    return Text.get_window_extent(text, renderer).padded(pad)


def text_boxes(fig: Figure) -> list[tuple[str, Bbox]]:
    """Every text drawn on the figure with its extent on the canvas (for tests and for checking
    a layout): titles, labels, lists, footnotes, legend entries, and the tick labels in view
    (matplotlib keeps labels for ticks outside the view, but does not draw them)."""
    renderer = renderer_of(fig)
    fig.draw_without_rendering()
    ticks, shown = set(), []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                ticks.update({id(tick.label1), id(tick.label2)})
                if lo <= tick.get_loc() <= hi:
                    shown += [tick.label1, tick.label2]
    texts = [t for t in fig.findobj(Text) if id(t) not in ticks] + shown
    return [(t.get_text(), label_box(t, renderer, pad=0)) for t in texts
            if t.get_visible() and t.get_text().strip()]
