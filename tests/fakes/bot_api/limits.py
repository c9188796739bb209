"""Telegram's sending limits: a global token bucket (429 beyond it; sends with
allow_paid_broadcast have their own, at the paid 1000/s) and the per-chat limits, 1 s between
messages to a private chat and 20 a minute to a group, recorded as violations."""

from __future__ import annotations

import math
import time
from collections import deque

from .protocol import ApiError
from .records import Call, Violation

PAID_RATE = 1000.0  # messages a second with allow_paid_broadcast


class TokenBucket:
    """Global messages/s with a burst, as Telegram meters a bot."""

    def __init__(self, rate: float, burst: float):
        self.rate, self.burst = rate, burst
        self.tokens, self.stamp = burst, time.monotonic()

    def take(self, now: float) -> float:
        """0 if a token was taken, else the seconds until one is free."""
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


class Limits:
    """FakeBotAPI's rate limits."""

    _bucket: TokenBucket | None  # None: no global limit
    _paid_bucket: TokenBucket | None  # sends with allow_paid_broadcast: 1000/s when limited
    paid_sends: int  # sends with allow_paid_broadcast accepted (Telegram charges 0.1 Star each)
    _retry_after: int
    _chat_times: dict[int, deque[float]]  # accepted messages per chat (the last minute)
    private_interval: float
    group_per_minute: int
    tolerance: float
    enforce_chat_limits: bool  # answer 429 on a breach instead of only recording it

    def set_rate_limit(
        self, rate: float | None, *, burst: float | None = None, retry_after: int | None = None
    ) -> None:
        """Global messages/s (token bucket, burst defaults to one second's worth); None = off."""
        self._bucket = (
            TokenBucket(rate, burst if burst is not None else max(1.0, rate)) if rate else None
        )
        self._paid_bucket = TokenBucket(PAID_RATE, PAID_RATE) if rate else None
        if retry_after is not None:
            self._retry_after = retry_after

    def _check_global_rate(self, call: Call) -> None:
        paid = str(call.params.get("allow_paid_broadcast", "")).lower() == "true"
        bucket = self._paid_bucket if paid else self._bucket
        if bucket is not None and (wait := bucket.take(call.time)) > 0:
            self.violations.append(
                Violation("global_rate", call.chat_id, call.time, f"next token in {wait:.3f}s")
            )
            retry = max(self._retry_after, math.ceil(wait))
            raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
        self.paid_sends += paid

    def _check_chat_limits(self, chat_id: int, now: float) -> None:
        """Per-chat limits, counted on accepted messages: recorded, enforced if asked."""
        times = self._chat_times.setdefault(chat_id, deque())
        retry_in = 0.0
        if chat_id > 0 and times and now - times[-1] < self.private_interval - self.tolerance:
            gap = now - times[-1]
            self.violations.append(
                Violation("private_interval", chat_id, now, f"{gap:.3f}s after the previous")
            )
            retry_in = self.private_interval - gap
        if chat_id < 0:
            while times and now - times[0] >= 60 - self.tolerance:
                times.popleft()
            if len(times) >= self.group_per_minute:
                self.violations.append(
                    Violation("group_per_minute", chat_id, now, f"{len(times) + 1} in 60s")
                )
                retry_in = 60 - (now - times[0])
        if retry_in and self.enforce_chat_limits:
            retry = max(1, math.ceil(retry_in))
            raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
        times.append(now)
        if chat_id > 0:
            while len(times) > 1:
                times.popleft()
