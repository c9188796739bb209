"""Group commit (store/group.py): writes share commits, yet each stands or falls on its own."""

import asyncio
import sqlite3
import threading
import time

import pytest

from diplowatch.store.group import GroupCommit
from tests.fakes.sql import traced_sql
from tests.test_faults_storage import disk_full, free_space, writes_need_space


@pytest.fixture
def table(db):
    db.execute("CREATE TABLE t (v TEXT)")
    return db


def insert(_, value):
    def work(db):  # the connection the group writes with
        db.execute("INSERT INTO t (v) VALUES (?)", [value])
        return value
    return work


def failing(_, value):
    def work(db):
        db.execute("INSERT INTO t (v) VALUES (?)", [value])
        raise ValueError(f"bug writing {value}")
    return work


def values(db):
    return sorted(r[0] for r in db.execute("SELECT v FROM t"))


async def test_writes_handed_in_together_share_one_commit(table):
    group = GroupCommit(table, expected=lambda: 3)
    with traced_sql(table) as sql:
        got = await asyncio.gather(*(group.write(insert(table, v)) for v in "abc"))
    assert got == ["a", "b", "c"]
    assert values(table) == ["a", "b", "c"]
    assert sql.count("COMMIT") == 1 and group.commits == 1


async def test_a_lone_write_does_not_wait_for_the_window(table):
    group = GroupCommit(table, expected=lambda: 1, window=3600)
    assert await asyncio.wait_for(group.write(insert(table, "a")), 5) == "a"
    assert values(table) == ["a"]


async def test_the_window_flushes_when_expected_writers_stay_away(table):
    group = GroupCommit(table, expected=lambda: 5, window=0.01)
    got = await asyncio.wait_for(asyncio.gather(group.write(insert(table, "a")),
                                                group.write(insert(table, "b"))), 5)
    assert got == ["a", "b"] and group.commits == 1


async def test_a_group_is_cut_at_max_group(table):
    group = GroupCommit(table, expected=lambda: 5, max_group=2, window=0.01)
    await asyncio.gather(*(group.write(insert(table, v)) for v in "abcde"))
    assert values(table) == list("abcde")
    assert group.commits == 3  # 2 + 2 + 1


async def test_a_failing_write_loses_only_its_own_changes(table):
    group = GroupCommit(table, expected=lambda: 3)
    results = await asyncio.gather(group.write(insert(table, "a")), group.write(failing(table, "b")),
                                   group.write(insert(table, "c")), return_exceptions=True)
    assert results[0] == "a" and results[2] == "c"
    assert isinstance(results[1], ValueError) and "bug writing b" in str(results[1])
    assert values(table) == ["a", "c"]
    assert group.commits == 1


async def test_a_failed_commit_fails_every_write_and_stores_none(table):
    group = GroupCommit(table, expected=lambda: 2)
    table.execute("PRAGMA query_only = 1")  # the commit... and every write, refused
    results = await asyncio.gather(group.write(insert(table, "a")), group.write(insert(table, "b")),
                                   return_exceptions=True)
    assert all(isinstance(r, sqlite3.OperationalError) for r in results)
    table.execute("PRAGMA query_only = 0")
    assert values(table) == [] and not table.conn.in_transaction
    assert await group.write(insert(table, "c")) == "c"  # the next group works
    assert values(table) == ["c"]


async def test_disk_full_fails_the_writes_that_need_space_and_nothing_is_half_stored(table):
    group = GroupCommit(table, expected=lambda: 2)
    await group.write(insert(table, "before"))
    writes_need_space(table, "t")
    disk_full(table)
    results = await asyncio.gather(group.write(insert(table, "a")), group.write(insert(table, "b")),
                                   return_exceptions=True)
    assert all(isinstance(r, sqlite3.OperationalError) and "full" in str(r) for r in results)
    assert values(table) == ["before"]
    free_space(table)
    assert await group.write(insert(table, "after")) == "after"
    assert values(table) == ["after", "before"]


async def test_a_cancelled_caller_s_write_is_not_run(table):
    group = GroupCommit(table, expected=lambda: 2, window=0.05)
    ran = []
    waiting = asyncio.ensure_future(group.write(lambda db: ran.append("cancelled")))
    await asyncio.sleep(0)
    waiting.cancel()
    assert await group.write(insert(table, "b")) == "b"
    assert ran == [] and values(table) == ["b"]


async def test_durable_if_any_write_of_the_group_is(table):
    group = GroupCommit(table, expected=lambda: 2)
    with traced_sql(table) as sql:
        await asyncio.gather(group.write(insert(table, "a"), durable=False),
                             group.write(insert(table, "b"), durable=False))
    assert "PRAGMA synchronous = NORMAL" in sql  # no fsync for a group of 304s
    with traced_sql(table) as sql:
        await asyncio.gather(group.write(insert(table, "c"), durable=False),
                             group.write(insert(table, "d"), durable=True))
    assert "PRAGMA synchronous = NORMAL" not in sql and "COMMIT" in sql
    assert table.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL again afterwards


async def test_off_the_loop_groups_are_written_by_a_thread_of_their_own_while_the_loop_goes_on(
        table):
    group = GroupCommit(table, expected=lambda: 2, off_loop=True)
    seen, ticks = [], 0

    def slow(db):
        seen.append((threading.current_thread().name, db is table))
        db.execute("INSERT INTO t (v) VALUES ('slow')")
        time.sleep(0.3)  # a big batch being written
        return "slow"

    async def tick():
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(tick())
    results = await asyncio.gather(group.write(slow), group.write(failing(table, "b")),
                                   return_exceptions=True)
    ticker.cancel()
    assert results[0] == "slow" and isinstance(results[1], ValueError)
    assert ticks > 0  # on the loop, the write would have held it: not one tick
    assert seen == [("diplowatch-write_0", False)]  # another thread, another connection
    assert values(table) == ["slow"] and group.commits == 1  # one commit; b's row rolled back
    assert await group.write(insert(table, "c")) == "c"
    group.close()
    assert values(table) == ["c", "slow"]
