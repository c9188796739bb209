"""The pipeline's transaction: a failing extractor for one statement loses nothing."""

from datetime import UTC, datetime

import pytest

from diplowatch import pipeline
from diplowatch.models import Statement
from diplowatch.store import chats, open_db
from diplowatch.store import statements as st

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)


def test_extractor_crash_on_one_statement_keeps_the_batch(tmp_path, monkeypatch):
    db = open_db(tmp_path / "t.db")
    real = pipeline.extract

    def flaky(text, lang=None):
        if "boom" in text:
            raise RuntimeError("extractor bug")
        return real(text, lang)

    monkeypatch.setattr(pipeline, "extract", flaky)
    batch = [Statement("s", "guid:1", None, "", "boom"),
             Statement("s", "guid:2", None, "", "Nicaragua has recognized the independence of Somaliland.")]
    new = pipeline.ingest(db, batch, now=NOW)
    assert len(new) == 2 and st.count_statements(db) == 2
    events = list(db.query("SELECT actor, target FROM events WHERE origin = 'extracted'"))
    assert events == [{"actor": "NI", "target": "somaliland"}]


def test_empty_batch_touches_nothing(tmp_path):
    db = open_db(tmp_path / "t.db")
    assert pipeline.ingest_batch(db, [], now=NOW).new == []


def _statement_chats(db) -> dict[str, set[int]]:
    rows = db.execute("SELECT s.key, o.chat_id FROM outbox o JOIN alerts a ON a.id = o.alert_id "
                      "JOIN statements s ON s.id = a.statement_id WHERE a.kind = 'statement'")
    out: dict[str, set[int]] = {}
    for key, chat_id in rows:
        out.setdefault(key, set()).add(chat_id)
    return out


def test_prepared_batch_alerts_whoever_follows_the_keywords_at_write_time(tmp_path):
    """prepare() matches ahead of the write; keywords subscribed or dropped in between count
    as they are when the batch is written, and a prepared statement already stored is not new."""
    db = open_db(tmp_path / "t.db")
    chats.add_subscription(db, 1, "keyword", "referendum", now=NOW)
    chats.add_subscription(db, 2, "keyword", "sukhum", now=NOW)
    gone = chats.add_subscription(db, 3, "keyword", "kosovo", now=NOW)
    pipeline.ingest(db, [Statement("s", "guid:0", None, "Old", "Kosovo and the referendum")],
                    now=NOW)
    batch = [Statement("s", "guid:0", None, "Old", "Kosovo and the referendum"),
             Statement("s", "guid:1", None, "Vote", "A referendum in Sukhum, then Kosovo."),
             Statement("s", "guid:2", None, "Talks", "Talks on the status of North Korea.")]
    prepared = pipeline.prepare(db, batch)
    assert sorted(prepared.matches.values(), key=sorted) == [set(), {"kosovo", "referendum",
                                                                     "sukhum"}]
    chats.add_subscription(db, 4, "keyword", "north korea", now=NOW)  # after prepare
    chats.remove_subscription(db, 3, gone.id)
    db.execute("DELETE FROM outbox")
    new = pipeline.ingest_batch(db, batch, now=NOW, prepared=prepared).new
    assert [s.key for s in new] == ["guid:1", "guid:2"]
    assert _statement_chats(db) == {"guid:1": {1, 2}, "guid:2": {4}}


def test_prepared_events_are_the_ones_recorded(tmp_path, monkeypatch):
    db = open_db(tmp_path / "t.db")
    batch = [Statement("s", "guid:1", None, "", "Nicaragua has recognized the independence of "
                                                 "Somaliland.")]
    prepared = pipeline.prepare(db, batch)
    monkeypatch.setattr(pipeline, "extract", lambda *a: pytest.fail("extracted in the write"))
    pipeline.ingest_batch(db, batch, now=NOW, prepared=prepared)
    events = list(db.query("SELECT actor, target FROM events WHERE origin = 'extracted'"))
    assert events == [{"actor": "NI", "target": "somaliland"}]
