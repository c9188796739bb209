"""Source health, decided here only: what one source's state says (``health_of``) and the
counts over all sources (``summarize``). `/status`, `/sources`, `diplowatch status`,
`diplowatch sources list` and the health line in the log all read it from here.

A paused source is reported apart, as "paused", never as failing: it is not polled, so its
last error is old news until someone resumes it (docs/operations.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from .models import Source, SourceState

Health = Literal["paused", "failing", "new", "ok"]


def health_of(state: SourceState) -> Health:
    """"paused" (whatever its last poll did), "failing" (its last poll failed), "new" (never
    polled successfully, no error yet) or "ok"."""
    if state.paused:
        return "paused"
    if state.error_count:
        return "failing"
    if state.last_ok_at is None:
        return "new"
    return "ok"


@dataclass(frozen=True)
class HealthSummary:
    total: int
    failing: int  # paused sources are not counted here, whatever their last poll did
    paused: int
    last_poll_at: datetime | None  # the newest poll of any source, paused ones included


def summarize(rows: Iterable[tuple[Source, SourceState]]) -> HealthSummary:
    """The counts over the sources (as ``store.sources.list_sources`` gives them)."""
    states = [state for _, state in rows]
    healths = [health_of(state) for state in states]
    polls = [state.last_poll_at for state in states if state.last_poll_at]
    return HealthSummary(total=len(states), failing=healths.count("failing"),
                         paused=healths.count("paused"),
                         last_poll_at=max(polls) if polls else None)
