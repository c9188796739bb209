"""A clock tests set by hand: call it for the time, set ``now`` or ``advance`` it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any


class Clock:
    def __init__(self, start: Any) -> None:
        self.now = start

    def __call__(self) -> Any:
        return self.now

    def advance(self, **kw: float) -> None:
        step = timedelta(**kw)
        self.now += step if not isinstance(self.now, float) else step.total_seconds()
