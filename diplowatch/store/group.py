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
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlite_utils import Database

from .db import transaction

T = TypeVar("T")

WINDOW = 0.05  # seconds a write may wait for others; alerts go out in minutes, not ms
MAX_GROUP = 64


@dataclass(eq=False)
class _Write:
    work: Callable[[], Any]
    durable: bool
    done: asyncio.Future


class GroupCommit:
    """Runs synchronous write functions on ``db`` in shared transactions (see module doc).

    ``expected()`` is how many writers may hand in a write soon (e.g. polls in progress);
    when that many are waiting there is nobody left to wait for.
    """

    def __init__(self, db: Database, *, expected: Callable[[], int] = lambda: 1,
                 window: float = WINDOW, max_group: int = MAX_GROUP) -> None:
        self.db, self.expected, self.window, self.max_group = db, expected, window, max_group
        self._waiting: list[_Write] = []
        self._flush_at: asyncio.Handle | None = None
        self.commits = 0  # groups committed (tests read it)

    async def write(self, work: Callable[[], T], *, durable: bool = True) -> T:
        """``work()``'s result once it is committed; its exception if it raised or the
        group's commit failed."""
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
        outcomes: list[tuple[Any, BaseException | None]] = []
        try:
            with transaction(self.db, durable=any(w.durable for w in group)):
                for entry in group:
                    outcomes.append(self._run(entry))
        except Exception as exc:  # the commit failed, or a write ended the transaction
            for entry in group:
                _settle(entry.done, None, exc)
            return
        self.commits += 1
        for entry, (result, error) in zip(group, outcomes, strict=True):
            _settle(entry.done, result, error)

    def _run(self, entry: _Write) -> tuple[Any, BaseException | None]:
        # A savepoint of our own: this write alone rolls back. (sqlite-utils' atomic() names
        # each one from os.urandom, a system call per write.)
        self.db.execute("SAVEPOINT group_write")
        try:
            result = entry.work()
        except Exception as exc:
            if not self.db.conn.in_transaction:  # SQLite rolled the whole transaction back
                raise
            self.db.execute("ROLLBACK TO group_write")
            self.db.execute("RELEASE group_write")
            return None, exc
        self.db.execute("RELEASE group_write")
        return result, None


def _settle(future: asyncio.Future, result: Any, error: BaseException | None) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)
