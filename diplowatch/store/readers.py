"""Reads off the event loop: a few worker threads, each with its own read-only connection.

The event loop has a writer connection of its own (and polled batches are written by the
group commit's thread, store/group.py). Work that reads a lot or thinks a lot
(search, /timeline, matching a polled batch's keywords) runs here instead, so that polling,
sending and other users' commands go on meanwhile. In WAL mode a reader sees the last
committed state and never blocks the writer.

A database without a file (``:memory:``) has nothing to open a second connection on: then
the work runs on the event loop with the writer connection, as before.
"""

from __future__ import annotations

import asyncio
import functools
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

T = TypeVar("T")

WORKERS = 2


def database_file(db: Database) -> str | None:
    """The file behind ``db``'s main database, or None (in memory, temporary)."""
    for _, name, path in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return path or None
    return None


class Readers:
    """``await readers.run(fn, *args)`` calls ``fn(read_db, *args)`` in a worker thread."""

    def __init__(self, db: Database, *, workers: int = WORKERS, name: str = "read") -> None:
        self.db, self.path = db, database_file(db)
        self._executor = ThreadPoolExecutor(max_workers=workers,
                                            thread_name_prefix=f"diplowatch-{name}")
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self.path is None:
            return fn(self.db, *args, **kwargs)
        call = functools.partial(self._call, fn, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._executor, call)

    def _call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = self._open()
        return fn(db, *args, **kwargs)

    def _open(self) -> Database:
        assert self.path is not None  # run() reads the same connection without a file
        uri = f"{Path(self.path).as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA temp_store = MEMORY")
        with self._lock:
            self._opened.append(conn)
        return Database(conn)

    def close(self) -> None:
        """Wait for the work in progress, then close the connections."""
        self._executor.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            opened, self._opened = self._opened, []
        for conn in opened:
            conn.close()
