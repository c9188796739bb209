"""parse_in_budget: worker processes with a time limit and a memory cap."""

from __future__ import annotations

import os
import time

import pytest

from diplowatch.models import SourceError
from diplowatch.sources import budget, rss


# Worker functions live at module level so the worker can import them.
def sleep_forever() -> None:
    time.sleep(60)


def allocate(gib: int) -> int:
    return len(bytearray(gib * 1024 * 1024 * 1024))


def die() -> None:
    os._exit(3)


def divide(a: int, b: int) -> float:
    return a / b


def pid_of_worker() -> int:
    return os.getpid()


pytestmark = pytest.mark.usefixtures("parse_pool")  # conftest: the pool shut down after this module


async def test_inline_runs_in_this_process() -> None:
    assert await budget.InlineParser().parse(pid_of_worker) == os.getpid()


async def test_the_pool_parser_runs_in_a_worker() -> None:
    assert await budget.POOL_PARSER.parse(pid_of_worker) != os.getpid()


async def test_worker_runs_elsewhere_and_returns_dataclasses() -> None:
    assert await budget.parse_in_budget(pid_of_worker) != os.getpid()
    doc = (
        b'<rss version="2.0"><channel><title>T</title><item><title>x</title></item></channel></rss>'
    )
    feed = await budget.parse_in_budget(rss.parse, doc, source="s", lang="en")
    assert [st.title for st in feed.statements] == ["x"]


async def test_overrun_is_killed() -> None:
    started = time.monotonic()
    with pytest.raises(SourceError, match=r"^parsing took longer than 0\.5s$"):
        await budget.parse_in_budget(sleep_forever, timeout=0.5)
    assert time.monotonic() - started < 10


async def test_memory_is_capped() -> None:
    with pytest.raises(SourceError, match="^parser ran out of memory$"):
        await budget.parse_in_budget(allocate, 2)


async def test_dead_worker() -> None:
    with pytest.raises(SourceError, match=r"^parser process died \(exit code 3\)$"):
        await budget.parse_in_budget(die)


async def test_parser_source_errors_pass_through() -> None:
    with pytest.raises(SourceError, match=r"^feed declares XML entities \(refused\): "):
        await budget.parse_in_budget(rss.parse, b'<!DOCTYPE r [<!ENTITY a "b">]><rss/>', source="s")


async def test_other_exceptions_become_source_errors() -> None:
    with pytest.raises(SourceError, match="^parser failed: ZeroDivisionError$"):
        await budget.parse_in_budget(divide, 1, 0)


async def test_pool_can_be_closed_and_comes_back() -> None:
    budget.close_parse_pool()
    budget.close_parse_pool()  # twice is fine
    assert await budget.parse_in_budget(divide, 6, 3) == 2
