"""What the cards share: the PNG encoding keeps every pixel, and a label placed by the
LabelPlacer takes the box its annotation is drawn in (the text is measured once, not once per
place tried)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from diplowatch.charts.layout import LabelPlacer, label_box, new_figure, png_bytes, renderer_of


def _decoded(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)))


def _savefig_pixels(fig) -> np.ndarray:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi)
    return _decoded(buf.getvalue())


def _card():
    fig = new_figure(600, 340)
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    ax.plot([0, 1, 2, 3], [0, 3, 1, 2], color="#263238")
    fig.text(0.02, 0.95, "▲ Kosovo, 17 Feb 2008", fontsize=14, va="top")
    return fig, ax


def test_png_has_the_pixels_savefig_draws_as_rgb():
    fig, _ = _card()
    mine = _decoded(png_bytes(fig))
    reference = _savefig_pixels(fig)
    assert mine.shape == (340, 600, 3)  # opaque: no alpha channel
    assert (reference[:, :, 3] == 255).all()
    assert np.array_equal(mine, reference[:, :, :3])


def test_a_transparent_figure_keeps_its_alpha():
    fig, _ = _card()
    fig.patch.set_alpha(0)
    mine = _decoded(png_bytes(fig))
    assert mine.shape == (340, 600, 4)
    assert np.array_equal(mine, _savefig_pixels(fig))


@pytest.mark.parametrize("offset", [(12, 30), (-12, -55), (0, 80)], ids=["right", "left", "centred"])
def test_a_placed_label_is_where_its_box_was_checked(offset):
    fig, ax = _card()
    ax.get_xlim()
    placer = LabelPlacer(ax)
    note = placer.place("▼ Palau, 17 Jan 2019", (1.5, 1.5), [offset], fontsize=11,
                        bbox={"boxstyle": "round,pad=0.25", "fc": "white"})
    assert note is not None
    [checked] = placer.taken
    drawn = label_box(note, renderer_of(fig))
    assert np.allclose(checked.extents, drawn.extents, atol=1e-6), (checked, drawn)
    anchor, end = placer.leaders[0]
    assert end[1] == pytest.approx((drawn.y0 + drawn.y1) / 2)  # the leader meets the box's middle


def test_a_label_with_no_free_place_is_not_drawn():
    fig, ax = _card()
    ax.get_xlim()
    placer = LabelPlacer(ax, reserved=[ax.get_window_extent(renderer_of(fig))])  # all taken
    assert placer.place("▲ Kenya, 26 Mar 2025", (1, 1), [(12, 30), (-12, 30)], fontsize=11) is None
    assert [t for t in fig.findobj() if getattr(t, "get_text", None) and t.get_text().startswith("▲ Kenya")] == []
