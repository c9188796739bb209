"""Sending pace: the global token bucket and the window of sends in flight."""

from __future__ import annotations

import asyncio
import contextlib
import math
import statistics
import time
from collections import deque
from collections.abc import AsyncIterator, Callable


class Stopped(Exception):
    """Stop was requested while waiting for a send slot: nothing went out."""


async def sleep_unless_stopped(seconds: float, stop: asyncio.Event | None) -> None:
    """Sleep, but wake up (raising Stopped) when ``stop`` is set."""
    if stop is None or seconds < 0.05:
        await asyncio.sleep(seconds)
    else:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), seconds)
    if stop is not None and stop.is_set():
        raise Stopped


class TokenBucket:
    """At most ``rate`` acquisitions per second with bursts of ``burst``; ``pause`` stops all.

    Each caller reserves the next free slot, so waiting callers are served in order and
    nothing polls.
    """

    def __init__(self, rate: float, burst: int = 1, *, clock: Callable[[], float] = time.monotonic):
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate, self.burst, self._clock = rate, max(1, burst), clock
        self._next = 0.0
        self.paused_until = 0.0

    def pause(self, seconds: float) -> None:
        self.paused_until = max(self.paused_until, self._clock() + seconds)
        self._next = max(self._next, self.paused_until)

    async def acquire(self, stop: asyncio.Event | None = None) -> None:
        """Wait for a slot; raises Stopped if ``stop`` is set meanwhile."""
        while True:
            now = self._clock()
            if now < self.paused_until:
                await sleep_unless_stopped(self.paused_until - now, stop)
                continue
            slot = max(self._next, now - (self.burst - 1) / self.rate)
            self._next = slot + 1 / self.rate
            if slot > now:
                await sleep_unless_stopped(slot - now, stop)
            if self._clock() >= self.paused_until:  # a 429 while we slept voids the slot
                return


HEADROOM = 1.25  # in-flight sends above what rate × latency needs, for latency jitter
MIN_ALONE = 8  # sends alone before the window trusts their latency only


class SendWindow:
    """How many sends may be on their way at once: enough to keep ``rate`` up at the latency
    seen (Little's law: rate × latency, with 25 % headroom), never more than ``limit``.

    A send in flight when the process dies may have reached Telegram before its sent mark was
    written, and is repeated after the restart. Sizing the window by need rather than always
    ``limit`` keeps those repeats to what the rate requires: 4 at Telegram's 25/s if a send
    takes 100 ms, 1 against a local server; ``limit`` when a send really takes that long.

    The latency is the median of the last ``samples`` sends that started while no other send
    was in flight. Sends that overlap wait for each other in this process when it is busy,
    and a window sized on their latency sized itself: a moment of load opened it a little,
    the sends in it then queued behind each other and looked slower, and it opened to its
    limit and stayed there (seen in the crash test at 500/s). A send alone shows what the
    network and the server cost. Until ``MIN_ALONE`` such sends are known, all sends count.
    The median keeps the event loop stalling (a large ingest holds it for 100 ms or more),
    which makes every send look slow at once, from opening the window.

    What it does not follow: Telegram getting slower in the middle of a long broadcast, when
    no send runs alone; the window then keeps the size it had (at 4 and 200 ms per send,
    20 messages a second instead of 25) until sending pauses.
    """

    def __init__(self, rate: float, limit: int, *, samples: int = 64,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.limit, self._clock = rate, max(1, limit), clock
        self._alone: deque[float] = deque(maxlen=samples)  # sends with nothing else in flight
        self._recent: deque[float] = deque(maxlen=samples)  # all sends
        self.latency: float | None = None  # median seconds per send
        self.busy = 0
        self._freed = asyncio.Event()

    @property
    def size(self) -> int:
        if self.latency is None:
            return 1  # until the first send tells how long one takes
        return max(1, min(self.limit, math.ceil(self.rate * self.latency * HEADROOM)))

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        while self.busy >= self.size:
            self._freed.clear()
            await self._freed.wait()
        alone = self.busy == 0
        self.busy += 1
        start = self._clock()
        try:
            yield
        finally:
            took = self._clock() - start
            self._recent.append(took)
            if alone:
                self._alone.append(took)
            known = self._alone if len(self._alone) >= MIN_ALONE else self._recent
            self.latency = statistics.median(known)
            self.busy -= 1
            self._freed.set()
