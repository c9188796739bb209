"""Read-only access to the database file: never creates it, never migrates it.

`diplowatch status` and `diplowatch backup` read this way while `diplowatch run` is writing
(WAL lets readers and the one writer proceed together).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from ..models import UserError
from .db import Database, open_db, storage_fault


def connect_readonly(db_path: Path) -> sqlite3.Connection:
    """A read-only connection (never creates the file, never migrates)."""
    if not Path(db_path).is_file():
        raise UserError(f"no database at {db_path} (DIPLOWATCH_DB). Start diplowatch once "
                        "(diplowatch poll --once or run) to create it.")
    uri = f"file:{quote(str(Path(db_path).resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


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
