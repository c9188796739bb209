"""Timeline chart: a real PNG of the requested size; a clear message when there is no data."""

from __future__ import annotations

import struct
from datetime import UTC, datetime

import pytest

from diplowatch import charts, ledger
from diplowatch.models import UserError
from diplowatch.store import open_db

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
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


@pytest.mark.parametrize(("target", "size"), [("donetsk-pr", (1200, 600)), ("PS", (800, 450)),
                                              ("TW", (640, 320))])
def test_timeline_png_has_the_requested_size(db, target, size):
    ledger.load_seed(db, now=NOW)
    png = charts.timeline_png(db, target, width_px=size[0], height_px=size[1], now=NOW)
    assert png_size(png) == size


def test_timeline_points_follow_recognitions_and_withdrawals(db):
    ledger.load_seed(db, now=NOW)
    points, start, end, undated = charts.timeline_points(db, "abkhazia", current=5)
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
    assert (current, sadr.undated, sadr.points[-1].count) == (41, 2, 41)


def test_no_history_is_a_user_error(db):
    with pytest.raises(UserError) as caught:
        charts.timeline_png(db, "donetsk-pr")
    assert str(caught.value) == "No recognition history for Donetsk People's Republic yet."
