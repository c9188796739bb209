"""SQLite store: one writer connection (WAL, synchronous=FULL); schema in migrations.py.

Each submodule holds plain functions for one table family, taking the Database first.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database  # re-exported: only store/ imports sqlite_utils

from .migrations import migrations


def open_db(path: str | Path, *, readonly: bool = False) -> Database:
    """Open (creating if needed) the database file and apply pending migrations."""
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        db = Database(conn)
    else:
        db = Database(sqlite3.connect(str(path), check_same_thread=False))
    db.execute("PRAGMA busy_timeout = 5000")
    if not readonly:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
        migrations.apply(db)
    return db


def iso(dt: datetime | None) -> str | None:
    """Timestamps are stored as ISO 8601 UTC text, so they sort as strings."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat(timespec="seconds")


def parse_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
