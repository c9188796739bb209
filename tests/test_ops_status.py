"""ops/status.py: `diplowatch status` (report and text) and the periodic health line in the log."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from pathlib import Path

import pytest

from diplowatch import ops, runtime
from diplowatch.config import Settings
from diplowatch.models import UserError
from diplowatch.scheduler import PollLag
from diplowatch.store import open_db
from tests.ops_setup import NOW, cli, live_db_path


@pytest.fixture
def db_path(tmp_path) -> Path:
    return live_db_path(tmp_path)


def test_status_report(db_path):
    db = ops.open_readonly(db_path)
    report = ops.status_report(db, now=NOW)
    db.close()
    assert report["statements"] == 5
    assert report["sources"]["total"] == 3
    assert report["sources"]["failing"] == 1 and report["sources"]["paused"] == 1
    assert report["last_poll_at"] == "2026-11-25T06:00:00+00:00"
    assert report["queue"]["due"] == 1
    assert report["queue"]["by_state"] == {"pending": 1, "sent": 0, "possibly_delivered": 1,
                                           "dropped": 0, "failed": 1}
    [failing] = report["last_errors"]["sources"]
    assert failing == {"source": "beta", "at": "2026-11-25T05:57:00+00:00", "count": 1,
                       "error": "HTTP 503 Service Unavailable from beta.example"}
    assert [e["state"] for e in report["last_errors"]["delivery"]] == ["failed",
                                                                       "possibly_delivered"]
    assert json.loads(json.dumps(report)) == report
    text = ops.status_text(report, now=NOW)
    assert "statements  5" in text and "3 (1 failing, 1 paused)" in text
    assert "beta                 rss      never      failing ×1: HTTP 503" in text
    assert "gamma" in text and "paused" in text
    assert "chat 3 failed after 1 attempt(s): BadRequest: message is too long" in text


def test_status_never_writes(db_path, tmp_path):
    before = db_path.read_bytes()
    db = ops.open_readonly(db_path)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("DELETE FROM statements")
    db.close()
    assert db_path.read_bytes() == before
    with pytest.raises(UserError, match="no database at"):
        ops.open_readonly(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


async def test_status_command_text_and_json(db_path):
    code, out, err = await cli("status", db=db_path)
    assert code == 0 and "statements  5" in out and "failing ×1" in out, err
    code, out, _ = await cli("status", "--json", db=db_path)
    report = json.loads(out)
    assert code == 0 and report["statements"] == 5 and report["sources"]["failing"] == 1
    code, _, err = await cli("status", db=db_path.parent / "none.db")
    assert code == 1 and "no database at" in err


# ---- health line ---------------------------------------------------------------------------

def test_health_line(db_path, caplog):
    db = open_db(db_path)
    with caplog.at_level(logging.INFO, logger="diplowatch.ops.status"):
        ops.log_health(db)
    db.close()
    assert caplog.messages == ["health sources=3 failing=1 paused=1 statements=5 queue=1 "
                               "possibly_delivered=1 failed=1 last_poll=2026-11-25T06:00:00+00:00"]


def test_health_line_with_the_monitors_poll_lag(db_path, caplog):
    db = open_db(db_path)
    with caplog.at_level(logging.INFO, logger="diplowatch.ops.status"):
        ops.log_health(db, poll_lag=PollLag(count=40, p50=0.02, p95=1.234, max=3.5))
        ops.log_health(db, poll_lag=PollLag(count=0, p50=None, p95=None, max=None))
    db.close()
    assert caplog.messages[0].endswith("last_poll=2026-11-25T06:00:00+00:00 poll_lag_p95=1.23s")
    assert caplog.messages[1].endswith(" poll_lag_p95=none")


def test_health_line_survives_a_database_error(db_path, caplog):
    db = open_db(db_path)
    db.close()
    with caplog.at_level(logging.INFO, logger="diplowatch.ops.status"):
        ops.log_health(db)
    assert caplog.messages[0].startswith("health check failed: ")


async def test_the_monitor_logs_the_health_line_on_schedule(tmp_path, monkeypatch, caplog):
    sources = tmp_path / "sources.toml"
    sources.write_text("")
    settings = Settings(db_path=tmp_path / "d.db", sources_path=sources)
    monkeypatch.setattr(ops, "HEALTH_INTERVAL", 0.05)
    logged = asyncio.Event()
    real = ops.log_health
    monkeypatch.setattr(ops, "log_health", lambda db, **kw: (real(db, **kw), logged.set()))
    with caplog.at_level(logging.INFO):
        async with runtime.open_runtime(settings) as rt, runtime.background(rt, sender=None):
            await asyncio.wait_for(logged.wait(), timeout=20)
    assert any(m.startswith("health sources=0 failing=0") and m.endswith(" poll_lag_p95=none")
               for m in caplog.messages)
    assert "monitor started sources=0" in caplog.text  # the health job is not a source
