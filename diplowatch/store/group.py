"""Group commit: the writes of polls that finish at about the same time share one transaction.

A poll cycle over 1,000 sources committed 1,000 times; each commit wrote the index and FTS
pages it touched to the WAL again (and fsync'd). Gathered into groups, a full cycle takes
less CPU and writes a fraction of the WAL bytes (the monitor benchmark; see docs/benchmarks.md).

Each write runs in its own savepoint inside the group's transaction, so a write that raises
loses only its own changes and its caller gets the exception. A fault that ends the whole
transaction (a full disk) fails every write of the group: none of them is stored, as when each
had its own transaction. A caller's ``write`` returns only after the commit that holds its
changes, so what a poll reports stored is stored.

A group is flushed when every expected writer has handed in its write (so a lone poll never
waits), when it reaches ``max_group`` writes, or ``window`` seconds after its first write.

``off_loop``: the groups are written in a thread of their own, on a writer connection of their
own, so that the event loop goes on while a big batch is written (a 1,000-item feed meeting
1,000 keyword subscriptions held it for 19–68 s; docs/reliability.md). Each write function is
given the connection to write with. The writer connection of the loop still writes other
things (sent marks, commands); while a group is being written, such a write waits for
SQLite's write lock, for one group's transaction at most (the monitor keeps those short by
writing a big batch in chunks). Without a file (``:memory:``) the groups are written on the
loop, on ``db``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlite_utils import Database

from .db import open_writer, transaction
from .readers import database_file

T = TypeVar("T")

WINDOW = 0.05  # seconds a write may wait for others; alerts go out in minutes, not ms
MAX_GROUP = 64


@dataclass(eq=False)
class _Write:
    work: Callable[[Database], Any]
    durable: bool
    done: asyncio.Future


class GroupCommit:
    """Runs synchronous write functions on ``db`` in shared transactions (see module doc).

    ``expected()`` is how many writers may hand in a write soon (e.g. polls in progress);
    when that many are waiting there is nobody left to wait for.
    """

    def __init__(self, db: Database, *, expected: Callable[[], int] = lambda: 1,
                 window: float = WINDOW, max_group: int = MAX_GROUP, off_loop: bool = False
                 ) -> None:
        self.db, self.expected, self.window, self.max_group = db, expected, window, max_group
        self._waiting: list[_Write] = []
        self._flush_at: asyncio.Handle | None = None
        self.commits = 0  # groups committed (tests read it)
        self._path = database_file(db) if off_loop else None
        self._thread: ThreadPoolExecutor | None = None
        self._own: Database | None = None  # the thread's writer connection
        self._tasks: set[asyncio.Task] = set()

    async def write(self, work: Callable[[Database], T], *, durable: bool = True) -> T:
        """``work(db)``'s result once it is committed; its exception if it raised or the
        group's commit failed. ``db`` is the connection to write with."""
        loop = asyncio.get_running_loop()
        entry = _Write(work, durable, loop.create_future())
        self._waiting.append(entry)
        if len(self._waiting) >= min(self.max_group, max(1, self.expected())):
            if self._flush_at is not None:
                self._flush_at.cancel()
            self._flush_at = loop.call_soon(self._flush)
        elif self._flush_at is None:
            self._flush_at = loop.call_later(self.window, self._flush)
        return await entry.done

    def _flush(self) -> None:
        self._flush_at = None
        waiting = [w for w in self._waiting if not w.done.done()]  # a cancelled caller: skipped
        group, self._waiting = waiting[:self.max_group], waiting[self.max_group:]
        if self._waiting:  # the rest goes in the next group, right after this one
            self._flush_at = asyncio.get_running_loop().call_soon(self._flush)
        if not group:
            return
        if self._path is None:
            self._settle_group(group, self._commit(self.db, group))
            return
        task = asyncio.get_running_loop().create_task(self._commit_off_loop(group))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _commit_off_loop(self, group: list[_Write]) -> None:
        if self._thread is None:  # one thread: groups are written one after the other
            self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="diplowatch-write")
        loop = asyncio.get_running_loop()
        self._settle_group(group, await loop.run_in_executor(self._thread, self._commit_own, group))

    def _commit_own(self, group: list[_Write]) -> list[tuple[Any, BaseException | None]]:
        if self._own is None:
            assert self._path is not None
            self._own = open_writer(self._path)
        return self._commit(self._own, group)

    def _commit(self, db: Database, group: list[_Write]) -> list[tuple[Any, BaseException | None]]:
        """Each write's (result, error): the group's own error for all when the commit failed."""
        outcomes: list[tuple[Any, BaseException | None]] = []
        try:
            with transaction(db, durable=any(w.durable for w in group)):
                for entry in group:
                    outcomes.append(self._run(db, entry))
        except Exception as exc:  # the commit failed, or a write ended the transaction
            return [(None, exc)] * len(group)
        self.commits += 1  # by one thread only: the loop's or the writer's
        return outcomes

    @staticmethod
    def _settle_group(group: list[_Write], outcomes: list[tuple[Any, BaseException | None]]
                      ) -> None:
        for entry, (result, error) in zip(group, outcomes, strict=True):
            _settle(entry.done, result, error)

    @staticmethod
    def _run(db: Database, entry: _Write) -> tuple[Any, BaseException | None]:
        # A savepoint of our own: this write alone rolls back. (sqlite-utils' atomic() names
        # each one from os.urandom, a system call per write.)
        db.execute("SAVEPOINT group_write")
        try:
            result = entry.work(db)
        except Exception as exc:
            if not db.conn.in_transaction:  # SQLite rolled the whole transaction back
                raise
            db.execute("ROLLBACK TO group_write")
            db.execute("RELEASE group_write")
            return None, exc
        db.execute("RELEASE group_write")
        return result, None

    @property
    def writer(self) -> Database:
        """The connection groups are written with: the thread's once it is open, else ``db``."""
        return self._own or self.db

    def close(self) -> None:
        """Wait for the group being written, then close the thread's connection."""
        if self._thread is not None:
            self._thread.shutdown(wait=True)
            self._thread = None
        if self._own is not None:
            self._own.close()
            self._own = None


def _settle(future: asyncio.Future, result: Any, error: BaseException | None) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)
