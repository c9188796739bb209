"""What SQL a connection runs: for tests that check a query plan or count commits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def traced_sql(db) -> Iterator[list[str]]:
    """The statements ``db`` runs inside the block, as run (values filled in)."""
    ran: list[str] = []
    db.conn.set_trace_callback(ran.append)
    try:
        yield ran
    finally:
        db.conn.set_trace_callback(None)
