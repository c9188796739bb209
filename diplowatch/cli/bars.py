"""Progress bars for long commands (`diplowatch reprocess`, `diplowatch ledger import`), on
stderr and only when stderr is a terminal: a pipe, a file or a log gets nothing extra.

tqdm draws them. It writes to the terminal itself, not through TerminalSafe (which would drop
the carriage returns a bar redraws with); what it writes is our own labels and numbers.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from tqdm import tqdm


def _terminal() -> TextIO | None:
    """stderr, unwrapped, when it is a terminal; else None."""
    stream = sys.stderr
    raw = getattr(stream, "_stream", stream)  # TerminalSafe's
    try:
        return raw if raw is not None and raw.isatty() else None
    except (AttributeError, ValueError):  # closed or not a real stream
        return None


class Bars:
    """One bar per step of a command, made when the step first reports (``advance``)."""

    def __init__(self, labels: dict[str, tuple[str, str]], stream: TextIO | None) -> None:
        self.labels, self.stream = labels, stream  # step → (what, unit)
        self.bars: dict[str, Any] = {}

    def advance(self, step: str, n: int, total: int | None = None) -> None:
        if self.stream is None:
            return
        bar = self.bars.get(step)
        if bar is None:
            what, unit = self.labels.get(step, (step, "it"))
            bar = self.bars[step] = tqdm(total=total, desc=what, unit=unit, file=self.stream,
                                         leave=False, dynamic_ncols=True, mininterval=0.2)
        bar.update(n)

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


@contextmanager
def bars(**labels: tuple[str, str]) -> Iterator[Bars]:
    """``with bars(rows=("Reading", "rows")) as b: work(progress=b.advance)``; the bars are
    cleared from the terminal when the command ends, so its summary stands alone."""
    shown = Bars(labels, _terminal())
    try:
        yield shown
    finally:
        shown.close()
