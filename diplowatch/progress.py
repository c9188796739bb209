"""Progress of a poll round in the log: the first round after start, or `poll --once`.

A first poll over slow sources can take a minute with nothing to show for it. Each source names
itself as it finishes ("polled 3/12 source=mfa-ru: 2 new"), up to NAMED sources; past that one
line at most every ``every`` seconds ("polled 420/1,000 sources…"), so a large install is not
flooded. The last line sums the round up. Later polls log at DEBUG only.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

from . import texts
from .texts.wording import count

log = logging.getLogger("diplowatch.scheduler")

NAMED = 50  # rounds up to this many sources log one line per source
EVERY = 5.0  # seconds between two progress lines past NAMED


class RoundProgress:
    def __init__(self, names: Iterable[str], *, what: str = "first poll", every: float = EVERY,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.pending, self.what = set(names), what
        self.total, self.done, self.failed = len(self.pending), 0, 0
        self.every, self.clock = every, clock
        self.started = self._last = clock()

    @property
    def finished(self) -> bool:
        return not self.pending

    def polled(self, outcome) -> None:
        """Count ``outcome`` if its source belongs to the round; log as the docstring says."""
        if outcome.source not in self.pending:
            return
        self.pending.discard(outcome.source)
        self.done += 1
        self.failed += outcome.status == "error"
        now = self.clock()
        if self.total <= NAMED:
            log.info("polled %d/%d source=%s: %s", self.done, self.total, outcome.source,
                     texts.poll_outcome_detail(outcome))
        elif now - self._last >= self.every and self.pending:
            log.info("polled %s/%s sources…", f"{self.done:,}", f"{self.total:,}")
            self._last = now
        if not self.pending:
            log.info("%s done: %s in %.0f s (%d failed)", self.what, count(self.total, "source"),
                     now - self.started, self.failed)
