"""The disk full and the database read-only, at start and while running: the monitor, the
sender, a chat command and the CLI each fail with a clear reason, lose nothing already
stored, leave the file intact, and carry on once the database takes writes again.

The faults are SQLite's own errors on a real file, raised inside SQLite on the connection the
code holds (see `disk_full`, `writes_need_space` and `read_only`); the CLI case is a real
file the process may not write.
"""

from __future__ import annotations

import asyncio
import ctypes
import hashlib
import io
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from diplowatch import texts
from diplowatch.config import Settings, parse_sources
from diplowatch.delivery import Sender, SendPolicy
from diplowatch.handlers.console import CONSOLE_CHAT_ID, run_console
from diplowatch.handlers.core import Deps
from diplowatch.scheduler import Monitor
from diplowatch.sources import close_parse_pool, make_client
from diplowatch.sources.budget import InlineParser
from diplowatch.sources.fetch import Fetcher
from diplowatch.store import chats, open_db, outbox
from diplowatch.store import sources as source_store
from diplowatch.store.sources import sync_sources
from tests.fakes.clock import Clock

T0 = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
LONG = "Пресс-релиз о совещании. " * 300  # ~7 KB: storing it needs overflow pages (new pages)
FULL, READ_ONLY = "database or disk is full", "attempt to write a readonly database"


def disk_full(db) -> None:
    """SQLITE_FULL for real: from now on the writer connection may not grow the file.

    ``PRAGMA max_page_count`` caps the database at its current size, for this connection only.
    A write that needs one more page then fails inside SQLite with SQLITE_FULL, "database or
    disk is full", as sqlite3.OperationalError: the very code and exception SQLite returns
    when write() reports ENOSPC, raised at the same point (the statement that needs space),
    with the transaction left for the caller to roll back. What it does not reproduce is a
    write that fits in pages the file already has failing too (with ENOSPC, the WAL may not
    grow either); `writes_need_space` gives those writes a page to allocate.
    """
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def writes_need_space(db, *tables: str) -> None:
    """Every insert or update on ``tables`` also needs new pages, as a write landing on a full
    page does (it splits). A TEMP trigger (this connection only) adds a page-sized blob to a
    ballast table; call before `disk_full`, which then fails those writes with SQLITE_FULL."""
    db.execute("CREATE TABLE IF NOT EXISTS ballast (b BLOB)")
    for table in tables:
        for op in ("INSERT", "UPDATE"):
            db.execute(f"CREATE TEMP TRIGGER {table}_{op.lower()}_needs_space AFTER {op} "
                       f"ON main.{table} BEGIN INSERT INTO ballast VALUES (zeroblob(8192)); END")


def free_space(db) -> None:
    db.execute("PRAGMA max_page_count = 1073741823")


def read_only(db, on: bool = True) -> None:
    """SQLITE_READONLY for real, on the connection the code holds: with ``query_only`` SQLite
    refuses every write with "attempt to write a readonly database", the error a database
    that cannot be written gives. (Changing the file's mode would not do: the open
    descriptor keeps its write access; and reopening read-only would replace the connection
    the monitor and sender hold.)"""
    db.execute(f"PRAGMA query_only = {int(on)}")


def inject(db, fault: str) -> None:
    if fault == "read-only":
        read_only(db)
        return
    if fault == "full, failure not recordable":
        writes_need_space(db, "sources")
    disk_full(db)


def lift(db, fault: str) -> None:
    if fault == "read-only":
        read_only(db, False)
    else:
        free_space(db)


def integrity(db) -> str:
    return db.execute("PRAGMA integrity_check").fetchone()[0]


def counts(db) -> tuple[int, int, int]:
    row = next(db.query("SELECT (SELECT count(*) FROM statements) s, (SELECT count(*) FROM "
                        "alerts) a, (SELECT count(*) FROM outbox) o"))
    return row["s"], row["a"], row["o"]


def rss(*items: tuple[str, str]) -> bytes:
    body = "".join(f"<item><guid>{g}</guid><title>{g}</title><link>https://e.example/{g}</link>"
                   f"<description>{text}</description></item>" for g, text in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{body}'
            '</channel></rss>').encode()




@pytest.fixture
async def watched(tmp_path, feed_server):
    """A monitor on source "a", followed by chat 7, with one statement stored."""
    feed_server.set_content("/a.xml", rss(("a1", "First")), content_type="application/rss+xml")
    toml = f'[[sources]]\nname = "a"\nkind = "rss"\nurl = "{feed_server.url("/a.xml")}"\n'
    db = open_db(tmp_path / "t.db")
    sync_sources(db, parse_sources(toml, origin="t"), now=T0)
    chats.upsert_chat(db, 7, type="private", title="", now=T0)
    chats.add_subscription(db, 7, "source", "a", now=T0)
    client, clock = make_client(connect_timeout=2, read_timeout=2), Clock(T0)
    monitor = Monitor(db, Fetcher(client, allow_private=True), clock=clock, parser=InlineParser())
    assert (await monitor.poll("a")).new == 1
    yield monitor, feed_server, clock
    await client.aclose()
    close_parse_pool()
    db.close()


@pytest.mark.parametrize("fault", ["full", "full, failure not recordable", "read-only"])
async def test_poll_fails_with_a_reason_then_stores_once(watched, fault, caplog):
    monitor, server, clock = watched
    db = monitor.db
    server.set_content("/a.xml", rss(("a1", "First"), ("a2", LONG), ("a3", LONG + "!")),
                       content_type="application/rss+xml")
    before = counts(db)
    inject(db, fault)
    writer = monitor.writes.writer  # polled batches are written on a connection of their own
    assert writer is not db
    inject(writer, fault)  # ... and so are the failures, since they too go through it
    clock.now += timedelta(minutes=5)

    failed = await monitor.poll("a")

    error = READ_ONLY if fault == "read-only" else FULL
    assert failed.status == "error"
    fault_name, words = ("read-only", "read-only") if fault == "read-only" else ("full", "disk is full")
    assert failed.reason == texts.store_failure(fault_name)
    assert words in failed.reason and "Error" not in failed.reason  # words, not a class name
    assert counts(db) == before and integrity(db) == "ok"
    _, state = source_store.get_source(db, "a")
    if fault == "full":
        assert (state.last_error, state.error_count) == (failed.reason, 1)
    else:  # the failure could not be written either: it is in the log
        assert state.error_count == 0
        assert any("could not record the failure source=a" in r.getMessage() and error in
                   r.getMessage() for r in caplog.records)

    lift(db, fault)
    lift(writer, fault)
    clock.now += timedelta(minutes=5)  # the backoff after one error
    stored = await monitor.poll("a")
    clock.now += timedelta(minutes=5)
    again = await monitor.poll("a")

    assert (stored.status, stored.new, again.new) == ("new", 2, 0)
    assert counts(db) == (before[0] + 2, before[1] + 2, before[2] + 2)
    assert [r["n"] for r in db.query("SELECT count(*) n FROM outbox GROUP BY alert_id")] == [1] * 3
    _, state = source_store.get_source(db, "a")
    assert (state.error_count, state.last_error) == (0, None)
    assert integrity(db) == "ok"


class RecordingSend:
    def __init__(self) -> None:
        self.sent: list[int] = []

    async def __call__(self, chat_id: int, text: str, *, parse_mode: str | None) -> int:
        await asyncio.sleep(0)
        self.sent.append(chat_id)
        return len(self.sent)


def queued(tmp_path) -> tuple:
    db = open_db(tmp_path / "d.db")
    for chat_id in (1, 2):
        chats.upsert_chat(db, chat_id, type="private", title="", now=T0)
    outbox.enqueue(db, outbox.create_alert(db, kind="statement", text="<b>Alert</b>", now=T0),
                   [1, 2], now=T0)
    send = RecordingSend()
    return db, send, Sender(db, send, clock=lambda: T0, policy=SendPolicy(
        max_in_flight=1, rate=1000, private_interval=0, idle_interval=0.05))


def refuse_sent_marks(db, fault: str, monkeypatch) -> None:
    if fault == "full":  # a sent mark fits in its page; make it need one, as a full page does
        writes_need_space(db, "outbox")
        disk_full(db)
    elif fault == "read-only":
        read_only(db)
    else:  # sqlite3.DatabaseError, e.g. an I/O error: only the sent mark, through a stub
        def broken(*args, **kwargs):
            raise sqlite3.DatabaseError("disk I/O error")

        monkeypatch.setattr(outbox, "mark_sent", broken)


def state_counts(db) -> dict[str, int]:
    return {k: v for k, v in outbox.state_counts(db).items() if v}


async def until(condition, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.01)


@pytest.mark.parametrize("fault", ["full", "read-only", "I/O error"])
async def test_sender_keeps_rows_and_resends_nothing_when_a_sent_mark_fails(
        tmp_path, fault, monkeypatch):
    db, send, sender = queued(tmp_path)
    refuse_sent_marks(db, fault, monkeypatch)
    stop = asyncio.Event()
    task = asyncio.create_task(sender.run(stop=stop))

    await until(lambda: send.sent and sender.storage_error)
    await asyncio.sleep(0.3)  # several passes of the sender loop

    assert not task.done()  # the loop goes on
    assert send.sent == [1]  # not resent, and nothing more sent while marks cannot be written
    assert state_counts(db) == {"pending": 2}  # the rows are still there
    assert ("disk I/O error" if fault == "I/O error" else
            FULL if fault == "full" else READ_ONLY) in sender.storage_error

    if fault == "I/O error":
        monkeypatch.undo()
    else:
        lift(db, fault)
    await until(lambda: state_counts(db) == {"sent": 2})
    stop.set()
    await task
    assert sorted(send.sent) == [1, 2] and sender.storage_error is None
    assert integrity(db) == "ok"


async def test_a_sent_mark_held_in_memory_is_resent_once_after_a_restart(tmp_path, monkeypatch):
    """The documented cost: a process that dies while the database refuses writes takes the
    marks it held with it, so those rows (at most the sends in flight) go out once more."""
    db, send, sender = queued(tmp_path)
    refuse_sent_marks(db, "full", monkeypatch)
    stop = asyncio.Event()
    task = asyncio.create_task(sender.run(stop=stop))
    await until(lambda: send.sent and sender.storage_error)
    stop.set()
    await task
    free_space(db)

    restarted = Sender(db, send, policy=SendPolicy(max_in_flight=1, rate=1000, private_interval=0))
    await restarted.drain_once(now=T0)

    assert sorted(send.sent) == [1, 1, 2] and state_counts(db) == {"sent": 2}


@pytest.mark.parametrize(("fault", "answer"), [("full", texts.STORAGE_FULL),
                                               ("read-only", texts.STORAGE_READONLY)])
async def test_subscribe_answers_clearly_when_the_database_refuses_writes(
        tmp_path, fault, answer, caplog):
    db = open_db(tmp_path / "h.db")
    deps = Deps(db, Settings(), lambda: T0)
    if fault == "full":
        writes_need_space(db, "chats", "subscriptions")
        disk_full(db)
    else:
        read_only(db)
    out: list[str] = []

    await run_console(deps, stdin=io.StringIO("/subscribe all\n"), out=out.append)

    assert out == [answer]
    assert chats.list_subscriptions(db, CONSOLE_CHAT_ID) == []
    assert not [r for r in caplog.records if r.exc_info]  # logged as one line, no traceback
    lift(db, fault)
    await run_console(deps, stdin=io.StringIO("/subscribe all\n"), out=out.append)
    assert len(chats.list_subscriptions(db, CONSOLE_CHAT_ID)) == 1
    assert integrity(db) == "ok"
    db.close()


# ---- starting on a database the process may not write ---------------------------------------

def _drop_dac_override() -> None:
    """preexec_fn: take CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH out of the bounding set, so
    that the child, even as root, is refused writes to a 0444 file like any other user."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    for capability in (1, 2):
        if prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _unprivileged(path: Path, mode: str):
    """The preexec_fn that makes file modes bind a child (None if they do already); skips the
    test if there is none. ``path`` and ``mode``: a write the child must be refused."""
    if os.geteuid() != 0:
        return None
    probe = subprocess.run([sys.executable, "-c", f"open({str(path)!r}, {mode!r})"],
                           preexec_fn=_drop_dac_override, capture_output=True, text=True)
    if "PermissionError" not in probe.stderr:
        pytest.skip(f"running as root and cannot drop CAP_DAC_OVERRIDE: {probe.stderr[-200:]}")
    return _drop_dac_override


@pytest.mark.parametrize(("command", "where"), [
    (("poll", "--once"), "file"), (("run", "--headless"), "file"),
    (("poll", "--once"), "directory"), (("run", "--headless"), "directory"),
])
def test_starting_on_an_unwritable_database_exits_2_with_one_line(tmp_path, command, where):
    home = tmp_path / "db"
    home.mkdir()
    db_path = home / "diplowatch.db"
    open_db(db_path).close()  # WAL checkpointed and removed: the directory holds one file
    sources = tmp_path / "sources.toml"
    sources.write_text('[[sources]]\nname = "a"\nkind = "rss"\nurl = "http://127.0.0.1:9/"\n')
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
    (db_path if where == "file" else home).chmod(0o444 if where == "file" else 0o555)
    try:
        preexec = (_unprivileged(db_path, "r+b") if where == "file"
                   else _unprivileged(home / "probe", "xb"))
        env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
        env |= {"DIPLOWATCH_DB": str(db_path), "DIPLOWATCH_SOURCES": str(sources)}
        done = subprocess.run([sys.executable, "-m", "diplowatch", *command], env=env,
                              cwd=tmp_path, preexec_fn=preexec, capture_output=True, text=True,
                              timeout=120, stdin=subprocess.DEVNULL)
    finally:
        db_path.chmod(0o644)
        home.chmod(0o755)

    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    if where == "directory":  # the instance lock comes first (run and poll --once take it)
        assert done.stderr == (
            f"diplowatch: configuration error: DIPLOWATCH_DB={str(db_path)!r}: cannot create the "
            f"lock file {db_path}.lock (Permission denied). Point DIPLOWATCH_DB at a writable "
            "directory.\n")
    else:
        assert done.stderr == ("diplowatch: configuration error: the database "
                               f"{db_path} cannot be written by this process ({READ_ONLY}). "
                               "Make the file and its directory writable for the user running "
                               "diplowatch (chmod u+w), or set DIPLOWATCH_DB to a writable "
                               "file.\n")
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest
    check = sqlite3.connect(db_path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()
