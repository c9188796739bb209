"""SQLite store: writer connections of the event loop and of the group commit (WAL,
synchronous=FULL); schema in migrations.py.

Each submodule holds plain functions for one table family, taking the Database first; db.py
opens the file and holds transactions and storage faults, isotime.py the timestamp format.
Callers use the names re-exported here.
"""

from sqlite_utils import Database  # re-exported: only store/ imports sqlite_utils

from .db import (
    ROOM_NEEDED,
    StoreError,
    check_writable,
    disk_full,
    free_bytes,
    open_db,
    storage_fault,
    transaction,
)
from .isotime import iso, parse_iso

__all__ = [
    "ROOM_NEEDED", "Database", "StoreError", "check_writable", "disk_full", "free_bytes", "iso", "open_db",
    "parse_iso", "storage_fault", "transaction",
]
