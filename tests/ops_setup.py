"""For the ops tests: a populated database (a failing and a paused source, chats, outbox rows
in every state) and the `diplowatch` command run as a subprocess on it."""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from diplowatch.config import parse_sources
from diplowatch.models import Statement
from diplowatch.pipeline import ingest
from diplowatch.store import chats, open_db, outbox
from diplowatch.store import sources as source_store

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
SOURCES = "".join(f'[[sources]]\nname = "{n}"\nkind = "rss"\nurl = "https://{n}.example/rss"\n'
                  for n in ("alpha", "beta", "gamma"))


def cli_env(db: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    sources = db.parent / "sources.toml"
    if not sources.exists():
        sources.write_text("")
    return {**env, "DIPLOWATCH_DB": str(db), "DIPLOWATCH_SOURCES": str(sources),
            "DIPLOWATCH_LOG_LEVEL": "WARNING", **extra}


async def cli(*args: str, db: Path, stdin: bytes = b"") -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "diplowatch", *args, cwd=db.parent, env=cli_env(db),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(stdin), timeout=60)
    return proc.returncode, out.decode(), err.decode()


def populate(path: Path):
    """A database with statements, a failing and a paused source, chats and outbox rows."""
    db = open_db(path)
    source_store.sync_sources(db, parse_sources(SOURCES, origin="t"), now=NOW)
    ingest(db, [Statement("alpha", f"guid:{n}", f"https://alpha.example/{n}", f"Title {n}",
                          f"Statement number {n} about the referendum", published_at=NOW)
                for n in range(5)], now=NOW)
    source_store.record_success(db, "alpha", now=NOW, next_poll_at=NOW + timedelta(minutes=5),
                                etag=None, last_modified=None, last_seen_key=None)
    source_store.record_failure(db, "beta", now=NOW - timedelta(minutes=3),
                                reason="HTTP 503 Service Unavailable from beta.example",
                                next_poll_at=NOW + timedelta(minutes=10))
    source_store.set_paused(db, "gamma", True)
    for chat in (1, 2, 3):
        chats.upsert_chat(db, chat, type="private", title="", now=NOW)
    chats.add_subscription(db, 1, "all", "*", now=NOW)
    alert = outbox.create_alert(db, kind="statement", text="<b>x</b>", now=NOW)
    outbox.enqueue(db, alert, [1, 2, 3], now=NOW)
    rows = {r["chat_id"]: r["id"] for r in db.query("SELECT id, chat_id FROM outbox")}
    outbox.mark_possibly_delivered(db, [rows[2]], error="TimedOut: read timeout", now=NOW)
    outbox.mark_failed(db, [rows[3]], error="BadRequest: message is too long", retry_at=None)
    return db


def live_db_path(tmp_path: Path) -> Path:
    """The file of a populated database (closed), for a ``db_path`` fixture."""
    path = tmp_path / "live.db"
    populate(path).close()
    return path
