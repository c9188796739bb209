"""Operations: the single-instance lock, online backups, the status report and the health line.

Reads use their own read-only connection, so `diplowatch status` and `diplowatch backup` work
while `diplowatch run` is writing (WAL lets readers and the one writer proceed together).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from .config import ConfigError
from .models import UserError
from .store import Database, chats, disk_full, free_bytes, iso, open_db, outbox, storage_fault
from .store import sources as source_store
from .store import statements as statement_store
from .texts import ago, database_error, disk_full_status, source_health

if TYPE_CHECKING:  # `diplowatch status` need not import the monitor
    from .scheduler import PollLag

log = logging.getLogger(__name__)

HEALTH_INTERVAL = 300  # seconds between two health lines in the log
LAST_ERRORS = 5


# ---- single instance -------------------------------------------------------------------------

class AlreadyRunning(Exception):
    """Another process holds the database's instance lock; the message names the database."""


def lock_path(db_path: Path) -> Path:
    """Beside the real file: a symlink to the database finds the same lock file."""
    return Path(f"{os.path.realpath(db_path)}.lock")


@contextlib.contextmanager
def instance_lock(db_path: Path) -> Iterator[Path]:
    """Hold an exclusive, non-blocking ``flock`` on ``<db>.lock`` for the block.

    Raises AlreadyRunning at once if another process holds it. The lock goes with the process
    (crash, kill -9), so a leftover lock file is harmless and is never deleted: deleting it
    would let a third process lock a fresh file while the second still holds the old one.
    """
    path = lock_path(db_path)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise ConfigError(database_error(str(db_path), "full", exc.strerror)) from None
        raise ConfigError(f"DIPLOWATCH_DB={str(db_path)!r}: cannot create the lock file {path} "
                          f"({exc.strerror}). Point DIPLOWATCH_DB at a writable directory.") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            raise AlreadyRunning(
                f"another diplowatch is already running on the database {os.path.abspath(db_path)}"
                + (f" (pid {holder})" if holder else "")
                + ". Stop it first, or set DIPLOWATCH_DB to another database file."
            ) from None
        with contextlib.suppress(OSError):  # the pid only informs; a full disk is told below
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        with _database_flock(db_path):
            yield path
    finally:
        os.close(fd)  # releases the lock


@contextlib.contextmanager
def _database_flock(db_path: Path) -> Iterator[None]:
    """An flock on the database file itself, so that a hard link (another name, another lock
    file) is still the same database. flock and SQLite's POSIX locks do not interact on Linux;
    this descriptor is closed only when the block ends, after the database is closed."""
    try:
        fd = os.open(db_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError:
        yield  # the store reports an unwritable database in its own words
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyRunning(
                f"another diplowatch is already running on the database {os.path.abspath(db_path)} "
                "(under another name: a hard link or a copy of the path). Stop it first."
            ) from None
        yield
    finally:
        os.close(fd)


def _read_pid(fd: int) -> int | None:
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return int(text) if text.isascii() and text.isdigit() else None


# ---- backup ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int  # bytes
    statements: int


def backup(db_path: Path, dest: Path) -> BackupResult:
    """Copy the live database to ``dest`` with SQLite's online backup API.

    The copy is written to a temporary file beside ``dest``, checked with
    ``PRAGMA integrity_check`` and only then renamed over ``dest``, so ``dest`` is either the
    old file or a complete, checked copy. Raises UserError with the reason otherwise.
    """
    db_path, dest = Path(db_path), Path(dest)
    _check_backup_paths(db_path, dest)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp",
                                        dir=dest.parent)
    except OSError as exc:
        raise UserError(f"cannot write the backup {dest}: {exc.strerror}.") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        statements = _copy_and_check(db_path, tmp)
        _fsync(tmp)
        os.replace(tmp, dest)
        _fsync(dest.parent)
    except sqlite3.Error as exc:
        raise UserError(f"backup of {db_path} failed: {exc}. {dest} was not changed.") from None
    except OSError as exc:
        raise UserError(f"cannot write the backup {dest}: {exc.strerror}.") from None
    finally:
        tmp.unlink(missing_ok=True)
    return BackupResult(dest, dest.stat().st_size, statements)


def _check_backup_paths(db_path: Path, dest: Path) -> None:
    if not db_path.is_file():
        raise UserError(f"no database at {db_path} (DIPLOWATCH_DB): nothing to back up.")
    if dest.is_dir():
        raise UserError(f"{dest} is a directory. Give a file name, e.g. "
                        f"{dest / 'diplowatch-backup.db'}")
    if not dest.parent.is_dir():
        raise UserError(f"cannot write the backup {dest}: directory {dest.parent} does not exist.")
    if dest.exists() and dest.resolve() == db_path.resolve():
        raise UserError(f"{dest} is the database itself. Back up to another file.")
    for suffix in ("-wal", "-shm", "-journal", ".lock"):
        if dest.resolve() == Path(f"{db_path.resolve()}{suffix}"):
            raise UserError(f"{dest} belongs to the live database. Back up to another file.")


def _copy_and_check(db_path: Path, tmp: Path) -> int:
    source = connect_readonly(db_path)
    try:
        copy = sqlite3.connect(tmp)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            problems = [row[0] for row in copy.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise UserError(f"the copy failed its integrity check ({'; '.join(problems[:3])}); "
                                "the backup was not written. Check the database with "
                                f"sqlite3 {db_path} 'PRAGMA integrity_check'.")
            return copy.execute("SELECT count(*) FROM statements").fetchone()[0]
        finally:
            copy.close()
    finally:
        source.close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def connect_readonly(db_path: Path) -> sqlite3.Connection:
    """A read-only connection (never creates the file, never migrates)."""
    if not Path(db_path).is_file():
        raise UserError(f"no database at {db_path} (DIPLOWATCH_DB). Start diplowatch once "
                        "(diplowatch poll --once or run) to create it.")
    uri = f"file:{quote(str(Path(db_path).resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


# ---- status and health -----------------------------------------------------------------------

def open_readonly(db_path: Path) -> Database:
    """The database for reading. On a full disk, where SQLite cannot make the -shm file a WAL
    reader needs, it is read without it (immutable) if its WAL is empty: then the file holds
    every commit, and no writer can add one while the disk stays full."""
    connect_readonly(db_path).close()  # the friendly error for a missing file
    path = Path(db_path).resolve()
    db = open_db(path, readonly=True)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the WAL index
    except sqlite3.Error as exc:
        db.close()
        wal = path.with_name(path.name + "-wal")
        if storage_fault(exc, path) != "full" or (wal.exists() and wal.stat().st_size):
            raise
        return open_db(path, readonly=True, immutable=True)
    return db


def status_report(db: Database, *, now: datetime, db_path: Path | None = None) -> dict:
    """Everything `diplowatch status` shows, as JSON-ready data; with ``db_path``, the room
    left on its disk."""
    rows = source_store.list_sources(db)
    sources = [{
        "name": s.name, "kind": s.kind, "url": s.url, "paused": st.paused,
        "health": source_health(st, now=now), "error_count": st.error_count,
        "last_error": st.last_error, "last_poll_at": iso(st.last_poll_at),
        "last_ok_at": iso(st.last_ok_at), "next_poll_at": iso(st.next_poll_at),
    } for s, st in rows]
    polls = [st.last_poll_at for _, st in rows if st.last_poll_at]
    return {
        "now": iso(now),
        "statements": statement_store.count_statements(db),
        "last_poll_at": iso(max(polls)) if polls else None,
        "sources": {
            "total": len(rows),
            "failing": sum(1 for _, st in rows if st.error_count and not st.paused),
            "paused": sum(1 for _, st in rows if st.paused),
            "items": sources,
        },
        "queue": {"due": outbox.queue_length(db), "by_state": outbox.state_counts(db)},
        "chats": chats.chat_counts(db),
        "last_errors": {
            "sources": [{"source": s["name"], "at": s["last_poll_at"], "count": s["error_count"],
                         "error": s["last_error"]} for s in sources if s["error_count"]],
            "delivery": _delivery_errors(db),
        },
        **({"disk": _disk(db_path)} if db_path is not None else {}),
    }


def _disk(db_path: Path) -> dict:
    return {"path": str(Path(db_path).resolve()), "free_bytes": free_bytes(db_path),
            "full": disk_full(db_path)}


def _delivery_errors(db: Database) -> list[dict]:
    return [dict(row) for row in db.query(
        "SELECT id, chat_id, state, attempts, last_error AS error FROM outbox "
        "WHERE last_error IS NOT NULL AND state != 'sent' ORDER BY id DESC LIMIT ?",
        [LAST_ERRORS])]


def status_text(report: dict, *, now: datetime) -> str:
    """The report for people: a summary, one line per source, the latest errors."""
    src, queue = report["sources"], report["queue"]
    last = datetime.fromisoformat(report["last_poll_at"]) if report["last_poll_at"] else None
    states = ", ".join(f"{k} {v}" for k, v in queue["by_state"].items())
    chat = report["chats"]
    lines = [
        f"statements  {report['statements']}",
        f"sources     {src['total']} ({src['failing']} failing, {src['paused']} paused)",
        f"last poll   {ago(last, now=now)}",
        f"queue       {queue['due']} due to send; outbox: {states}",
        f"chats       {chat['active']} active ({chat['subscribed']} subscribed), "
        f"{chat['inactive']} inactive",
        "",
        f"{'SOURCE':<20} {'KIND':<8} {'LAST OK':<10} HEALTH",
    ]
    if report.get("disk", {}).get("full"):
        lines[:0] = [disk_full_status(report["disk"]["path"], report["disk"]["free_bytes"]), ""]
    for s in src["items"]:
        ok = datetime.fromisoformat(s["last_ok_at"]) if s["last_ok_at"] else None
        lines.append(f"{s['name']:<20} {s['kind']:<8} {ago(ok, now=now):<10} {s['health']}")
    errors = report["last_errors"]["delivery"]
    if errors:
        lines += ["", "latest delivery errors:"]
        lines += [f"  outbox #{e['id']} chat {e['chat_id']} {e['state']} after {e['attempts']} "
                  f"attempt(s): {e['error']}" for e in errors]
    return "\n".join(lines)


def health_line(db: Database, *, poll_lag: PollLag | None = None) -> tuple[str, tuple]:
    """The periodic health log line: a %-format and its arguments (one line, key=value).

    With ``poll_lag`` (the running monitor's), it ends with the p95 scheduling lag of the
    recent scheduled polls, ``poll_lag_p95=none`` before the first one."""
    rows = source_store.list_sources(db)
    states = outbox.state_counts(db)
    polls = [st.last_poll_at for _, st in rows if st.last_poll_at]
    message = ("health sources=%d failing=%d paused=%d statements=%d queue=%d "
               "possibly_delivered=%d failed=%d last_poll=%s")
    args: tuple = (len(rows), sum(1 for _, st in rows if st.error_count and not st.paused),
                   sum(1 for _, st in rows if st.paused), statement_store.count_statements(db),
                   outbox.queue_length(db), states["possibly_delivered"], states["failed"],
                   iso(max(polls)) if polls else "never")
    if poll_lag is not None:
        message += " poll_lag_p95=%s"
        args += ("none" if poll_lag.p95 is None else f"{poll_lag.p95:.2f}s",)
    return message, args


def log_health(db: Database, *, poll_lag: PollLag | None = None) -> None:
    """Write the health line; a database problem is logged, never raised (it runs as a job)."""
    try:
        message, args = health_line(db, poll_lag=poll_lag)
    except sqlite3.Error as exc:
        log.warning("health check failed: %s", exc)
        return
    log.info(message, *args)
