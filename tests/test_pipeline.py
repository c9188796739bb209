"""The pipeline's transaction: a failing extractor for one statement loses nothing."""

from datetime import UTC, datetime

from diplowatch import pipeline
from diplowatch.models import Statement
from diplowatch.store import open_db
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
