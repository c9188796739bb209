"""Composition root: settings → logging → store → HTTP client → monitor (→ Telegram front end).

Nothing runs at import time; tests build the same pieces with their own settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import signal
import sqlite3
import sys
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import httpx
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from telegram.error import Conflict, InvalidToken, NetworkError, TelegramError
from telegram.ext import AIORateLimiter, Application

from . import handlers, ledger, ops, pipeline, texts
from .clock import utcnow
from .config import ConfigError, Settings, load_sources, redact
from .delivery import Sender, console_send, sending_request, telegram_send
from .handlers.console import CONSOLE_CHAT_ID, run_console
from .handlers.core import MAX_IN_FLIGHT, Deps
from .handlers.telegram import bot_commands
from .scheduler import Monitor
from .sources import POOL_PARSER, ParseRunner, close_parse_pool
from .sources.fetch import Fetcher, make_client
from .store import Database, chats, check_writable, open_db, storage_fault
from .store.readers import Readers
from .store.sources import sync_sources

log = logging.getLogger(__name__)


class RedactingFilter(logging.Filter):
    """Removes bot tokens from every record, whatever logger or argument carries them."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = self.redact(record.getMessage()), None
        # A traceback carries exception messages (e.g. an httpx error quoting the request URL,
        # which holds the token): format it here, redacted; the formatter reuses exc_text.
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True

    def redact(self, text: str) -> str:
        return redact(text, self.secrets)


class ShutdownFilter(logging.Filter):
    """A poll cut short by Ctrl-C or SIGTERM is cancelled: APScheduler logs that as a job
    that 'raised an exception', with 50 lines of traceback. It is the shutdown working; one
    quiet line at DEBUG says so instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        cancelled = record.exc_info and record.exc_info[0] is asyncio.CancelledError
        if cancelled and record.levelno > logging.DEBUG:
            logging.getLogger("diplowatch.bot").debug("cancelled at shutdown: %s",
                                                      record.getMessage())
            return False
        return True


def setup_logging(settings: Settings) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(ShutdownFilter())
    handler.addFilter(RedactingFilter([settings.token or ""]))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level)
    for noisy in ("httpx", "httpcore", "apscheduler", "pymorphy3"):
        # 'Adding job', 'Running job', 'HTTP Request: GET': only when asked for with DEBUG
        logging.getLogger(noisy).setLevel(logging.DEBUG if settings.log_level == "DEBUG"
                                          else logging.WARNING)


@dataclass
class Runtime:
    settings: Settings
    db: Database
    client: httpx.AsyncClient
    monitor: Monitor
    readers: Readers  # commands' reads off the event loop


def open_store(settings: Settings, *, writable: bool = False) -> Database:
    """The database with its schema current and the seed history loaded (once, on first use).

    ``writable``: check at once that the file takes writes, so that a read-only file is a
    ConfigError naming it, not an internal error at the first write.
    """
    try:
        db = open_db(settings.db_path)
    except sqlite3.Error as exc:
        raise _database_error(settings, exc) from None
    try:
        if writable:
            check_writable(db)
        ledger.load_seed(db, now=utcnow())
    except sqlite3.Error as exc:
        db.close()
        if storage_fault(exc, settings.db_path) is None:
            raise
        raise _database_error(settings, exc) from None
    return db


def _database_error(settings: Settings, exc: sqlite3.Error) -> ConfigError:
    fault = storage_fault(exc, settings.db_path)
    return ConfigError(texts.database_error(str(settings.db_path), fault, exc))


@contextlib.asynccontextmanager
async def open_runtime(settings: Settings, *, parser: ParseRunner = POOL_PARSER) -> AsyncIterator[Runtime]:
    """Open the store, sync the sources file into it, and build the monitor."""
    sources = load_sources(settings.sources_path)
    db = open_store(settings, writable=True)
    sync_sources(db, sources, now=utcnow())
    client = make_client()
    fetcher = Fetcher(client, allow_private=settings.allow_private)
    monitor = Monitor(db, fetcher, parser=parser, policy=settings.alert_policy,
                      admins=settings.admin_ids, source_alert_after=settings.source_alert_after)
    readers = Readers(db, name="command")
    try:
        yield Runtime(settings, db, client, monitor, readers)
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
    rt.monitor.schedule(scheduler)
    polled = len(scheduler.get_jobs())

    async def health() -> None:  # a coroutine: runs on the loop, beside the other db users
        ops.log_health(rt.db, poll_lag=rt.monitor.poll_lag())

    scheduler.add_job(health, IntervalTrigger(seconds=ops.HEALTH_INTERVAL), id="health",
                      name="health line", max_instances=1, coalesce=True)

    async def release_held() -> None:  # held media reports past DIPLOWATCH_HOLD_MAX
        if pipeline.release_held(rt.db, policy=rt.settings.alert_policy, now=utcnow()) and sender:
            sender.notify()

    scheduler.add_job(release_held, IntervalTrigger(seconds=60), id="release-held",
                      name="release held reports", max_instances=1, coalesce=True)
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


def deps_for(rt: Runtime) -> Deps:
    return Deps(rt.db, rt.settings, utcnow, poll=rt.monitor.poll, started_at=utcnow(),
                readers=rt.readers, fetcher=rt.monitor.fetcher)


async def run(settings: Settings, *, headless: bool = False, save_dir: Path | None = None) -> None:
    """`diplowatch run`: monitor + Telegram bot, or monitor + console chat without a token
    (`--headless`: the monitor alone; alerts stay queued for when a token is set)."""
    if settings.token:
        await run_telegram(settings)
    elif headless:
        await run_monitor(settings)
    else:
        await run_console_chat(settings, save_dir=save_dir)


async def run_console_chat(settings: Settings, *, stdin: TextIO = sys.stdin,
                           out: Callable[[str], None] = print,
                           save_dir: Path | None = None) -> None:
    """Commands from stdin, replies and alerts to stdout; ends at the end of input. Charts and
    exports are saved in `save_dir` (by default a new temporary folder, named when used)."""
    async with open_runtime(settings) as rt:
        chats.upsert_chat(rt.db, CONSOLE_CHAT_ID, type="private", title="console", now=utcnow())
        sender = Sender(rt.db, console_send(out), rate=settings.send_rate, private_interval=0,
                        only_chat=CONSOLE_CHAT_ID)
        async with background(rt, sender=sender):
            out(texts.CONSOLE_BANNER)
            await run_console(deps_for(rt), stdin=stdin, out=out, save_dir=save_dir)
        await sender.drain_once(now=utcnow())  # alerts queued by the last commands


def build_application(settings: Settings) -> Application:
    # Our outbox sender paces alerts; PTB's limiter is only a safety net for replies.
    limiter = AIORateLimiter(overall_max_rate=max(30.0, settings.send_rate), max_retries=0)
    # Updates are handled concurrently (one user's slow search must not hold up the others),
    # more of them than MAX_IN_FLIGHT, so that the commands past that cap get their "busy".
    # sending_request: a send the Bot API accepted is never retried, even if its answer is junk.
    return (Application.builder().token(settings.token or "").base_url(settings.api_url)
            .request(sending_request()).rate_limiter(limiter)
            .concurrent_updates(4 * MAX_IN_FLIGHT).build())


async def run_telegram(settings: Settings, *, stop: asyncio.Event | None = None,
                       started: Callable[[Runtime], object] | None = None) -> None:
    """Bot + monitor + sender until `stop`; `started(runtime)` runs once all are up (tests).

    Raises TokenInUse, after a clean stop, when another instance kept polling with the token."""
    stop = stop or stop_on_signals()
    async with open_runtime(settings) as rt:
        app = build_application(settings)
        handlers.register(app, deps_for(rt))
        if not await _initialize(app, settings, stop):
            return
        await app.bot.set_my_commands(bot_commands())
        await app.start()
        polling = PollingErrors(stop)
        await app.updater.start_polling(allowed_updates=ALLOWED_UPDATES, error_callback=polling)
        sender = Sender(rt.db, telegram_send(app.bot), rate=settings.send_rate)
        try:
            async with background(rt, sender=sender):
                if started:
                    started(rt)
                await stop.wait()
        finally:
            await app.updater.stop()
            await app.stop()
            await app.shutdown()
        if polling.token_in_use:
            raise TokenInUse


ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
# Waits between tries of getMe while the Bot API cannot be reached at start: about a minute.
START_RETRY_DELAYS = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)


async def _initialize(app: Application, settings: Settings, stop: asyncio.Event) -> bool:
    """app.initialize() (getMe), tried again with backoff while the Bot API is unreachable or
    failing; False if `stop` came meanwhile. ConfigError for a rejected token, or once the
    tries are spent."""
    started, delays = time.monotonic(), iter(START_RETRY_DELAYS)
    for attempt in itertools.count(1):
        try:
            await app.initialize()
            return True
        except InvalidToken:
            await app.bot.shutdown()  # initialize() opened the HTTP clients before getMe failed
            raise ConfigError("DIPLOWATCH_TELEGRAM_TOKEN was rejected by the Bot API. Copy the "
                              "token again from @BotFather, or unset it for the console chat.") from None
        except NetworkError as exc:  # connection refused, timeouts, 5xx
            reason, delay = redact(str(exc), (settings.token or "",)), next(delays, None)
            if delay is None:
                await app.bot.shutdown()
                raise ConfigError(texts.api_unreachable(
                    settings.api_url, reason, attempt, time.monotonic() - started)) from None
            log.warning("Bot API not reachable at %s (%s); trying again in %gs",
                        settings.api_url, reason, delay)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), delay)
        if stop.is_set():
            await app.bot.shutdown()
            return False
    return False  # itertools.count does not end


CONFLICTS_TO_STOP = 3  # 409s within CONFLICT_WINDOW: another instance, not a blip
CONFLICT_WINDOW = 60.0


class TokenInUse(Exception):
    """Another bot instance kept polling with this token; this one stopped (already logged)."""


class PollingErrors:
    """PTB's polling ``error_callback``: logs getUpdates failures (PTB retries them) and sets
    ``stop`` once 409 Conflicts persist: CONFLICTS_TO_STOP of them within CONFLICT_WINDOW s.
    Telegram answers 409 when a second getUpdates with the same token ends ours."""

    def __init__(self, stop: asyncio.Event, *, clock: Callable[[], float] = time.monotonic):
        self.stop, self._clock = stop, clock
        self.conflicts: list[float] = []
        self.token_in_use = False

    def __call__(self, exc: TelegramError) -> None:
        if not isinstance(exc, Conflict):
            log.warning("getUpdates failed: %s", exc)
            return
        now = self._clock()
        self.conflicts = [t for t in self.conflicts if t > now - CONFLICT_WINDOW] + [now]
        if len(self.conflicts) < CONFLICTS_TO_STOP:
            log.warning("getUpdates failed (%d of %d conflicts before stopping): %s",
                        len(self.conflicts), CONFLICTS_TO_STOP, exc)
        elif not self.token_in_use:
            self.token_in_use = True
            log.error("another instance is polling with this token (409 Conflict); stopping "
                      "after %d conflicts in %.0f s. Stop the other instance, or give each its "
                      "own bot token", len(self.conflicts), now - self.conflicts[0])
            self.stop.set()
