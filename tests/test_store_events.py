"""store/events.py: the append-only events log and the derived recognitions table, at the
level of its functions (the ledger's rules over them are in test_ledger.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from diplowatch.store import events as events_store
from diplowatch.store import iso, open_db

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "e.db")
    yield db
    db.close()


def add(db, actor="BY", target="donetsk-pr", act="recognize", **row) -> int:
    return events_store.add_event(db, {
        "actor": actor, "target": target, "act": act, "source_url": "https://n.example/1",
        "official": 0, "evidence": f"{actor} {act}s {target}", "confidence": 0.9,
        "reported_at": iso(NOW), "effective_date": "2026-03-01", "date_precision": "day",
        "origin": "manual", "note": "", "sort_key": "2026-03-01",
        "created_at": iso(NOW), **row})


def test_an_event_is_appended_and_read_back(db):
    first, second = add(db), add(db, actor="NI", target="abkhazia")
    assert second > first
    row = events_store.get_event(db, first)
    assert (row["actor"], row["target"], row["act"], row["origin"]) == (
        "BY", "donetsk-pr", "recognize", "manual")
    assert events_store.get_event(db, 999) is None
    assert [r["id"] for r in events_store.iter_events(db)] == [first, second]
    assert events_store.has_origin(db, "manual") and not events_store.has_origin(db, "seed")


def test_the_pair_status_is_the_saved_recognition_or_unknown(db):
    assert events_store.pair_status(db, "BY", "donetsk-pr") == "unknown"
    event = add(db)
    events_store.save_recognition(db, "BY", "donetsk-pr", {
        "status": "recognizes", "since": "2026-03-01", "since_precision": "day", "until": None,
        "until_precision": None, "event_id": event, "updated_at": iso(NOW)})
    assert events_store.pair_status(db, "BY", "donetsk-pr") == "recognizes"
    assert [r["actor"] for r in events_store.iter_recognitions(db)] == ["BY"]
    events_store.save_recognition(db, "BY", "donetsk-pr", None)
    assert events_store.pair_status(db, "BY", "donetsk-pr") == "unknown"


def test_a_retracted_event_leaves_the_timeline_but_not_the_log(db):
    kept, gone = add(db), add(db, act="withdraw", sort_key="2026-03-02")
    assert [r["id"] for r in events_store.pair_timeline(db, "BY", "donetsk-pr")] == [kept, gone]
    events_store.retract_events(db, [gone], now=iso(NOW) or "")
    assert [r["id"] for r in events_store.pair_timeline(db, "BY", "donetsk-pr")] == [kept]
    assert events_store.get_event(db, gone)["retracted_at"] == iso(NOW)


def test_a_held_report_waits_until_released_once(db):
    waiting = add(db, held=events_store.AWAITING)
    assert [r["id"] for r in events_store.overdue_events(db, created_before=iso(NOW))] == [waiting]
    assert events_store.pair_timeline(db, "BY", "donetsk-pr") == []
    assert events_store.release_event(db, waiting) is True
    assert events_store.release_event(db, waiting) is False
    assert [r["id"] for r in events_store.pair_timeline(db, "BY", "donetsk-pr")] == [waiting]
