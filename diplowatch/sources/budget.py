"""Run a pure parser in a worker process with a wall-clock timeout and a memory cap.

The pebble ProcessPool is created on first use and kills a worker that overruns its time; the
worker initializer caps its address space with RLIMIT_AS.

Polling takes its parser runner as an object (a ``ParseRunner``), chosen where the program is
put together: ``PoolParser`` (the default) runs each parse in that pool and budget,
``InlineParser`` in this process with neither limit (unit tests, benchmarks).
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import multiprocessing
import resource
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from pebble import ProcessExpired, ProcessPool

from diplowatch.models import SourceError

log = logging.getLogger(__name__)

T = TypeVar("T")
PARSE_TIMEOUT = 20.0
MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space per worker
WORKERS = 2
_PRELOAD = ["diplowatch.sources.rss", "diplowatch.sources.telegram", "diplowatch.sources.html"]
_pool: ProcessPool | None = None


def _limit_memory(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _get_pool() -> ProcessPool:
    global _pool
    if _pool is None or not _pool.active:
        # forkserver: workers start from a clean, single-threaded process, not a copy of ours.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        _pool = ProcessPool(
            max_workers=WORKERS,
            initializer=_limit_memory,
            initargs=(MEMORY_LIMIT,),
            context=context,
        )
        atexit.register(close_parse_pool)
    return _pool


def _ready() -> None:
    """A worker's first task: nothing (start_parse_pool waits for it)."""


def start_parse_pool() -> None:
    """Start the worker processes now, and wait until one has run a task. Blocking: the
    forkserver imports the parsers, and starting a worker waits for it. Started by the first
    parse instead, on the event loop, it was one of the loop benchmark's longest stalls
    (docs/benchmarks.md); the runtime calls this in a thread as it opens."""
    _get_pool().schedule(_ready).result(timeout=60)


def close_parse_pool() -> None:
    """Stop the worker processes (they are started again on the next parse)."""
    global _pool
    if _pool is not None:
        pool, _pool = _pool, None
        pool.stop()
        pool.join(timeout=10)


async def parse_in_budget(
    fn: Callable[..., T],
    *args: Any,
    timeout: float = PARSE_TIMEOUT,
    **kwargs: Any,
) -> T:
    """``fn(*args, **kwargs)`` in a worker; SourceError when it overruns or fails.

    ``fn`` must be a module-level function; its arguments and result must pickle.
    """
    future = _get_pool().schedule(fn, args=args, kwargs=kwargs, timeout=timeout)
    try:
        return await asyncio.wrap_future(future)
    except SourceError:
        raise
    except TimeoutError:
        raise SourceError(f"parsing took longer than {timeout:g}s") from None
    except MemoryError:
        raise SourceError("parser ran out of memory") from None
    except ProcessExpired as exc:
        raise SourceError(f"parser process died (exit code {exc.exitcode})") from None
    except Exception as exc:
        log.exception("parser crashed fn=%s", getattr(fn, "__qualname__", fn))
        raise SourceError(f"parser failed: {type(exc).__name__}") from exc


class ParseRunner(Protocol):
    """Runs a pure parser: ``await runner.parse(fn, *args, timeout=…, **kwargs)``;
    ``await runner.start()`` gets it ready before the first parse."""

    async def start(self) -> None: ...

    async def parse(
        self, fn: Callable[..., T], *args: Any, timeout: float = PARSE_TIMEOUT, **kwargs: Any
    ) -> T: ...


class PoolParser:
    """Each parse in a worker process of the shared pool, within its time and memory budget."""

    async def start(self) -> None:
        await asyncio.to_thread(start_parse_pool)  # off the loop: it blocks (start_parse_pool)

    async def parse(
        self, fn: Callable[..., T], *args: Any, timeout: float = PARSE_TIMEOUT, **kwargs: Any
    ) -> T:
        return await parse_in_budget(fn, *args, timeout=timeout, **kwargs)


class InlineParser:
    """Each parse in this process, with neither limit (unit tests, benchmarks)."""

    async def start(self) -> None:
        return None

    async def parse(
        self, fn: Callable[..., T], *args: Any, timeout: float = PARSE_TIMEOUT, **kwargs: Any
    ) -> T:
        return fn(*args, **kwargs)


POOL_PARSER: ParseRunner = PoolParser()  # the default runner of polls
