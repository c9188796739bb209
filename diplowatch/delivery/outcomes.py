"""What the sender records for each Action (delivery/errors.py): a flood pause, a chat moved
or made inactive, a resend as plain text, a retry with backoff, a row given up or possibly
delivered."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from telegram.error import ChatMigrated, RetryAfter, TimedOut

from ..store import Database, chats, outbox, topics
from ..telegram_html import to_plain
from .errors import Action, describe, retry_seconds
from .pacing import TokenBucket
from .policy import SendPolicy
from .rounds import Job

log = logging.getLogger(__name__)


@dataclass
class DrainStats:
    sent: int = 0  # outbox rows delivered
    messages: int = 0  # Telegram messages that went out (merged rows count once)
    retried: int = 0
    dropped: int = 0
    failed: int = 0
    possibly_delivered: int = 0
    flood_waits: int = 0


@dataclass
class Attempt:
    """One message part on its way: its text and parse mode (plain after a parse error) and
    the flood waits and migrations it met."""

    text: str
    parse_mode: str | None = "HTML"
    floods: int = 0
    migrations: int = 0


Handler = Callable[[Exception, Job, Attempt, DrainStats], bool]


class Outcomes:
    """Applies the Action for a failed send to the outbox, the chats and the pace."""

    def __init__(self, db: Database, *, policy: SendPolicy, bucket: TokenBucket,
                 now: Callable[[], datetime]) -> None:
        self.db, self.policy, self.bucket, self._now = db, policy, bucket, now
        self._handlers: dict[Action, Handler] = {
            Action.STOP: self._stop,
            Action.PAUSE_ALL: self._pause_all,
            Action.MOVE_CHAT: self._move_chat,
            Action.PLAIN_TEXT: self._plain_text,
            Action.STRIKE: self._strike,
            Action.TOPIC_GONE: self._topic_gone,
            Action.GIVE_UP: self._give_up,
            Action.CHAT_INACTIVE: self._chat_inactive,
            Action.POSSIBLY_DELIVERED: self._possibly_delivered,
            Action.RETRY: self._retry,
        }

    def apply(self, action: Action, exc: Exception, job: Job, attempt: Attempt,
              stats: DrainStats) -> bool:
        """Record what ``exc`` means for ``job``; True when the part is to be sent again."""
        return self._handlers[action](exc, job, attempt, stats)

    def _stop(self, exc: Exception, job: Job, attempt: Attempt, stats: DrainStats) -> bool:
        raise exc

    def _pause_all(self, exc: Exception, job: Job, attempt: Attempt, stats: DrainStats) -> bool:
        assert isinstance(exc, RetryAfter)
        seconds = retry_seconds(exc)
        attempt.floods += 1
        stats.flood_waits += 1
        self.bucket.pause(seconds)
        log.warning("flood control: all sending paused for %.1fs (chat=%s)", seconds, job.chat_id)
        if attempt.floods <= self.policy.max_flood_retries:
            return True
        until = self._now() + timedelta(seconds=seconds)
        outbox.postpone(self.db, job.ids, until=until, reason=describe(exc))
        return False

    def _move_chat(self, exc: Exception, job: Job, attempt: Attempt, stats: DrainStats) -> bool:
        assert isinstance(exc, ChatMigrated)
        attempt.migrations += 1
        if attempt.migrations > 2:
            return self._retry(exc, job, attempt, stats)
        log.info("chat %s migrated to %s; resending there", job.chat_id, exc.new_chat_id)
        chats.migrate_chat(self.db, job.chat_id, exc.new_chat_id, now=self._now())
        job.chat_id = exc.new_chat_id
        return True

    def _plain_text(self, exc: Exception, job: Job, attempt: Attempt, stats: DrainStats) -> bool:
        if attempt.parse_mode is None:  # already plain: nothing left to try
            return self._give_up(exc, job, attempt, stats)
        log.warning("HTML rejected, resending as plain text chat=%s error=%s", job.chat_id, exc)
        attempt.text, attempt.parse_mode = to_plain(attempt.text), None
        return True

    def _strike(self, exc: Exception, job: Job, attempt: Attempt, stats: DrainStats) -> bool:
        if not chats.add_strike(self.db, job.chat_id, reason=str(exc)):
            return self._retry(exc, job, attempt, stats)
        log.info("chat %s inactive after repeated 'chat not found'", job.chat_id)
        stats.dropped += len(job.ids)
        return False

    def _topic_gone(self, exc: Exception, job: Job, attempt: Attempt, stats: DrainStats) -> bool:
        if not job.thread_id:  # not sent to a topic: nothing of ours to stop
            return self._give_up(exc, job, attempt, stats)
        dropped = topics.stop_topic(self.db, job.chat_id, job.thread_id, reason=str(exc))
        log.info("chat %s topic %s inactive (%d alerts dropped): %s", job.chat_id, job.thread_id,
                 dropped, exc)
        stats.dropped += dropped
        return False

    def _give_up(self, exc: Exception, job: Job, attempt: Attempt, stats: DrainStats) -> bool:
        log.error("send rejected chat=%s rows=%s error=%s", job.chat_id, job.ids, exc)
        outbox.mark_failed(self.db, job.ids, error=describe(exc), retry_at=None)
        stats.failed += len(job.ids)
        return False

    def _chat_inactive(self, exc: Exception, job: Job, attempt: Attempt,
                       stats: DrainStats) -> bool:
        log.info("chat %s inactive: %s", job.chat_id, exc)
        chats.set_chat_active(self.db, job.chat_id, False, reason=str(exc))
        stats.dropped += len(job.ids)
        return False

    def _possibly_delivered(self, exc: Exception, job: Job, attempt: Attempt,
                            stats: DrainStats) -> bool:
        what = "send timed out" if isinstance(exc, TimedOut) else "send accepted, answer unreadable"
        log.warning("%s, not resending chat=%s rows=%s: %s", what, job.chat_id, job.ids,
                    describe(exc))
        outbox.mark_possibly_delivered(self.db, job.ids, error=describe(exc), now=self._now())
        stats.possibly_delivered += len(job.ids)
        return False

    def _retry(self, exc: Exception, job: Job, attempt: Attempt, stats: DrainStats) -> bool:
        attempts = max(row.attempts for row in job.rows) + 1
        delay = self.policy.backoff(attempts)
        retry_at = self._now() + timedelta(seconds=delay)
        failed = outbox.mark_failed(self.db, job.ids, error=describe(exc), retry_at=retry_at,
                                    max_attempts=self.policy.max_attempts)
        stats.failed += len(failed)
        stats.retried += len(job.ids) - len(failed)
        if failed:
            log.error("giving up chat=%s rows=%s after %d attempts: %s", job.chat_id, failed,
                      attempts, describe(exc))
        else:
            log.warning("send failed chat=%s attempt=%d retry_in=%.1fs: %s", job.chat_id,
                        attempts, delay, describe(exc))
        return False
