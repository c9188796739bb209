"""The JSON dump of the ledger (`diplowatch export --format json`): the derived status and the
full event log, streamed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from ..store import events as events_store

if TYPE_CHECKING:
    from ..store import Database


def export_json(db: Database, out: TextIO) -> int:
    """Write ``{"recognitions": [...], "events": [...]}``: the derived status and the full log
    (mentions, held and retracted events included). Streams; returns the number of events."""
    out.write('{"format": "diplowatch-ledger", "version": 1,\n"recognitions": [')
    _write_items(out, events_store.iter_recognitions(db))
    out.write('],\n"events": [')
    count = _write_items(out, ({**r, "official": bool(r["official"])} for r in events_store.iter_events(db)))
    out.write("]}\n")
    return count


def _write_items(out: TextIO, items: Iterator[events_store.Row]) -> int:
    count = 0
    for count, item in enumerate(items, start=1):
        out.write(("," if count > 1 else "") + "\n" + json.dumps(item, ensure_ascii=False))
    out.write("\n")
    return count
