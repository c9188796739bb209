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


def _texts(*lengths: int) -> list[Statement]:
    return [Statement("s", f"guid:{i}", None, "", "x" * n) for i, n in enumerate(lengths)]


def test_chunks_cut_a_batch_in_order_by_text_and_fan_out():
    batch = _texts(0, 0, 0, 0, 0)
    prepared = pipeline.Prepared(rows={id(batch[0]): 49, id(batch[1]): 49, id(batch[2]): 9,
                                       id(batch[3]): 200, id(batch[4]): 0})
    parts = pipeline.chunks(batch, prepared, budget=100)
    # costs 50, 50, 10, 201, 1: a part closes before it would pass the budget; a statement
    # costlier than the budget is a part of its own
    assert [[s.key for s in part] for part in parts] == [
        ["guid:0", "guid:1"], ["guid:2"], ["guid:3"], ["guid:4"]]
    text_only = pipeline.chunks(_texts(4_900, 4_900, 4_900), None, budget=100)
    assert [len(part) for part in text_only] == [2, 1]  # 100 characters of text cost 1


def test_chunks_of_a_small_or_empty_batch_are_one_part():
    batch = _texts(100, 200, 300)
    assert pipeline.chunks(batch, pipeline.Prepared()) == [batch]
    assert pipeline.chunks([], None) == [[]]


def test_prepare_counts_the_outbox_rows_of_each_statement_alert(tmp_path):
    db = open_db(tmp_path / "t.db")
    for chat in (1, 2, 3):
        chats.add_subscription(db, chat, "keyword", "trade", now=NOW)
    chats.add_subscription(db, 3, "source", "s", now=NOW)
    chats.add_subscription(db, 4, "source", "s", now=NOW)
    batch = [Statement("s", "guid:1", None, "Trade talks", "x"),
             Statement("s", "guid:2", None, "Weather", "x")]
    prepared = pipeline.prepare(db, batch)
    assert [prepared.rows[id(s)] for s in batch] == [4, 2]  # chat 3 once
    pipeline.ingest(db, batch, now=NOW)
    assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 6
