"""Polling: one APScheduler job per source; schedule state lives in SQLite.

A job fires at the source's interval (with jitter) but only polls when the stored
next_poll_at says the source is due, so backoff, Retry-After and TTLs survive restarts.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from . import pipeline
from .models import Source, SourceError, SourceState
from .sources import fetch_source
from .sources.fetch import Fetcher
from .store import Database
from .store import sources as source_store

log = logging.getLogger(__name__)

MAX_BACKOFF = 6 * 3600
MAX_CONCURRENT_POLLS = 64


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class PollOutcome:
    source: str
    status: str  # new | unchanged | not_modified | error | skipped
    new: int = 0
    revised: int = 0
    reason: str = ""


def backoff_seconds(source: Source, error_count: int, *, retry_after: float | None = None) -> float:
    """Interval × 2^errors (capped at 6 h), never sooner than the server's Retry-After."""
    delay = min(source.interval * 2 ** min(error_count, 12), MAX_BACKOFF)
    return max(delay, retry_after or 0)


class Monitor:
    """Polls sources into the store. Knows nothing about Telegram."""

    def __init__(self, db: Database, fetcher: Fetcher, *, clock: Callable[[], datetime] = utcnow,
                 inline_parse: bool = False) -> None:
        self.db, self.fetcher, self.clock = db, fetcher, clock
        self.inline_parse = inline_parse
        self._limit = asyncio.Semaphore(MAX_CONCURRENT_POLLS)
        self.on_ingested: Callable[[], None] | None = None  # e.g. wake the outbox sender

    async def poll(self, name: str, *, force: bool = False) -> PollOutcome:
        found = source_store.get_source(self.db, name)
        if found is None:
            return PollOutcome(name, "skipped", reason="source removed")
        source, state = found
        now = self.clock()
        if not force and not _due(source, state, now):
            return PollOutcome(name, "skipped", reason="not due")
        async with self._limit:
            return await self._poll(source, state)

    async def _poll(self, source: Source, state: SourceState) -> PollOutcome:
        now = self.clock()
        try:
            fetched = await fetch_source(self.fetcher, source, state, now=now,
                                         inline_parse=self.inline_parse)
        except SourceError as exc:
            return self._failed(source, state, str(exc), getattr(exc, "retry_after", None))
        except Exception as exc:  # a bug must not stop the other sources
            log.exception("poll crashed source=%s", source.name)
            return self._failed(source, state, f"internal error: {type(exc).__name__}", None)
        wait = max(source.interval, min(fetched.ttl_seconds or 0, source.interval * 12))
        try:
            with self.db.atomic():  # statements and the source's new state: one commit
                batch = pipeline.ingest_batch(self.db, fetched.statements, now=now)
                source_store.record_success(
                    self.db, source.name, now=now, next_poll_at=now + timedelta(seconds=wait),
                    etag=fetched.etag, last_modified=fetched.last_modified,
                    last_seen_key=fetched.last_seen_key,
                )
        except Exception as exc:  # e.g. disk full: nothing of the batch committed; retry later
            log.exception("storing failed source=%s", source.name)
            reason = f"could not store statements: {type(exc).__name__}: {exc}"
            return self._failed(source, state, reason[:300], None)
        if (batch.new or batch.revised) and self.on_ingested:
            self.on_ingested()
        status = "not_modified" if fetched.not_modified else ("new" if batch.new else "unchanged")
        return PollOutcome(source.name, status, len(batch.new), len(batch.revised))

    def _failed(self, source: Source, state: SourceState, reason: str,
                retry_after: float | None) -> PollOutcome:
        now = self.clock()
        delay = backoff_seconds(source, state.error_count, retry_after=retry_after)
        log.warning("poll failed source=%s reason=%s retry_in=%ds", source.name, reason, delay)
        source_store.record_failure(self.db, source.name, now=now, reason=reason,
                                    next_poll_at=now + timedelta(seconds=delay))
        return PollOutcome(source.name, "error", reason=reason)

    async def poll_all(self, names: list[str] | None = None, *, force: bool = True
                       ) -> list[PollOutcome]:
        if names is None:
            names = [s.name for s, st in source_store.list_sources(self.db) if not st.paused]
        return list(await asyncio.gather(*(self.poll(n, force=force) for n in names)))

    def schedule(self, scheduler: AsyncIOScheduler) -> None:
        """One job per source; the first run honours the stored next_poll_at."""
        for source, state in source_store.list_sources(self.db):
            jitter = max(1, source.interval // 10)
            first = max(state.next_poll_at or self.clock(), self.clock())
            first += timedelta(seconds=random.uniform(0, jitter))
            scheduler.add_job(
                self.poll, IntervalTrigger(seconds=source.interval, jitter=jitter),
                args=[source.name], id=f"poll:{source.name}", name=f"poll {source.name}",
                max_instances=1, coalesce=True, misfire_grace_time=source.interval,
                next_run_time=first, replace_existing=True,
            )


def _due(source: Source, state: SourceState, now: datetime) -> bool:
    if state.paused:
        return False
    if state.next_poll_at is None:
        return True
    # A job tick may come a little early (jitter); a quarter interval of slack avoids skipping
    # a whole cycle because of it.
    return state.next_poll_at <= now + timedelta(seconds=source.interval / 4)
