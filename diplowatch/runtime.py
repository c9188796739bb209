"""The runtime: store, HTTP client, monitor and background tasks, wired once.

`open_runtime` is what every long-running command builds on: `diplowatch run` (with the
Telegram front end of bot.py, or the console chat here), `poll --once`, `demo`. Nothing runs
at import time; tests build the same pieces with their own settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import httpx
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from . import ops, pipeline, texts
from .clock import Clock, utcnow
from .config import Settings, load_sources
from .database import open_store
from .delivery import Sender, SendPolicy, console_send
from .handlers.console import CONSOLE_CHAT_ID, run_console
from .handlers.core import Deps
from .scheduler import Monitor
from .sources import POOL_PARSER, ParseRunner, close_parse_pool
from .sources.fetch import Fetcher, make_client
from .store import Database, chats
from .store.readers import Readers
from .store.sources import sync_sources

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    db: Database
    client: httpx.AsyncClient
    monitor: Monitor
    readers: Readers  # commands' reads off the event loop
    clock: Clock = utcnow  # the one clock, passed to all the parts above


@contextlib.asynccontextmanager
async def open_runtime(settings: Settings, *, parser: ParseRunner = POOL_PARSER,
                       clock: Clock = utcnow, polls: bool = True) -> AsyncIterator[Runtime]:
    """Open the store, sync the sources file into it, and build the monitor; for a command that
    ``polls``, start the parse workers too (``sources list`` only syncs)."""
    sources = load_sources(settings.sources_path)
    db = open_store(settings, writable=True, clock=clock)
    sync_sources(db, sources, now=clock())
    client = make_client()
    fetcher = Fetcher(client, allow_private=settings.allow_private, clock=clock)
    monitor = Monitor(db, fetcher, clock=clock, parser=parser,
                      policy=settings.alert_policy, admins=settings.admin_ids,
                      source_alert_after=settings.source_alert_after)
    readers = Readers(db, name="command")
    try:
        if polls:  # the parse workers, before a first parse would start them on the loop
            await parser.start()
        yield Runtime(settings, db, client, monitor, readers, clock)
    finally:
        readers.close()
        monitor.close()
        await client.aclose()
        close_parse_pool()
        db.close()


async def run_monitor(settings: Settings, *, stop: asyncio.Event | None = None) -> None:
    """The monitor alone: poll on schedule until stopped."""
    stop = stop or stop_on_signals()
    async with open_runtime(settings) as rt, background(rt, sender=None):
        await stop.wait()


def stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop


@contextlib.asynccontextmanager
async def background(rt: Runtime, *, sender: Sender | None) -> AsyncIterator[None]:
    """Run the poll scheduler (and the outbox sender) for the duration of the block."""
    scheduler = AsyncIOScheduler(timezone="UTC")
    freeze_startup_heap()
    rt.monitor.schedule(scheduler)
    polled = len(scheduler.get_jobs())
    _add_upkeep_jobs(scheduler, rt, sender)
    scheduler.start()
    clock_watch = asyncio.create_task(rt.monitor.watch_clock(scheduler))
    stop_sending = asyncio.Event()
    task = asyncio.create_task(sender.run(stop=stop_sending)) if sender else None
    if sender:
        rt.monitor.on_ingested = sender.notify
    log.info("monitor started sources=%d db=%s", polled, rt.settings.db_path)
    try:
        yield
    finally:
        clock_watch.cancel()
        scheduler.shutdown(wait=False)
        stop_sending.set()
        if task:
            await asyncio.gather(task, return_exceptions=True)


def freeze_startup_heap() -> None:
    """Take what start-up built (modules, lexicons, the gazetteer, PTB, the runtime) out of
    the garbage collector's sight (``gc.freeze``): a full collection then scans only what was
    made since. A collection holds the GIL, so it stops the event loop whichever thread set it
    off: before freezing, the loop benchmark's longest stalls were such collections
    (docs/benchmarks.md). Frozen objects are still freed by reference counting; only cycles
    among them are never collected, and start-up makes few that die."""
    gc.collect()
    gc.freeze()


def _add_upkeep_jobs(scheduler: AsyncIOScheduler, rt: Runtime, sender: Sender | None) -> None:
    """The health line, and the release of held media reports past DIPLOWATCH_HOLD_MAX."""

    async def health() -> None:  # a coroutine: runs on the loop, beside the other db users
        ops.log_health(rt.db, poll_lag=rt.monitor.poll_lag())

    scheduler.add_job(health, IntervalTrigger(seconds=ops.HEALTH_INTERVAL), id="health",
                      name="health line", max_instances=1, coalesce=True)

    async def release_held() -> None:
        if pipeline.release_held(rt.db, policy=rt.settings.alert_policy, now=rt.clock()) and sender:
            sender.notify()

    scheduler.add_job(release_held, IntervalTrigger(seconds=60), id="release-held",
                      name="release held reports", max_instances=1, coalesce=True)


def deps_for(rt: Runtime) -> Deps:
    return Deps(rt.db, rt.settings, rt.clock, started_at=rt.clock(), readers=rt.readers,
                fetcher=rt.monitor.fetcher)


async def run_console_chat(settings: Settings, *, stdin: TextIO = sys.stdin,
                           out: Callable[[str], None] = print,
                           save_dir: Path | None = None) -> None:
    """Commands from stdin, replies and alerts to stdout; ends at the end of input. Charts and
    exports are saved in `save_dir` (by default a new temporary folder, named when used)."""
    async with open_runtime(settings) as rt:
        chats.upsert_chat(rt.db, CONSOLE_CHAT_ID, type="private", title="console", now=rt.clock())
        sender = Sender(rt.db, console_send(out), only_chat=CONSOLE_CHAT_ID, clock=rt.clock,
                        policy=SendPolicy(rate=settings.send_rate, private_interval=0))
        async with background(rt, sender=sender):
            out(texts.CONSOLE_BANNER)
            await run_console(deps_for(rt), stdin=stdin, out=out, save_dir=save_dir)
        await sender.drain_once(now=rt.clock())  # alerts queued by the last commands
