"""The one source of the current time.

Everything that needs the time takes a `clock: Clock` (or `now: datetime`) parameter; the
composition root passes `utcnow`, tests pass a fixed or stepping clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)
