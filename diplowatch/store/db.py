"""The database file: opening it (writer connections: WAL, synchronous=FULL; schema in
migrations.py), transactions, and telling the machine's storage faults (full, read-only) apart."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from .migrations import migrations

# What the database raises (sqlite3.Error and its kin): callers outside store/ catch this name,
# so that only store/ imports sqlite3.
StoreError = sqlite3.Error


def open_db(path: str | Path, *, readonly: bool = False, immutable: bool = False) -> Database:
    """Open (creating if needed) the database file and apply pending migrations.

    ``immutable`` (read-only): SQLite takes no locks and ignores the WAL, so the file can be
    read where no -shm file can be made (a full disk); only right when the WAL is empty."""
    if readonly:
        options = "mode=ro&immutable=1" if immutable else "mode=ro"
        conn = sqlite3.connect(f"file:{path}?{options}", uri=True, check_same_thread=False)
        db = Database(conn)
    else:
        db = Database(sqlite3.connect(str(path), check_same_thread=False))
    _configure(db, writer=not readonly)
    if not readonly:
        migrations.apply(db)
    return db


def open_writer(path: str | Path) -> Database:
    """Another writer connection to a database open_db has opened (no migrations): as the
    first one, WAL, synchronous=FULL, foreign keys on (store/group.py writes with it)."""
    db = Database(sqlite3.connect(str(path), check_same_thread=False))
    _configure(db, writer=True)
    return db


def _configure(db: Database, *, writer: bool) -> None:
    db.execute("PRAGMA busy_timeout = 5000")
    # Savepoints (one per ingested batch, nested in the poll's transaction) keep a statement
    # journal of the pages they change; in temp files that was most of the bytes a poll cycle
    # wrote (the monitor benchmark: see docs/benchmarks.md). It is as big as one transaction's
    # changes, so memory is the right place for it.
    db.execute("PRAGMA temp_store = MEMORY")
    if writer:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")


@contextmanager
def transaction(db: Database, *, durable: bool = True) -> Iterator[Database]:
    """One transaction (a savepoint when nested: then the outer one decides).

    ``durable=False`` skips the fsync at commit, for state that is cheap to lose, such as a
    source's next poll time after a 304 or a sent mark. The commit is still atomic and survives
    a crash of the process (it is in the WAL); only a power cut may undo it, never corrupt it.
    SQLite refuses to change the safety level inside a transaction, hence the order here.
    """
    relaxed = not durable and not db.conn.in_transaction
    if relaxed:
        db.execute("PRAGMA synchronous = NORMAL")
    try:
        with db.atomic():
            yield db
    finally:
        if relaxed:
            db.execute("PRAGMA synchronous = FULL")


def check_writable(db: Database) -> None:
    """Raise sqlite3.OperationalError (SQLITE_READONLY) now if the file cannot be written.

    SQLite opens a file it may not write (mode 0444, a read-only mount) read-only without a
    word and fails only at the first write; this probe writes nothing (it rolls back).
    """
    version = db.execute("PRAGMA user_version").fetchone()[0]
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        db.conn.execute(f"PRAGMA user_version = {int(version)}")
    finally:
        db.conn.execute("ROLLBACK")


def storage_fault(exc: BaseException, path: str | Path | None = None) -> str | None:
    """"full" (disk or size limit) or "read-only" when a sqlite3 error says the database cannot
    take writes now, else None: these are faults of the machine, to report plainly, not bugs.

    With the database's ``path``, a bare I/O error counts as "full" when its disk has no room
    left: SQLite says only "disk I/O error" when it cannot make its -shm or -wal file."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL":
        return "full"
    if name.startswith("SQLITE_READONLY"):
        return "read-only"
    if path is not None and name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
        return "full" if disk_full(path) else None
    return None


ROOM_NEEDED = 1024 * 1024  # bytes; less free beside the database than this is a full disk


def free_bytes(path: str | Path) -> int | None:
    """Bytes an unprivileged process may still write on the disk holding ``path``."""
    try:
        stat = os.statvfs(Path(path).resolve().parent)
    except OSError:
        return None
    return stat.f_bavail * stat.f_frsize


def disk_full(path: str | Path) -> bool:
    free = free_bytes(path)
    return free is not None and free < ROOM_NEEDED
