"""`diplowatch status` (the report, as data and as text) and the periodic health line in the log.

Reads use their own read-only connection (store/readonly.py), so `diplowatch status` works
while `diplowatch run` is writing.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..source_health import summarize
from ..store import Database, StoreError, chats, disk_full, free_bytes, iso, outbox
from ..store import sources as source_store
from ..store import statements as statement_store
from ..texts import ago, disk_full_status, source_health

if TYPE_CHECKING:  # `diplowatch status` need not import the monitor
    from ..scheduler import PollLag

log = logging.getLogger(__name__)

HEALTH_INTERVAL = 300  # seconds between two health lines in the log
LAST_ERRORS = 5


def status_report(db: Database, *, now: datetime, db_path: Path | None = None) -> dict:
    """Everything `diplowatch status` shows, as JSON-ready data; with ``db_path``, the room
    left on its disk."""
    rows = source_store.list_sources(db)
    sources = [{
        "name": s.name, "kind": s.kind, "url": s.url, "paused": st.paused,
        "health": source_health(st, now=now), "error_count": st.error_count,
        "last_error": st.last_error, "last_poll_at": iso(st.last_poll_at),
        "last_ok_at": iso(st.last_ok_at), "next_poll_at": iso(st.next_poll_at),
    } for s, st in rows]
    health = summarize(rows)
    return {
        "now": iso(now),
        "statements": statement_store.count_statements(db),
        "last_poll_at": iso(health.last_poll_at),
        "sources": {"total": health.total, "failing": health.failing, "paused": health.paused,
                    "items": sources},
        "queue": {"due": outbox.queue_length(db), "by_state": outbox.state_counts(db)},
        "chats": chats.chat_counts(db),
        "last_errors": {
            "sources": [{"source": s["name"], "at": s["last_poll_at"], "count": s["error_count"],
                         "error": s["last_error"]} for s in sources if s["error_count"]],
            "delivery": outbox.latest_errors(db, limit=LAST_ERRORS),
        },
        **({"disk": _disk(db_path)} if db_path is not None else {}),
    }


def _disk(db_path: Path) -> dict:
    return {"path": str(Path(db_path).resolve()), "free_bytes": free_bytes(db_path),
            "full": disk_full(db_path)}


def status_text(report: dict, *, now: datetime) -> str:
    """The report for people: a summary, one line per source, the latest errors."""
    src, queue = report["sources"], report["queue"]
    last = datetime.fromisoformat(report["last_poll_at"]) if report["last_poll_at"] else None
    states = ", ".join(f"{k} {v}" for k, v in queue["by_state"].items())
    chat = report["chats"]
    lines = [
        f"statements  {report['statements']}",
        f"sources     {src['total']} ({src['failing']} failing, {src['paused']} paused)",
        f"last poll   {ago(last, now=now)}",
        f"queue       {queue['due']} due to send; outbox: {states}",
        f"chats       {chat['active']} active ({chat['subscribed']} subscribed), "
        f"{chat['inactive']} inactive",
        "",
        f"{'SOURCE':<20} {'KIND':<8} {'LAST OK':<10} HEALTH",
    ]
    if report.get("disk", {}).get("full"):
        lines[:0] = [disk_full_status(report["disk"]["path"], report["disk"]["free_bytes"]), ""]
    for s in src["items"]:
        ok = datetime.fromisoformat(s["last_ok_at"]) if s["last_ok_at"] else None
        lines.append(f"{s['name']:<20} {s['kind']:<8} {ago(ok, now=now):<10} {s['health']}")
    errors = report["last_errors"]["delivery"]
    if errors:
        lines += ["", "latest delivery errors:"]
        lines += [f"  outbox #{e['id']} chat {e['chat_id']} {e['state']} after {e['attempts']} "
                  f"attempt(s): {e['error']}" for e in errors]
    return "\n".join(lines)


def health_line(db: Database, *, poll_lag: PollLag | None = None) -> tuple[str, tuple]:
    """The periodic health log line: a %-format and its arguments (one line, key=value).

    With ``poll_lag`` (the running monitor's), it ends with the p95 scheduling lag of the
    recent scheduled polls, ``poll_lag_p95=none`` before the first one."""
    health = summarize(source_store.list_sources(db))
    states = outbox.state_counts(db)
    message = ("health sources=%d failing=%d paused=%d statements=%d queue=%d "
               "possibly_delivered=%d failed=%d last_poll=%s")
    args: tuple = (health.total, health.failing, health.paused,
                   statement_store.count_statements(db), outbox.queue_length(db),
                   states["possibly_delivered"], states["failed"],
                   iso(health.last_poll_at) or "never")
    if poll_lag is not None:
        message += " poll_lag_p95=%s"
        args += ("none" if poll_lag.p95 is None else f"{poll_lag.p95:.2f}s",)
    return message, args


def log_health(db: Database, *, poll_lag: PollLag | None = None) -> None:
    """Write the health line; a database problem is logged, never raised (it runs as a job)."""
    try:
        message, args = health_line(db, poll_lag=poll_lag)
    except StoreError as exc:
        log.warning("health check failed: %s", exc)
        return
    log.info(message, *args)
