"""Outbox sender: paces, sends and records every queued alert, exactly once where possible.

Pacing: one token bucket for the global rate (``DIPLOWATCH_SEND_RATE``), at least
``private_interval`` between two messages to one private chat and ``group_interval`` (60/20 s)
to one group or channel (negative chat ids), also across a restart (``chats.last_sent_at``).
Rows are marked in SQLite right after each successful send, so a crash repeats at most the
sends that were in flight.

Errors (see reference/telegram.md): a failed send is classified by the table in
delivery/errors.py and its Action applied by delivery/outcomes.py: 429 pauses all sending and
keeps the row; 403 makes the chat inactive; a migrated group moves the chat and resends;
"can't parse entities" resends as plain text; "chat not found" strikes the chat; a read
timeout marks the row 'possibly_delivered' and never resends it, and so does any error raised
after the Bot API answered 2xx (a body the client cannot read: the message was accepted);
anything else (5xx, connection errors) is retried with exponential backoff until
``max_attempts``.

When the database refuses a write (disk full, read-only), sending pauses; sent marks it
refused are held in memory and written before anything else is sent, so only a crash in the
meantime repeats those sends (at most the sends in flight).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

from telegram.error import InvalidToken

from ..clock import Clock, utcnow
from ..store import Database, StoreError, chats, outbox, transaction
from . import rounds
from .errors import classify, describe, request_was_sent
from .outcomes import Attempt, DrainStats, Outcomes
from .pacing import SendWindow, Stopped, TokenBucket, sleep_unless_stopped
from .policy import SendPolicy
from .rounds import Job
from .transport import SendFn

log = logging.getLogger(__name__)

_GAVE_UP = object()
DEFAULT_POLICY = SendPolicy()


class Sender:
    """Drains the outbox through ``send``; one instance per process (it owns the pacing)."""

    def __init__(self, db: Database, send: SendFn, *, policy: SendPolicy = DEFAULT_POLICY,
                 clock: Clock = utcnow, only_chat: int | None = None) -> None:
        """``only_chat``: deliver only that chat's rows (the console chat shares the database
        with Telegram chats, whose rows must stay queued)."""
        self.db, self._send, self.policy = db, send, policy
        self.bucket = TokenBucket(policy.rate, policy.bucket_burst)
        self.window = SendWindow(policy.rate, policy.max_in_flight)
        self.only_chat, self._clock = only_chat, clock
        self.outcomes = Outcomes(db, policy=policy, bucket=self.bucket, now=self._now)
        self._last_sent: dict[int, float] = {}
        self._recalled = False  # _recall_recent_sends has run
        self._locks: dict[int, list[Any]] = {}
        # Delivered, but the database refused the sent mark (disk full, read-only): kept here
        # and written before anything else is sent, so the rows are not sent twice.
        self._unrecorded: list[tuple[list[int], int, Any, datetime]] = []
        self._halted = False  # this pass takes no more jobs: the database refused a write
        self.storage_error: str | None = None  # the last refusal, until a sent mark succeeds
        self._wake = asyncio.Event()
        self._origin = (clock(), time.monotonic())

    def notify(self) -> None:
        """New rows were queued: wake ``run`` now instead of at its next idle tick."""
        self._wake.set()

    def _now(self) -> datetime:
        start, mono = self._origin
        return start + timedelta(seconds=time.monotonic() - mono)

    async def run(self, *, stop: asyncio.Event) -> None:
        """Send until ``stop`` is set; in-flight sends finish and are recorded."""
        while not stop.is_set():
            self._wake.clear()  # a notify() from now on wakes the idle wait below
            try:
                stats = await self.drain_once(now=self._clock(), stop=stop)
            except InvalidToken:
                log.error("Telegram rejected the bot token; delivery stopped")
                raise
            except Exception:
                log.exception("delivery pass failed")
                await self._idle(stop, self.policy.idle_interval)
                continue
            if stats.messages or stats.failed or stats.dropped:
                log.info("delivery pass %s", stats)
            await self._idle(stop, self.policy.idle_interval if self._halted else self._until_due())

    def _until_due(self) -> float:
        due = outbox.next_due_at(self.db, chat_id=self.only_chat)
        if due is None:
            return self.policy.idle_interval
        return min(self.policy.idle_interval, max(0.01, (due - self._clock()).total_seconds()))

    async def _idle(self, stop: asyncio.Event, delay: float) -> None:
        waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._wake.wait())]
        await asyncio.wait(waiters, timeout=delay, return_when=asyncio.FIRST_COMPLETED)
        for waiter in waiters:
            waiter.cancel()

    async def drain_once(self, *, now: datetime, stop: asyncio.Event | None = None) -> DrainStats:
        """Send every row due at ``now`` (waiting for pacing and flood pauses as needed).

        The outbox is walked in rounds, chat by chat; each round gives every chat its next
        message (its oldest rows, merged), so a chat with a long backlog takes turns with
        the others instead of holding up the workers. A row is tried once per call.
        """
        self._origin = (now, time.monotonic())
        if not self._recalled:
            self._recall_recent_sends()
            self._recalled = True
        stop = stop or asyncio.Event()
        stats = DrainStats()
        self._halted = not self._record_unrecorded()
        if self._halted:
            return stats
        queue: asyncio.Queue[Job | None] = asyncio.Queue(maxsize=self.policy.max_in_flight * 2)
        try:
            async with asyncio.TaskGroup() as group:
                for _ in range(self.policy.max_in_flight):
                    group.create_task(self._worker(queue, stats, stop))
                await self._queue_rounds(queue, now=now, stop=stop)
                for _ in range(self.policy.max_in_flight):
                    await queue.put(None)
        except BaseExceptionGroup as group_error:
            raise group_error.exceptions[0] from None
        horizon = time.monotonic() - self.policy.longest_interval
        self._last_sent = {k: v for k, v in self._last_sent.items() if v > horizon}
        return stats

    async def _queue_rounds(
        self, queue: asyncio.Queue[Job | None], *, now: datetime, stop: asyncio.Event
    ) -> None:
        tried: set[int] = set()
        while not stop.is_set():
            queued = 0
            for job in rounds.round_of_messages(
                self.db, now=now, tried=tried, page=self.policy.batch_size, chat_id=self.only_chat,
                merge=self.policy.merge,
            ):
                if stop.is_set() or self._halted:
                    return
                tried.update(job.ids)
                await queue.put(job)
                queued += 1
            if not queued:
                return

    async def _worker(
        self, queue: asyncio.Queue[Job | None], stats: DrainStats, stop: asyncio.Event
    ) -> None:
        while (job := await queue.get()) is not None:
            if stop.is_set() or self._halted:
                continue
            async with self._chat_lock(job.chat_id):
                try:
                    await self._deliver(job, stats, stop)
                except StoreError as exc:  # a row the database could not update stays pending
                    self._storage_failed(exc)

    @contextlib.asynccontextmanager
    async def _chat_lock(self, chat_id: int) -> AsyncIterator[None]:
        entry = self._locks.setdefault(chat_id, [asyncio.Lock(), 0])
        entry[1] += 1
        try:
            async with entry[0]:
                yield
        finally:
            entry[1] -= 1
            if entry[1] == 0:
                del self._locks[chat_id]

    async def _deliver(self, job: Job, stats: DrainStats, stop: asyncio.Event) -> None:
        if not job.parts:
            outbox.mark_failed(self.db, job.ids, error="empty message", retry_at=None)
            stats.failed += len(job.ids)
            return
        message_id: Any = None
        for index in range(job.start, len(job.parts)):
            if stop.is_set():
                return
            try:
                message_id = await self._send_part(job, job.parts[index], stats, stop)
            except Stopped:
                return
            if message_id is _GAVE_UP:
                return
            if index + 1 < len(job.parts) and len(job.rows) == 1:
                try:
                    outbox.mark_parts_sent(self.db, job.ids[0], index + 1)
                except StoreError as exc:  # go on: the sent mark below covers every part
                    self._storage_failed(exc)
        now = self._now()
        try:
            self._mark_sent(job.ids, job.chat_id, message_id, now)
        except StoreError as exc:
            self._unrecorded.append((job.ids, job.chat_id, message_id, now))
            self._storage_failed(exc)
        stats.sent += len(job.ids)

    def _mark_sent(self, ids: list[int], chat_id: int, message_id: Any, now: datetime) -> None:
        # Not fsync'd: a kill -9 keeps it (it is in the WAL); a power cut may undo it, which
        # repeats the message but loses nothing. The fsync was most of a mark's time.
        with transaction(self.db, durable=False):
            outbox.mark_sent(self.db, ids, message_id=message_id, now=now)
            chats.record_sent(self.db, chat_id, now=now)
        if self.storage_error is not None:
            log.info("the database takes writes again; sending goes on")
            self.storage_error = None

    def _storage_failed(self, exc: StoreError) -> None:
        """The database refused a write (disk full, read-only): this pass takes no more jobs,
        as each send would be one more sent mark held only in memory."""
        self._halted = True
        if self.storage_error is None:
            log.error("the database refused a write (%s); sending paused, %d sent mark(s) "
                      "held in memory until it takes them", exc, len(self._unrecorded))
        self.storage_error = describe(exc)

    def _record_unrecorded(self) -> bool:
        """Write the sent marks held in memory, oldest first; False while the database still
        refuses them (then nothing is sent)."""
        while self._unrecorded:
            ids, chat_id, message_id, at = self._unrecorded[0]
            try:
                self._mark_sent(ids, chat_id, message_id, at)
            except StoreError as exc:
                self._storage_failed(exc)
                return False
            self._unrecorded.pop(0)
        return True

    def _recall_recent_sends(self) -> None:
        """Once per process: the chats the previous process sent to within the longest chat
        interval, from the store, so its first messages to them keep their interval too."""
        now, longest = self._now(), self.policy.longest_interval
        for chat_id, sent_at in chats.sent_since(self.db, now - timedelta(seconds=longest + 1)).items():
            age = (now - sent_at).total_seconds()
            # a clock set back since (a send "in the future") waits one interval, no more
            self._last_sent.setdefault(chat_id, time.monotonic() - max(0.0, age))

    async def _pace(self, chat_id: int, stop: asyncio.Event) -> None:
        last = self._last_sent.get(chat_id)
        if last is not None:
            wait = last + self.policy.interval(chat_id) - time.monotonic()
            if wait > 0:
                await sleep_unless_stopped(wait, stop)
        await self.bucket.acquire(stop)

    async def _send_in_window(self, job: Job, text: str, parse_mode: str | None) -> Any:
        """The send itself, inside the window of sends in flight; its sent mark follows with no
        await in between, so at most ``window.size`` sends are unrecorded at any moment."""
        extra: dict[str, int] = {"reply_to": job.reply_to} if job.reply_to else {}
        if job.thread_id:
            extra["thread"] = job.thread_id
        async with self.window.slot():
            self._last_sent[job.chat_id] = time.monotonic()
            return await self._send(job.chat_id, text, parse_mode=parse_mode, **extra)

    async def _send_part(self, job: Job, text: str, stats: DrainStats, stop: asyncio.Event) -> Any:
        """Send one message of ``job``; returns its message id, or _GAVE_UP after recording why."""
        attempt = Attempt(text)
        while True:
            await self._pace(job.chat_id, stop)
            try:
                message_id = await self._send_in_window(job, attempt.text, attempt.parse_mode)
            except Exception as exc:  # errors.RULES says what each one means
                action = classify(exc, request_sent=request_was_sent(exc))
                if not self.outcomes.apply(action, exc, job, attempt, stats):
                    return _GAVE_UP
            else:
                stats.messages += 1
                return message_id
