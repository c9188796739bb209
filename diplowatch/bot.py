"""Composition root: settings → logging → store → HTTP client → monitor (→ Telegram front end).

Nothing runs at import time; tests build the same pieces with their own settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlite_utils import Database

from .config import Settings, load_sources
from .scheduler import Monitor, utcnow
from .sources import close_parse_pool
from .sources.fetch import Fetcher, make_client
from .store import open_db
from .store.sources import sync_sources

log = logging.getLogger(__name__)


class RedactingFilter(logging.Filter):
    """Removes bot tokens from every record, whatever logger or argument carries them."""

    TOKEN_RE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for secret in self.secrets:
            message = message.replace(secret, "<token>")
        record.msg, record.args = self.TOKEN_RE.sub("<token>", message), None
        return True


def setup_logging(settings: Settings) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter([settings.token or ""]))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level)
    for noisy in ("httpx", "httpcore", "apscheduler.executors.default"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@dataclass
class Runtime:
    settings: Settings
    db: Database
    client: httpx.AsyncClient
    monitor: Monitor


@contextlib.asynccontextmanager
async def open_runtime(settings: Settings, *, inline_parse: bool = False) -> AsyncIterator[Runtime]:
    """Open the store, sync the sources file into it, and build the monitor."""
    db = open_db(settings.db_path)
    sync_sources(db, load_sources(settings.sources_path), now=utcnow())
    client = make_client()
    fetcher = Fetcher(client, allow_private=settings.allow_private)
    try:
        yield Runtime(settings, db, client, Monitor(db, fetcher, inline_parse=inline_parse))
    finally:
        await client.aclose()
        close_parse_pool()
        db.close()


async def run_monitor(settings: Settings, *, stop: asyncio.Event | None = None) -> None:
    """The monitor alone: poll on schedule until stopped (Ctrl-C or `stop`)."""
    stop = stop or asyncio.Event()
    async with open_runtime(settings) as rt:
        scheduler = AsyncIOScheduler(timezone="UTC")
        rt.monitor.schedule(scheduler)
        scheduler.start()
        log.info("monitor started sources=%d db=%s", len(scheduler.get_jobs()), settings.db_path)
        try:
            await stop.wait()
        finally:
            scheduler.shutdown(wait=False)


async def run(settings: Settings) -> None:
    """`diplowatch run`: the monitor; the Telegram front end attaches here when built."""
    await run_monitor(settings)
