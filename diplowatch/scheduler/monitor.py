"""Polling: one APScheduler job per source; schedule state lives in SQLite.

A job fires at the source's interval (with jitter) but only polls when the stored
next_poll_at says the source is due, so backoff, Retry-After and TTLs survive restarts.

Scheduling lag (``Monitor.poll_lag``): for each scheduled poll that fetches, the time from the
run time APScheduler scheduled (``EVENT_JOB_SUBMITTED``'s ``scheduled_run_times``) to the moment
the poll holds its concurrency slot and starts the fetch. It grows when the event loop is busy
(timers fire late) or when all slots are taken; the last ``LAG_WINDOW`` polls are kept.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import random
import time
from collections import deque
from collections.abc import Callable
from datetime import datetime, timedelta

from apscheduler.events import EVENT_JOB_MISSED, EVENT_JOB_SUBMITTED, JobEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from diplowatch import pipeline, source_reports, texts
from diplowatch.clock import Clock, utcnow
from diplowatch.models import AlertPolicy, Source, SourceError, SourceState, Statement
from diplowatch.progress import RoundProgress
from diplowatch.scheduler.clock_jumps import CLOCK_CHECK, ClockWatch, pull_in_jobs
from diplowatch.scheduler.reports import PollLag, PollOutcome, percentile
from diplowatch.scheduler.timing import backoff_seconds, is_due, next_due
from diplowatch.sources import fetch_source
from diplowatch.sources.budget import POOL_PARSER, ParseRunner
from diplowatch.sources.fetch import Fetcher
from diplowatch.sources.fetched import Fetched
from diplowatch.store import Database, StoreError, storage_fault
from diplowatch.store import sources as source_store
from diplowatch.store.group import GroupCommit
from diplowatch.store.readers import Readers
from diplowatch.store.statements import StoredBatch, stored_keys

log = logging.getLogger(__name__)

MAX_CONCURRENT_POLLS = 64
LAG_WINDOW = 1000  # scheduling lags kept for poll_lag()
_JOB_PREFIX = "poll:"


class Monitor:
    """Polls sources into the store. Knows nothing about Telegram."""

    def __init__(self, db: Database, fetcher: Fetcher, *, clock: Clock = utcnow,
                 parser: ParseRunner = POOL_PARSER, readers: Readers | None = None,
                 policy: AlertPolicy | None = None, admins: frozenset[int] = frozenset(),
                 source_alert_after: int = 24 * 3600, chunk_cost: int = pipeline.CHUNK_COST
                 ) -> None:
        self.db, self.fetcher, self.clock = db, fetcher, clock
        self.chunk_cost = chunk_cost  # what one write of a polled batch may cost (pipeline.chunks)
        # a source failing this long is reported to the admins once (source_reports.py)
        self.admins, self.source_alert_after = admins, source_alert_after
        self.policy = policy or AlertPolicy()
        self.parser = parser  # runs the source parsers (sources/budget.py)
        # extraction and keyword matching of a polled batch, before its write (pipeline.prepare)
        self.readers = readers or Readers(db, workers=1, name="prepare")
        self._limit = asyncio.Semaphore(MAX_CONCURRENT_POLLS)
        self.on_ingested: Callable[[], None] | None = None  # e.g. wake the outbox sender
        # source → (its job's scheduled run time, epoch s; that time on the monotonic clock)
        self._scheduled: dict[str, tuple[float, float]] = {}
        self._lags: deque[float] = deque(maxlen=LAG_WINDOW)
        self._missed = 0
        self._polling = 0  # polls between fetch and store: the writers a group may wait for
        # polled batches are written off the loop, on a connection of their own
        self.writes = GroupCommit(db, expected=lambda: self._polling, off_loop=True)
        self.progress: RoundProgress | None = None  # the first round, logged as it goes

    async def poll(self, name: str, *, force: bool = False) -> PollOutcome:
        outcome = await self._poll_named(name, force=force)
        if self.progress is not None:
            self.progress.polled(outcome)
            if self.progress.finished:
                self.progress = None
        log.debug("polled source=%s: %s", name, texts.poll_outcome_detail(outcome))
        return outcome

    async def _poll_named(self, name: str, *, force: bool) -> PollOutcome:
        scheduled = None if force else self._scheduled.pop(name, None)
        found = source_store.get_source(self.db, name)
        if found is None:
            return PollOutcome(name, "skipped", reason="source removed")
        source, state = found
        now = self.clock()
        if not force and not is_due(source, state, now):
            return PollOutcome(name, "skipped", reason="not due")
        async with self._limit:
            if scheduled is not None:
                self._lags.append(max(0.0, time.monotonic() - scheduled[1]))
            return await self._poll(source, state)

    def poll_lag(self) -> PollLag:
        """p50/p95/max of the scheduling lag over the last LAG_WINDOW scheduled polls."""
        ordered = sorted(self._lags)
        if not ordered:
            return PollLag(0, None, None, None, self._missed)
        return PollLag(len(ordered), percentile(ordered, 0.5), percentile(ordered, 0.95),
                       ordered[-1], self._missed)

    def _on_job_event(self, event: JobEvent) -> None:
        """APScheduler listener: remember when each poll job was scheduled to run."""
        if not event.job_id.startswith(_JOB_PREFIX):
            return
        name = event.job_id.removeprefix(_JOB_PREFIX)
        if event.code == EVENT_JOB_SUBMITTED:
            # The lateness so far in wall-clock time (APScheduler's), the rest on the monotonic
            # clock, so that a clock step between submission and start does not count.
            at = event.scheduled_run_times[-1].timestamp()
            self._scheduled[name] = (at, time.monotonic() - max(0.0, time.time() - at))
        elif event.code == EVENT_JOB_MISSED:  # the job never called poll()
            self._missed += 1
            if self._scheduled.get(name, (None,))[0] == event.scheduled_run_time.timestamp():
                del self._scheduled[name]

    async def _poll(self, source: Source, state: SourceState) -> PollOutcome:
        self._polling += 1
        try:
            return await self._fetch_and_store(source, state)
        finally:
            self._polling -= 1

    async def _fetch_and_store(self, source: Source, state: SourceState) -> PollOutcome:
        now = self.clock()
        try:
            fetched = await fetch_source(self.fetcher, source, state, now=now,
                                         parser=self.parser, stored=self._stored)
        except SourceError as exc:
            return await self._failed(source, state, str(exc), getattr(exc, "retry_after", None))
        except Exception as exc:  # a bug must not stop the other sources
            log.exception("poll crashed source=%s", source.name)
            reason = _store_failure(exc) if isinstance(exc, StoreError) else texts.POLL_CRASHED
            return await self._failed(source, state, reason, None)
        prepared = await self._prepare(source, fetched.statements)
        try:
            batch = await self._store(source, fetched, prepared, now=now)
        except Exception as exc:  # e.g. disk full: the chunk in progress did not commit
            log.exception("storing failed source=%s", source.name)
            return await self._failed(source, state, _store_failure(exc), None)
        pipeline.log_stored(batch)
        status = "not_modified" if fetched.not_modified else ("new" if batch.new else "unchanged")
        return PollOutcome(source.name, status, len(batch.new), len(batch.revised))

    async def _store(self, source: Source, fetched: Fetched, prepared: pipeline.Prepared | None,
                     *, now: datetime) -> StoredBatch:
        """The batch in chunks (pipeline.chunks), each committed in a group with the polls
        finishing about then (store/group.py); the source's new state commits with the last
        chunk, so a crash before it makes the next poll fetch the batch again (a group of
        304s is not fsync'd)."""
        wait = max(source.interval, min(fetched.ttl_seconds or 0, source.interval * 12))
        *parts, last = pipeline.chunks(fetched.statements, prepared, budget=self.chunk_cost)
        batch, woke = StoredBatch(), False

        def store_last(db: Database) -> StoredBatch:
            stored = self._ingest(last, prepared, now, db)
            nonlocal woke
            woke = source_reports.before_success(db, source.name, now=now,
                                                 admins=self.admins) is not None
            source_store.record_success(
                db, source.name, now=now, next_poll_at=now + timedelta(seconds=wait),
                etag=fetched.etag, last_modified=fetched.last_modified,
                last_seen_key=fetched.last_seen_key, notice=fetched.notice,
            )
            return stored

        for part in parts:
            batch += await self.writes.write(functools.partial(self._ingest, part, prepared, now))
            self._wake(batch.new or batch.revised)
        batch += await self.writes.write(store_last, durable=bool(fetched.statements))
        self._wake(batch.new or batch.revised or woke)
        return batch

    def _ingest(self, statements: list[Statement], prepared: pipeline.Prepared | None,
                now: datetime, db: Database) -> StoredBatch:
        return pipeline.ingest_batch(db, statements, now=now, prepared=prepared,
                                     policy=self.policy)

    def _wake(self, stored: object) -> None:
        """Tell the sender (on_ingested) that alerts may be queued."""
        if stored and self.on_ingested:
            self.on_ingested()

    async def _stored(self, statements: list[Statement]) -> set[str]:
        """Keys already stored (a fetch_pages listing fetches only the others' pages)."""
        return await self.readers.run(stored_keys, statements)

    async def _prepare(self, source: Source, statements: list) -> pipeline.Prepared | None:
        """pipeline.prepare in a worker thread; None (the write does it all) if that fails."""
        if not statements:
            return None
        try:
            return await self.readers.run(pipeline.prepare, statements)
        except Exception as exc:
            log.warning("preparing the batch failed source=%s: %s: %s; doing it in the write",
                        source.name, type(exc).__name__, exc)
            return None

    def close(self) -> None:
        self.readers.close()
        self.writes.close()

    async def _failed(self, source: Source, state: SourceState, reason: str,
                      retry_after: float | None) -> PollOutcome:
        """Record the failure through the group commit, like a success: off the loop, so a
        failing source never holds the event loop while a big batch is being written."""
        now = self.clock()
        delay = backoff_seconds(source, state.error_count, retry_after=retry_after)
        log.warning("poll failed source=%s reason=%s retry_in=%ds", source.name, reason, delay)

        def record(db: Database) -> object:
            source_store.record_failure(db, source.name, now=now, reason=reason,
                                        next_poll_at=now + timedelta(seconds=delay))
            return source_reports.after_failure(db, source.name, now=now, admins=self.admins,
                                                after=self.source_alert_after)

        try:
            reported = await self.writes.write(record)
        except Exception as exc:  # disk full, read-only: the log line above is the record
            log.error("could not record the failure source=%s: %s: %s", source.name,
                      type(exc).__name__, exc)
        else:
            self._wake(reported is not None)  # a report to the admins waits in the outbox
        return PollOutcome(source.name, "error", reason=reason)

    async def poll_all(self, names: list[str] | None = None, *, force: bool = True
                       ) -> list[PollOutcome]:
        if names is None:
            names = [s.name for s, st in source_store.list_sources(self.db) if not st.paused]
        self.progress = RoundProgress(names, what="poll")
        return list(await asyncio.gather(*(self.poll(n, force=force) for n in names)))

    def schedule(self, scheduler: AsyncIOScheduler) -> None:
        """One job per source; the first run honours the stored next_poll_at."""
        scheduler.remove_listener(self._on_job_event)  # once per scheduler, however often called
        scheduler.add_listener(self._on_job_event, EVENT_JOB_SUBMITTED | EVENT_JOB_MISSED)
        due = []
        for source, state in source_store.list_sources(self.db):
            jitter = max(1, source.interval // 10)
            now = self.clock()
            first = max(next_due(source, state, now) or now, now)
            if first == now and not state.paused:
                due.append(source.name)
            first += timedelta(seconds=random.uniform(0, jitter))
            scheduler.add_job(
                self.poll, IntervalTrigger(seconds=source.interval, jitter=jitter),
                args=[source.name], id=f"{_JOB_PREFIX}{source.name}", name=f"poll {source.name}",
                max_instances=1, coalesce=True, misfire_grace_time=source.interval,
                next_run_time=first, replace_existing=True,
            )
        self.progress = RoundProgress(due) if due else None

    async def watch_clock(self, scheduler: AsyncIOScheduler, *, every: float = CLOCK_CHECK,
                          watch: ClockWatch | None = None) -> None:
        """Run until cancelled: when the wall clock jumps, move every job that would wait
        longer than its interval to a time within a tenth of its interval (_pull_in_jobs).

        APScheduler keeps run times in wall-clock time: after a step back it would sleep until
        the old run times come round again (a day back → no poll for a day). After a step
        forward it runs each job once (coalesced), which needs no help. A poll job brought
        forward polls if is_due says so on the new clock.
        """
        watch = watch or ClockWatch()
        while True:
            await asyncio.sleep(every)  # the event loop's clock is monotonic
            if moved := watch.jumped():
                log.warning("system clock jumped by %+.0fs; rescheduling jobs", moved)
                pull_in_jobs(scheduler, now=self.clock())


def _store_failure(exc: Exception) -> str:
    """The recorded reason of a poll that failed on our side (its write, or reading what is
    stored already): what the operator can act on, not a class name (the log line before it
    has the exception)."""
    if not isinstance(exc, StoreError):
        return texts.store_failure("internal")
    fault = storage_fault(exc)
    if fault is None and getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        fault = "busy"
    return texts.store_failure(fault or "database", str(exc))
