"""ledger/csvfile.py: the exported CSV round-trips through import_csv, spreadsheet formulas
are guarded."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path

import pytest

from diplowatch import ledger
from diplowatch.ledger import csvfile
from diplowatch.models import Event
from diplowatch.names import TARGETS
from diplowatch.store import Database, open_db

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def recorded_ledger(path: Path) -> Database:
    """The seed and four statements' acts (one held), recorded as the monitor would."""
    db = open_db(path)
    ledger.load_seed(db, now=NOW)
    db.execute("INSERT INTO sources (name, kind, url, interval) VALUES ('news', 'rss', 'https://n.example/', 300)")
    for n, (events, days) in enumerate([
        ([Event("BY", "donetsk-pr", "recognize", "Belarus recognizes, the evidence\nspans lines")], 3),
        ([Event("SY", "donetsk-pr", "withdraw"), Event("BY", "donetsk-pr", "recognize")], 2),
        ([Event("CN", "abkhazia", "reject"), Event("PY", "TW", "withdraw"), Event("PY", "CN", "recognize")], 1),
        ([Event("TV", "abkhazia", "recognize"), Event("TV", "abkhazia", "withdraw")], 1),
    ]):
        at = NOW - timedelta(days=days)
        sid = db.execute(
            "INSERT INTO statements (source, key, url, fetched_at, sort_at, content_hash) VALUES (?, ?, ?, ?, ?, ?)",
            ["news", f"k{n}", f"https://n.example/{n}", at.isoformat(), at.isoformat(), f"h{n}"],
        ).lastrowid
        ledger.record(db, events, statement_id=sid, source="news", source_url=f"https://n.example/{n}",
                      official=False, reported_at=at, now=at)
    return db


@pytest.fixture
def db(tmp_path):
    db = recorded_ledger(tmp_path / "ledger.db")
    yield db
    db.close()


def statuses(db) -> dict:
    """Every target's status without ids, sources or origins (those differ after a round trip)."""
    def facts(items):
        return sorted((f.actor, f.status, f.since, f.since_precision, f.until, f.until_precision) for f in items)
    return {t: [facts(s.recognizes), facts(s.withdrew), facts(s.rejects)]
            for t in TARGETS for s in [ledger.status_of(db, t)]}


def test_csv_round_trip_gives_identical_statuses(db, tmp_path):
    out = io.StringIO()
    written = csvfile.export_csv(db, out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == csvfile.HEADER and len(rows) == written + 1
    assert ["BY", "donetsk-pr", "recognize", (NOW - timedelta(days=3)).date().isoformat(), "day",
            "https://n.example/0", "Belarus recognizes, the evidence spans lines"] in rows
    fresh = open_db(tmp_path / "fresh.db")
    result = ledger.import_csv(fresh, io.StringIO(out.getvalue()), now=NOW, origin="manual")
    assert result.inserted == written
    assert statuses(fresh) == statuses(db)
    assert "BY" in [fact[0] for fact in statuses(fresh)["donetsk-pr"][0]]


def test_export_is_idempotent_on_reimport(db):
    out = io.StringIO()
    written = csvfile.export_csv(db, out)
    result = ledger.import_csv(db, io.StringIO(out.getvalue()), now=NOW, origin="manual")
    assert (result.inserted, result.duplicates) == (0, written)


def test_seed_csv_exports_to_the_same_facts():
    """The seed itself survives the trip (569 rows, the same multiset of rows)."""
    seed = (resources.files("diplowatch") / "data" / "recognitions.csv").read_text(encoding="utf-8")
    db = open_db(":memory:")
    ledger.import_csv(db, io.StringIO(seed), now=NOW)
    out = io.StringIO()
    csvfile.export_csv(db, out)
    assert sorted(csv.reader(io.StringIO(out.getvalue()))) == sorted(csv.reader(io.StringIO(seed)))


@pytest.mark.parametrize("evidence", ['=HYPERLINK("https://evil.example","Kosovo")',
                                      "+7 (495) recognized", "-2+3", "@SUM(A1)"])
def test_a_formula_in_a_quote_is_no_formula_in_a_spreadsheet_and_still_round_trips(
        tmp_path, evidence):
    db = open_db(tmp_path / "f.db")
    at = NOW - timedelta(days=1)
    db.execute("INSERT INTO sources (name, kind, url, interval) VALUES ('news', 'rss', 'https://n.example/', 300)")
    sid = db.execute(
        "INSERT INTO statements (source, key, url, fetched_at, sort_at, content_hash) VALUES (?, ?, ?, ?, ?, ?)",
        ["news", "k", "https://n.example/1", at.isoformat(), at.isoformat(), "h"]).lastrowid
    ledger.record(db, [Event("GH", "XK", "withdraw", evidence)], statement_id=sid, source="news",
                  source_url="https://n.example/1", official=False, reported_at=at, now=at)
    out = io.StringIO()
    csvfile.export_csv(db, out, target="XK")
    [row] = [r for r in csv.reader(io.StringIO(out.getvalue())) if r[0] == "GH"]
    assert row[-1] == "'" + evidence  # a spreadsheet shows it as text
    fresh = open_db(tmp_path / "fresh.db")
    ledger.import_csv(fresh, io.StringIO(out.getvalue()), now=NOW, origin="manual")
    notes = [r["note"] for r in fresh.query("SELECT note FROM events WHERE actor = 'GH'")]
    assert notes == [evidence]  # the guard is taken off again
