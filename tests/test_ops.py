"""Operations: the single-instance lock, `diplowatch backup` (and restoring one), `diplowatch
status`, and the periodic health line in the log."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from diplowatch import ops, runtime
from diplowatch.config import ConfigError, Settings, parse_sources
from diplowatch.models import Statement, UserError
from diplowatch.pipeline import ingest
from diplowatch.scheduler import PollLag
from diplowatch.store import chats, open_db, outbox
from diplowatch.store import sources as source_store
from diplowatch.store import statements as statement_store

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
SOURCES = "".join(f'[[sources]]\nname = "{n}"\nkind = "rss"\nurl = "https://{n}.example/rss"\n'
                  for n in ("alpha", "beta", "gamma"))


def cli_env(db: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    sources = db.parent / "sources.toml"
    if not sources.exists():
        sources.write_text("")
    return {**env, "DIPLOWATCH_DB": str(db), "DIPLOWATCH_SOURCES": str(sources),
            "DIPLOWATCH_LOG_LEVEL": "WARNING", **extra}


async def cli(*args: str, db: Path, stdin: bytes = b"") -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "diplowatch", *args, cwd=db.parent, env=cli_env(db),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(stdin), timeout=60)
    return proc.returncode, out.decode(), err.decode()


def populate(path: Path):
    """A database with statements, a failing and a paused source, chats and outbox rows."""
    db = open_db(path)
    source_store.sync_sources(db, parse_sources(SOURCES, origin="t"), now=NOW)
    ingest(db, [Statement("alpha", f"guid:{n}", f"https://alpha.example/{n}", f"Title {n}",
                          f"Statement number {n} about the referendum", published_at=NOW)
                for n in range(5)], now=NOW)
    source_store.record_success(db, "alpha", now=NOW, next_poll_at=NOW + timedelta(minutes=5),
                                etag=None, last_modified=None, last_seen_key=None)
    source_store.record_failure(db, "beta", now=NOW - timedelta(minutes=3),
                                reason="HTTP 503 Service Unavailable from beta.example",
                                next_poll_at=NOW + timedelta(minutes=10))
    source_store.set_paused(db, "gamma", True)
    for chat in (1, 2, 3):
        chats.upsert_chat(db, chat, type="private", title="", now=NOW)
    chats.add_subscription(db, 1, "all", "*", now=NOW)
    alert = outbox.create_alert(db, kind="statement", text="<b>x</b>", now=NOW)
    outbox.enqueue(db, alert, [1, 2, 3], now=NOW)
    rows = {r["chat_id"]: r["id"] for r in db.query("SELECT id, chat_id FROM outbox")}
    outbox.mark_possibly_delivered(db, [rows[2]], error="TimedOut: read timeout", now=NOW)
    outbox.mark_failed(db, [rows[3]], error="BadRequest: message is too long", retry_at=None)
    return db


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "live.db"
    populate(path).close()
    return path


# ---- single instance ---------------------------------------------------------------------

def test_a_second_holder_is_refused_with_the_database_named(tmp_path):
    db = tmp_path / "d.db"
    with ops.instance_lock(db) as lock:
        assert lock == tmp_path / "d.db.lock"
        assert lock.read_text().strip() == str(os.getpid())
        with pytest.raises(ops.AlreadyRunning) as caught, ops.instance_lock(db):
            pass
        message = str(caught.value)
        assert str(db.resolve()) in message and f"pid {os.getpid()}" in message
    with ops.instance_lock(db):  # released at the end of the block
        pass
    assert (tmp_path / "d.db.lock").exists()  # left in place on purpose


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_another_name_for_the_same_database_is_the_same_lock(tmp_path, link):
    db = tmp_path / "d.db"
    db.write_bytes(b"")
    other = tmp_path / "elsewhere" / "alias.db"
    other.parent.mkdir()
    (other.symlink_to if link == "symlink" else other.hardlink_to)(db)
    with ops.instance_lock(db), pytest.raises(ops.AlreadyRunning, match="already running"), \
            ops.instance_lock(other):
        pass


def test_poll_once_takes_the_lock_too(tmp_path, monkeypatch, capsys):
    from diplowatch import cli

    db = tmp_path / "d.db"
    monkeypatch.setenv("DIPLOWATCH_DB", str(db))
    with ops.instance_lock(db):
        assert cli.main(["poll", "--once"]) == 2
    assert "already running" in capsys.readouterr().err


def test_the_lock_is_per_database(tmp_path):
    with ops.instance_lock(tmp_path / "a.db"), ops.instance_lock(tmp_path / "b.db"):
        pass


def test_an_unwritable_lock_place_is_a_config_error(tmp_path):
    with (pytest.raises(ConfigError, match="DIPLOWATCH_DB=.*cannot create the lock file"),
          ops.instance_lock(tmp_path / "missing-dir" / "d.db")):
        pass


async def test_run_exits_2_when_another_instance_holds_the_database(tmp_path):
    db = tmp_path / "d.db"
    with ops.instance_lock(db):
        code, out, err = await cli("run", db=db, stdin=b"/help\n")
    assert code == 2
    assert err.startswith("diplowatch: another diplowatch is already running on the database "
                          f"{db.resolve()} (pid {os.getpid()})")
    assert err.count("\n") == 1 and "Traceback" not in err and out == ""
    # refused before touching the database (the holder's lock made it, empty)
    assert db.stat().st_size == 0 and not (tmp_path / "d.db-wal").exists()


async def test_two_real_run_processes(tmp_path):
    db = tmp_path / "d.db"
    first = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "diplowatch", "run", cwd=tmp_path, env=cli_env(db),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    try:
        lock = tmp_path / "d.db.lock"
        for _ in range(300):  # the first process writes its pid once it holds the lock
            if lock.exists() and lock.read_text().strip() == str(first.pid):
                break
            await asyncio.sleep(0.05)
        code, _, err = await cli("run", db=db, stdin=b"")
        assert code == 2 and f"(pid {first.pid})" in err and str(db.resolve()) in err
    finally:
        out, err = await asyncio.wait_for(first.communicate(b"/status\n"), timeout=60)
    assert first.returncode == 0 and "Status" in out.decode()
    code, out, _ = await cli("run", db=db, stdin=b"/status\n")  # free again
    assert code == 0 and "Status" in out


# ---- backup and restore ------------------------------------------------------------------

def test_backup_copies_a_live_database_and_restores(db_path, tmp_path):
    writer = sqlite3.connect(db_path)  # committed in the WAL, not yet checkpointed
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE sources SET title = 'changed after start' WHERE name = 'alpha'")
    writer.commit()
    writer.execute("BEGIN IMMEDIATE")  # and a write transaction still open: not in the copy
    writer.execute("DELETE FROM subscriptions")
    dest = tmp_path / "backups" / "b.db"
    dest.parent.mkdir()
    result = ops.backup(db_path, dest)
    writer.rollback()
    writer.close()
    assert result.path == dest and result.statements == 5 and result.size == dest.stat().st_size
    assert oct(dest.stat().st_mode & 0o777) == "0o600"  # chat ids inside: owner only
    assert sorted(p.name for p in dest.parent.iterdir()) == ["b.db"]  # one file, no temp left

    restored = tmp_path / "restored.db"  # restore = copy back, then start diplowatch on it
    shutil.copyfile(dest, restored)
    db = open_db(restored)
    assert statement_store.count_statements(db) == 5
    assert [h.title for h in statement_store.search(db, "referendum", limit=10)][0] == "Title 4"
    assert source_store.get_source(db, "alpha")[0].title == "changed after start"
    assert [s.kind for s in chats.list_subscriptions(db, 1)] == ["all"]
    assert outbox.state_counts(db)["possibly_delivered"] == 1
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_backup_replaces_an_older_backup(db_path, tmp_path):
    dest = tmp_path / "b.db"
    dest.write_bytes(b"old backup")
    ops.backup(db_path, dest)
    assert dest.read_bytes()[:16] == b"SQLite format 3\x00"


def test_a_failed_backup_leaves_the_old_one_and_no_temp_file(db_path, tmp_path):
    dest = tmp_path / "out" / "b.db"
    dest.parent.mkdir()
    dest.write_bytes(b"old backup")
    data = bytearray(db_path.read_bytes())
    data[4096 * 3: 4096 * 6] = b"\xff" * (4096 * 3)  # wreck some pages
    broken = tmp_path / "broken.db"
    broken.write_bytes(bytes(data))
    with pytest.raises(UserError, match="integrity check|backup of .* failed"):
        ops.backup(broken, dest)
    assert dest.read_bytes() == b"old backup"
    assert [p.name for p in dest.parent.iterdir()] == ["b.db"]


@pytest.mark.parametrize(("target", "says"), [
    ("{tmp}", "is a directory. Give a file name"),
    ("{tmp}/no/such/dir/b.db", "directory .* does not exist"),
    ("{db}", "is the database itself"),
    ("{db}-wal", "belongs to the live database"),
    ("/proc/diplowatch-backup.db", "cannot write the backup /proc/diplowatch-backup.db"),
])
def test_backup_errors_are_clear(db_path, tmp_path, target, says):
    with pytest.raises(UserError, match=says):
        ops.backup(db_path, Path(target.format(tmp=tmp_path, db=db_path)))


def test_backup_of_a_missing_database(tmp_path):
    with pytest.raises(UserError, match="no database at .*nothing to back up"):
        ops.backup(tmp_path / "none.db", tmp_path / "b.db")
    assert not (tmp_path / "none.db").exists()


async def test_backup_command(db_path, tmp_path):
    code, out, err = await cli("backup", str(tmp_path / "copy.db"), db=db_path)
    assert code == 0 and "5 statements, integrity ok" in out, err
    code, out, err = await cli("backup", "/proc/x.db", db=db_path)
    assert code == 1 and err.startswith("diplowatch: cannot write the backup /proc/x.db")
    assert err.count("\n") == 1


# ---- status ----------------------------------------------------------------------------------

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
    with caplog.at_level(logging.INFO, logger="diplowatch.ops"):
        ops.log_health(db)
    db.close()
    assert caplog.messages == ["health sources=3 failing=1 paused=1 statements=5 queue=1 "
                               "possibly_delivered=1 failed=1 last_poll=2026-11-25T06:00:00+00:00"]


def test_health_line_with_the_monitors_poll_lag(db_path, caplog):
    db = open_db(db_path)
    with caplog.at_level(logging.INFO, logger="diplowatch.ops"):
        ops.log_health(db, poll_lag=PollLag(count=40, p50=0.02, p95=1.234, max=3.5))
        ops.log_health(db, poll_lag=PollLag(count=0, p50=None, p95=None, max=None))
    db.close()
    assert caplog.messages[0].endswith("last_poll=2026-11-25T06:00:00+00:00 poll_lag_p95=1.23s")
    assert caplog.messages[1].endswith(" poll_lag_p95=none")


def test_health_line_survives_a_database_error(db_path, caplog):
    db = open_db(db_path)
    db.close()
    with caplog.at_level(logging.INFO, logger="diplowatch.ops"):
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


# ---- docs --------------------------------------------------------------------------------

OPERATIONS = (Path(__file__).parents[1] / "docs" / "operations.md").read_text("utf-8")


@pytest.mark.parametrize("line", [
    "health sources=", "poll failed source=", "flood control: all sending paused",
    "chat %s inactive", "send timed out, not resending", "possibly_delivered",
    "another instance is polling with this token (409 Conflict)",
    "Telegram rejected the bot token", "DIPLOWATCH_TELEGRAM_TOKEN was rejected",
    "HTML rejected, resending as plain text", "giving up chat=", "channel gap source=",
    "another diplowatch is already running on the database", "admin command refused",
])
def test_operations_doc_explains_each_alarm(line):
    assert line in OPERATIONS, line


@pytest.mark.parametrize("command", ["diplowatch backup", "diplowatch status",
                                     "diplowatch reprocess", "diplowatch run"])
def test_operations_doc_covers_the_commands(command):
    assert command in OPERATIONS
