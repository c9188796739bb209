"""What polling reports: one poll's outcome (PollOutcome), the scheduling lag (PollLag)."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class PollOutcome:
    source: str
    status: str  # new | unchanged | not_modified | error | skipped
    new: int = 0
    revised: int = 0
    reason: str = ""


@dataclass(frozen=True)
class PollLag:
    """Scheduled-to-started lag of the last ``count`` scheduled polls, in seconds (None: no
    scheduled poll has started yet); ``missed``: runs APScheduler dropped as later than their
    misfire grace time, since start."""

    count: int
    p50: float | None
    p95: float | None
    max: float | None
    missed: int = 0


def percentile(ordered: list[float], q: float) -> float:
    """Nearest-rank percentile of a sorted, non-empty list."""
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]
