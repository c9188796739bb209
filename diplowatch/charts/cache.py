"""Rendered charts, drawn off the event loop and kept until the ledger changes.

The ledger is read on the event loop's thread (the one writer connection is not shared with
worker threads); only the drawing, which takes some tenths of a second (docs/benchmarks.md),
runs in a thread. A flood of requests for one chart waits for a single drawing, and one drawing
runs at a time (matplotlib's font and text caches are process-wide), so a flood of different
charts queues instead of filling the thread pool.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..store import events as events_store
from . import timeline, worldmap
from .layout import png_bytes

if TYPE_CHECKING:
    from ..store import Database

KEPT = 64  # rendered PNGs kept (each is some 60-120 kB)

# kind → (read the ledger: db, target, now → data; draw: data → PNG)
RENDERERS: dict[str, tuple[Callable[..., Any], Callable[[Any], bytes]]] = {
    "timeline": (timeline.timeline_data, lambda data: png_bytes(timeline.timeline_figure(data))),
    "map": (worldmap.map_data, lambda data: png_bytes(worldmap.map_figure(data))),
}


class ChartCache:
    def __init__(self, kept: int = KEPT) -> None:
        self.kept = kept
        self.renders = 0  # drawings made (a hit or a wait for a running drawing makes none)
        self._done: OrderedDict[Hashable, bytes] = OrderedDict()
        self._pending: dict[Hashable, asyncio.Future[bytes]] = {}
        self._slot = asyncio.Semaphore(1)

    async def png(self, db: Database, kind: str, target: str, *, now: datetime) -> bytes:
        """The chart as PNG; raises the data reader's UserError (no history) as it is."""
        # the day is in the key: a timeline's line runs to today
        key = (kind, target, events_store.ledger_revision(db), now.date())
        if (hit := self._done.get(key)) is not None:
            self._done.move_to_end(key)
            return hit
        task = self._pending.get(key)
        if task is None:
            read, draw = RENDERERS[kind]
            data = read(db, target, now=now)
            task = self._pending[key] = asyncio.ensure_future(self._draw(key, draw, data))
        return await asyncio.shield(task)

    async def _draw(self, key: Hashable, draw: Callable[[Any], bytes], data: Any) -> bytes:
        try:
            async with self._slot:
                self.renders += 1
                png = await asyncio.to_thread(draw, data)
        finally:
            self._pending.pop(key, None)
        self._done[key] = png
        while len(self._done) > self.kept:
            self._done.popitem(last=False)
        return png
