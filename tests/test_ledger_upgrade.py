"""Shipping a new seed history: a database made by the previous release is upgraded in place.

tests/data/upgrade/previous-release.db was written by the release before the 569-row seed (its
builder script sits beside it): the old 431-row seed, one extracted act that alerted a
subscriber and one admin-imported act.
"""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import pytest

from diplowatch import ledger
from diplowatch.store import open_db
from diplowatch.store.statements import search
from tests.shared_files import SHARED

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
OLD_DB = Path(__file__).parent / "data" / "upgrade" / "previous-release.db"
SHARED_SEED = SHARED / "data" / "recognitions.csv"
KEPT = {("NI", "somaliland"), ("ET", "somaliland")}  # the extracted and the admin-entered act


def _seed_text() -> str:
    return resources.files("diplowatch").joinpath("data/recognitions.csv").read_text(encoding="utf-8")


def _statuses(db) -> dict[tuple[str, str], tuple]:
    rows = db.query("SELECT actor, target, status, since, since_precision, until, until_precision FROM recognitions")
    return {(r["actor"], r["target"]): tuple(r.values())[2:] for r in rows}


def _count(db, sql: str) -> int:
    return db.execute(sql).fetchone()[0]


@pytest.fixture
def upgraded(tmp_path):
    path = tmp_path / "old.db"
    shutil.copyfile(OLD_DB, path)
    db = open_db(path)
    before = {
        "alerts": _count(db, "SELECT count(*) FROM alerts"),
        "outbox": _count(db, "SELECT count(*) FROM outbox"),
        "kept": list(db.query("SELECT * FROM events WHERE origin <> 'seed' ORDER BY id")),
    }
    result = ledger.load_seed(db, now=NOW)
    yield db, before, result
    db.close()


def test_packaged_seed_is_the_completed_history():
    if not SHARED_SEED.exists():
        pytest.skip("../shared/data/recognitions.csv is absent: nothing to compare the packaged seed with")
    assert _seed_text() == SHARED_SEED.read_text(encoding="utf-8")


def test_old_database_gets_the_new_seed_and_keeps_its_own_events(upgraded):
    db, before, result = upgraded
    assert result is not None and result.inserted > 0
    rows = len(_seed_text().splitlines()) - 1
    live_seed = "SELECT count(*) FROM events WHERE origin = 'seed' AND retracted_at IS NULL"
    assert _count(db, live_seed) == rows
    kept = list(db.query("SELECT * FROM events WHERE origin <> 'seed' ORDER BY id"))
    assert kept == before["kept"] and {(r["actor"], r["target"]) for r in kept} == KEPT
    # replaced seed rows are retracted, never deleted: the log stays append-only
    unchanged = rows - result.inserted
    assert _count(db, "SELECT count(*) FROM events WHERE origin = 'seed'") == 431 + result.inserted
    assert _count(db, "SELECT count(*) FROM events WHERE retracted_at IS NOT NULL") == 431 - unchanged


def test_upgrade_sends_no_alert(upgraded):
    db, before, _ = upgraded
    assert _count(db, "SELECT count(*) FROM alerts") == before["alerts"]
    assert _count(db, "SELECT count(*) FROM outbox") == before["outbox"]


def test_upgraded_statuses_equal_a_fresh_database_plus_the_kept_acts(upgraded, tmp_path):
    db, _, _ = upgraded
    fresh = open_db(tmp_path / "fresh.db")
    ledger.load_seed(fresh, now=NOW)
    mine = _statuses(db)
    assert {pair: mine.pop(pair)[0] for pair in KEPT} == {pair: "recognizes" for pair in KEPT}
    assert mine == _statuses(fresh)
    assert ledger.status_of(db, "PS").un_count == 157
    fresh.close()


def test_upgrade_runs_once(upgraded):
    db, _, _ = upgraded
    events = _count(db, "SELECT count(*) FROM events")
    assert ledger.load_seed(db, now=NOW) is None
    assert _count(db, "SELECT count(*) FROM events") == events


def test_the_search_index_is_rebuilt_with_prefix_indexes(upgraded):
    """m013 replaces the FTS table (prefix indexes for 3-6 letters) and re-reads every statement:
    the old database's statement is found by its words and by prefixes of every length."""
    db, _, _ = upgraded
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'statements_fts'").fetchone()[0]
    assert "prefix='3 4 5 6'" in sql
    text = db.execute("SELECT text FROM statements").fetchone()[0]
    word = max(re.findall(r"[^\W\d_]{8,}", text), key=len).lower()
    for letters in (3, 4, 5, 6, 7, len(word)):
        assert len(search(db, word[:letters] + "*")) == 1, word[:letters]
    assert db.execute("INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check')")
