"""Polling on a schedule: the Monitor (monitor.py), when sources are due (timing.py), clock
steps (clock_jumps.py), what polls report (reports.py)."""

from diplowatch.scheduler.clock_jumps import CLOCK_CHECK, CLOCK_STEP, ClockWatch
from diplowatch.scheduler.monitor import LAG_WINDOW, MAX_CONCURRENT_POLLS, Monitor
from diplowatch.scheduler.reports import PollLag, PollOutcome
from diplowatch.scheduler.timing import MAX_BACKOFF, backoff_seconds

__all__ = [
    "CLOCK_CHECK",
    "CLOCK_STEP",
    "LAG_WINDOW",
    "MAX_BACKOFF",
    "MAX_CONCURRENT_POLLS",
    "ClockWatch",
    "Monitor",
    "PollLag",
    "PollOutcome",
    "backoff_seconds",
]
