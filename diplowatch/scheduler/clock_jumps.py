"""Steps of the wall clock (by hand, NTP, a VM resumed), noticed and answered.

APScheduler keeps run times in wall-clock time: after a step back it would sleep until the old
run times come round again, so the jobs are pulled in (``pull_in_jobs``).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

CLOCK_STEP = 30.0  # seconds the wall clock must move against the monotonic one to be a jump
CLOCK_CHECK = 10.0  # seconds between two looks at the clocks


class ClockWatch:
    """Notices the wall clock being stepped (by hand, NTP, a VM resumed) by comparing it with
    the monotonic clock, which no step moves."""

    def __init__(self, *, wall: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic, step: float = CLOCK_STEP):
        self._wall, self._monotonic, self.step = wall, monotonic, step
        self._offset = wall() - monotonic()

    def jumped(self) -> float:
        """Seconds the wall clock jumped since the last call (+ forward), 0.0 below ``step``."""
        offset = self._wall() - self._monotonic()
        moved, self._offset = offset - self._offset, offset
        return moved if abs(moved) >= self.step else 0.0


def pull_in_jobs(scheduler: AsyncIOScheduler, *, now: datetime) -> None:
    """Move each interval job that would wait longer than its interval from ``now`` to a
    random time within a tenth of its interval (spread, so they do not all start at once)."""
    for job in scheduler.get_jobs():
        interval = getattr(job.trigger, "interval", None)
        if not isinstance(interval, timedelta) or job.next_run_time is None:
            continue
        if job.next_run_time > now + interval:
            job.modify(next_run_time=now + random.uniform(0, 0.1) * interval)
