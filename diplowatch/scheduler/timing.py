"""When a source is due: its stored schedule read against a clock that may have been stepped,
and the backoff after failures."""

from __future__ import annotations

from datetime import datetime, timedelta

from diplowatch.models import Source, SourceState

MAX_BACKOFF = 6 * 3600


def backoff_seconds(source: Source, error_count: int, *, retry_after: float | None = None) -> float:
    """Interval × 2^errors (capped at 6 h), never sooner than the server's Retry-After."""
    delay = min(source.interval * 2 ** min(error_count, 12), MAX_BACKOFF)
    return max(delay, retry_after or 0)


def is_due(source: Source, state: SourceState, now: datetime) -> bool:
    """Whether a scheduled tick at ``now`` should poll the source (never a paused one)."""
    if state.paused:
        return False
    due = next_due(source, state, now)
    # A job tick may come a little early (jitter); a quarter interval of slack avoids skipping
    # a whole cycle because of it.
    return due is None or due <= now + slack(source)


def slack(source: Source) -> timedelta:
    return timedelta(seconds=source.interval / 4)


def next_due(source: Source, state: SourceState, now: datetime) -> datetime | None:
    """The stored next_poll_at, or ``now`` if the clock reads earlier than the source's last
    poll: that schedule was set by a clock since stepped back, and waiting for it would add
    the whole step (a day back → a day without polls). Otherwise the wait left is at most the
    wait last set (≤ 6 h of backoff, ≤ a day of Retry-After), whatever the clock did."""
    if state.last_poll_at is not None and state.last_poll_at > now + slack(source):
        return now
    return state.next_poll_at
