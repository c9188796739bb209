"""`diplowatch labels export`: review decisions → eval JSONL → `diplowatch eval` reads it."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

import pytest

from diplowatch import cli, ledger, pipeline, review
from diplowatch.extract import evaluate
from diplowatch.extract.commands import run_eval
from diplowatch.models import AlertPolicy, Event, Statement
from diplowatch.store import open_db

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
DPR = "donetsk-pr"
ADMIN = 1001
POLICY = AlertPolicy(confidence=0.8, max_wait=3600)


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "labels.db"
    db = open_db(path)
    ledger.load_seed(db, now=NOW)
    db.execute("INSERT INTO sources (name, kind, url, interval, official, settings)"
               " VALUES ('tass', 'rss', 'https://tass.example/feed', 300, 0, '{}')")
    db.close()
    return path


def hold(db, monkeypatch, n, events, text):
    monkeypatch.setattr(pipeline, "extract", lambda t, lang=None: events)
    pipeline.ingest(db, [Statement("tass", f"guid:{n}", f"https://tass.example/{n}", f"Title {n}", text,
                                   lang="en", published_at=NOW)], now=NOW, policy=POLICY)
    return [r["id"] for r in db.query("SELECT id FROM events WHERE statement_id = (SELECT max(id) FROM statements)"
                                      " ORDER BY id")]


def decide_all(db, monkeypatch):
    """Four statements, one decision of each kind, and a retraction after a confirmation."""
    ev = lambda actor, act="recognize": Event(actor, DPR, act, evidence="…", confidence=0.6)  # noqa: E731
    [a] = hold(db, monkeypatch, 1, [ev("TG")], "Togo recognized the DPR.")
    [b] = hold(db, monkeypatch, 2, [ev("BJ")], "Benin did not recognize the DPR.")
    [c] = hold(db, monkeypatch, 3, [ev("ML")], "Mali refuses to recognize the DPR.")
    d, e = hold(db, monkeypatch, 4, [ev("NE"), ev("GA", "reject")], "Niger and Gabon, says Chad.")
    at = NOW + timedelta(minutes=5)
    review.decide(db, a, "confirm", seen=None, admin_id=ADMIN, now=at)
    review.decide(db, b, "not-recognition", seen=None, admin_id=ADMIN, now=at)
    review.decide(db, c, "wrong-act", seen=None, value="reject", admin_id=ADMIN, now=at)
    review.decide(db, d, "wrong-actor", seen=None, value="TD", admin_id=ADMIN, now=at)
    [f] = hold(db, monkeypatch, 5, [ev("SN")], "Senegal recognized the DPR.")
    review.decide(db, f, "confirm", seen=None, admin_id=ADMIN, now=at)
    review.retract_event(db, f, reason="denied", admin_id=ADMIN, now=at + timedelta(hours=1))
    return e


def test_decisions_round_trip_through_the_eval_reader(db_path, tmp_path, monkeypatch, capsys):
    db = open_db(db_path)
    decide_all(db, monkeypatch)
    db.close()
    out = tmp_path / "labels.jsonl"
    monkeypatch.setenv("DIPLOWATCH_DB", str(db_path))
    assert cli.main(["labels", "export", "-o", str(out)]) == 0
    assert "Wrote 5 labelled document(s)" in capsys.readouterr().err
    docs = evaluate.load(str(out))
    gold = {d["text"]: sorted((e["actor"], e["act"]) for e in d["events"]) for d in docs}
    assert gold == {
        "Title 1\n\nTogo recognized the DPR.": [("TG", "recognize")],
        "Title 2\n\nBenin did not recognize the DPR.": [],
        "Title 3\n\nMali refuses to recognize the DPR.": [("ML", "reject")],
        "Title 4\n\nNiger and Gabon, says Chad.": [("GA", "reject"), ("TD", "recognize")],
        "Title 5\n\nSenegal recognized the DPR.": [],  # confirmed, then retracted: the last wins
    }
    assert all(e["target"] == DPR for d in docs for e in d["events"])
    first = docs[0]
    assert (first["lang"], first["url"], first["published"]) == ("en", "https://tass.example/1", "2026-03-01")
    assert docs[3]["note"] == "diplowatch review: wrong-actor 1; 1 other act(s) as extracted, not reviewed"
    report = evaluate.score(docs, lambda text, lang: set())
    assert (report.overall.fn, report.empty_docs) == (4, 2)
    scored = io.StringIO()
    assert run_eval([str(out)], scored) == 0 and "(all, 5 documents)" in scored.getvalue()


def test_no_decisions_export_nothing_to_stdout(db_path, monkeypatch, capsys):
    monkeypatch.setenv("DIPLOWATCH_DB", str(db_path))
    assert cli.main(["labels", "export"]) == 0
    assert capsys.readouterr().out == ""


def test_an_unwritable_output_is_a_clear_error(db_path, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DIPLOWATCH_DB", str(db_path))
    assert cli.main(["labels", "export", "-o", str(tmp_path / "missing" / "x.jsonl")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_every_line_is_one_json_object(db_path, monkeypatch):
    db = open_db(db_path)
    decide_all(db, monkeypatch)
    buffer = io.StringIO()
    from diplowatch.labels import export_labels
    assert export_labels(db, buffer) == 5
    db.close()
    lines = buffer.getvalue().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [f"review-{n}" for n in range(1, 6)]
