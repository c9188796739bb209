"""reprocess.py: the whole archive through the extractor again, in batches; new acts added,
lost ones retracted, nothing alerted, and a second run changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from diplowatch import reprocess
from diplowatch.config import parse_sources
from diplowatch.models import Event, Statement
from diplowatch.pipeline import ingest
from diplowatch.reprocess import ReprocessTotals, reprocess_archive
from diplowatch.store import events as events_store
from diplowatch.store import open_db, outbox
from diplowatch.store import sources as source_store

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
SOURCES = '[[sources]]\nname = "mfa"\nkind = "rss"\nurl = "https://mfa.example/rss"\nofficial = true\n'
TEXTS = ["Nicaragua recognizes the independence of Abkhazia.",
         "The ministry held a press conference on trade.",
         "Belarus recognizes the independence of the Donetsk People's Republic."]


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "r.db")
    source_store.sync_sources(db, parse_sources(SOURCES, origin="t"), now=NOW)
    ingest(db, [Statement("mfa", f"guid:{n}", f"https://mfa.example/{n}", "", text,
                          lang="en", published_at=NOW) for n, text in enumerate(TEXTS)], now=NOW)
    yield db
    db.close()


def live_events(db) -> list[tuple[str, str, str]]:
    return sorted((r["actor"], r["target"], r["act"]) for r in events_store.iter_events(db)
                  if r["retracted_at"] is None and r["origin"] == "extracted")


def test_an_unchanged_extractor_changes_nothing_twice(db):
    before, queued = live_events(db), outbox.last_outbox_id(db)
    assert before == [("BY", "donetsk-pr", "recognize"), ("NI", "abkhazia", "recognize")]
    for _ in range(2):
        totals = reprocess_archive(db, now=NOW + timedelta(days=1))
        assert totals == ReprocessTotals(statements=3, added=0, retracted=0, kept=len(before))
    assert live_events(db) == before and outbox.last_outbox_id(db) == queued


def test_a_changed_extractor_adds_and_retracts_in_batches(db, monkeypatch):
    monkeypatch.setattr(reprocess, "BATCH", 2)  # three statements: two batches
    monkeypatch.setattr(reprocess, "extract",
                        lambda text, lang: [Event("CU", "abkhazia", "recognize", text[:20])]
                        if "press conference" in text else [])
    progress: list[int] = []
    totals = reprocess_archive(db, now=NOW + timedelta(days=1), progress=progress.append)
    assert (totals.statements, totals.added, totals.retracted, totals.kept) == (3, 1, 2, 0)
    assert progress == [2, 1]  # statements read, batch by batch
    assert live_events(db) == [("CU", "abkhazia", "recognize")]
    again = reprocess_archive(db, now=NOW + timedelta(days=2))
    assert (again.added, again.retracted, again.kept) == (0, 0, 1)
