"""Timeline chart: a real PNG of the requested size; a clear message when there is no data."""

from __future__ import annotations

import io
import struct
from datetime import UTC, datetime

import pytest

from diplowatch import charts, ledger
from diplowatch.charts.layout import overlaps, text_boxes
from diplowatch.models import UserError
from diplowatch.store import open_db

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
HEADER = "actor,target,act,date,date_precision,source_url,note\n"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "ledger.db")
    yield db
    db.close()


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which must come first."""
    assert data[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", data[8:16])
    assert (length, kind) == (13, b"IHDR")
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize(("target", "size"), [("donetsk-pr", (1200, 675)), ("PS", (800, 450)),
                                              ("TW", (640, 360))])
def test_timeline_png_has_the_requested_size(db, target, size):
    ledger.load_seed(db, now=NOW)
    png = charts.timeline_png(db, target, width_px=size[0], height_px=size[1], now=NOW)
    assert png_size(png) == size


def test_timeline_points_follow_recognitions_and_withdrawals(db):
    ledger.load_seed(db, now=NOW)
    points, start, end, undated, _ = charts.timeline_points(db, "abkhazia", current=5)
    assert [(p.actor, p.act, p.count) for p in points] == [
        ("RU", "recognize", 1), ("NI", "recognize", 2), ("VE", "recognize", 3), ("NR", "recognize", 4),
        ("VU", "recognize", 5), ("TV", "recognize", 6), ("VU", "withdraw", 5), ("TV", "withdraw", 4),
        ("SY", "recognize", 5),
    ]
    assert (start, end, undated) == (0, 5, 0)


def test_timeline_ends_at_the_current_count_with_undated_acts_in_the_start(db):
    ledger.load_seed(db, now=NOW)
    taiwan = charts.timeline_points(db, "TW", current=11)
    # every switch since 1990 is dated now: the line ends at today's count, Nauru last
    assert taiwan.undated == 0 and taiwan.points[-1].count == 11
    assert taiwan.points[-1].label == "▼ Nauru, 15 Jan 2024"
    # South Sudan's undated withdrawal is a claim: the line ends at the ledger's count, 41
    current = ledger.status_of(db, "EH").un_count
    sadr = charts.timeline_points(db, "EH", current=current)
    assert (current, sadr.undated, sadr.undated_claims, sadr.points[-1].count) == (41, 2, 1, 41)


def test_no_history_is_a_user_error(db):
    with pytest.raises(UserError) as caught:
        charts.timeline_png(db, "donetsk-pr")
    assert str(caught.value) == "No recognition history for Donetsk People's Republic yet."


def test_the_default_card_is_1200_by_675(db):
    ledger.load_seed(db, now=NOW)
    assert png_size(charts.timeline_png(db, "XK", now=NOW)) == (1200, 675)


def drawn(db, target):
    fig = charts.timeline_figure(charts.timeline_data(db, target, now=NOW))
    return fig, text_boxes(fig)


@pytest.mark.parametrize("target", ["XK", "PS", "TW", "donetsk-pr", "EH", "abkhazia"])
def test_no_two_texts_overlap(db, target):
    """Every text on the card (title, labels, the list beside, ticks, legend, footnote, credit)
    measured by matplotlib's renderer: no two extents intersect."""
    ledger.load_seed(db, now=NOW)
    _, boxes = drawn(db, target)
    clashes = [(a, b) for i, (a, box_a) in enumerate(boxes) for b, box_b in boxes[i + 1:]
               if overlaps(box_a, box_b)]
    assert clashes == []


def test_key_events_are_labelled_and_the_rest_listed_beside(db):
    ledger.load_seed(db, now=NOW)
    _, boxes = drawn(db, "XK")
    texts = [t for t, _ in boxes]
    assert "▲ Kenya, 26 Mar 2025" in texts  # the latest change has a label on the line
    listed = next(t for t in texts if "\n" in t and "earlier changes" in t)
    assert "▼ Ghana, 11 Nov 2019" in listed.splitlines() or "▼ Ghana, 11 Nov 2019" in texts
    assert "Kenya" not in listed  # labelled acts are not listed twice


def test_title_plural_credit_and_undated_footnote(db):
    ledger.load_seed(db, now=NOW)
    texts = [t for t, _ in drawn(db, "XK")[1]]
    assert "Kosovo: recognized by 99 UN member states" in texts
    assert "as of 26 Dec 2025 · diplowatch ledger" in texts
    assert "Not on the line: 9 undated withdrawals or rejections claimed (not counted)." in texts
    taiwan = [t for t, _ in drawn(db, "TW")[1]]
    assert not any(t.startswith("Not on the line") for t in taiwan)  # every switch is dated


def test_one_recognizer_is_singular(db):
    ledger.import_csv(db, io.StringIO(HEADER + "RU,donetsk-pr,recognize,2022-02-21,day,https://kremlin.example/1,\n"),
                      now=NOW)
    assert "Donetsk People's Republic: recognized by 1 UN member state" in [t for t, _ in drawn(db, "donetsk-pr")[1]]


def test_y_ticks_are_whole_numbers(db):
    ledger.import_csv(db, io.StringIO(HEADER + "RU,donetsk-pr,recognize,2022-02-21,day,https://kremlin.example/1,\n"),
                      now=NOW)
    fig, _ = drawn(db, "donetsk-pr")
    ticks = fig.axes[0].get_yticks()
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks)


def test_year_precision_acts_are_one_span_not_a_tower(db):
    rows = "".join(f"{code},somaliland,recognize,1991-01-01,year,https://example.org/{code},\n" for code in ("ET", "KE", "DJ"))
    ledger.import_csv(db, io.StringIO(HEADER + rows), now=NOW)
    fig, _ = drawn(db, "somaliland")
    ax = fig.axes[0]
    markers = sum(len(c.get_offsets()) for c in ax.collections)
    spans = [p for p in ax.patches if p.get_width() > 300]  # a year wide, in days
    assert markers == 0 and len(spans) == 1
    assert (spans[0].get_y(), spans[0].get_height()) == (0, 3)


def test_an_undated_act_is_off_the_line_and_counted_in_the_footnote(db):
    rows = ("RU,abkhazia,recognize,2008-08-26,day,https://kremlin.example/1,\n"
            "NI,abkhazia,recognize,,unknown,https://example.org/ni,\n"
            "VU,abkhazia,withdraw,,unknown,https://example.org/vu,claimed by someone\n")
    ledger.import_csv(db, io.StringIO(HEADER + rows), now=NOW)
    timeline = charts.timeline_points(db, "abkhazia", current=2)
    assert [(p.actor, p.count) for p in timeline.points] == [("RU", 2)]
    assert "Not on the line: 1 undated recognition (counted from the start); 1 undated withdrawal or rejection" \
        " claimed (not counted)." in [t for t, _ in drawn(db, "abkhazia")[1]]
