"""source_health.py: one source's health and the counts over all; `/status` in chat,
`diplowatch status` and the health line agree, a paused failing source counted as paused."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta

import pytest

from diplowatch import ops, texts
from diplowatch.config import Settings, parse_sources
from diplowatch.handlers import dispatch
from diplowatch.handlers.core import Deps, Request
from diplowatch.models import SourceState
from diplowatch.source_health import health_of, summarize
from diplowatch.store import open_db
from diplowatch.store import sources as source_store

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
SOURCES = "".join(f'[[sources]]\nname = "{n}"\nkind = "rss"\nurl = "https://{n}.example/rss"\n'
                  for n in ("fine", "down", "stopped", "fresh"))


@pytest.mark.parametrize(("state", "health"), [
    (SourceState("s", paused=True, error_count=3, last_error="HTTP 503"), "paused"),
    (SourceState("s", paused=True, last_ok_at=NOW), "paused"),
    (SourceState("s", error_count=1, last_error="HTTP 503", last_ok_at=NOW), "failing"),
    (SourceState("s"), "new"),
    (SourceState("s", last_ok_at=NOW), "ok"),
])
def test_health_of_one_source(state, health):
    assert health_of(state) == health


def test_the_health_text_follows_the_health():
    down = SourceState("s", error_count=2, last_error="HTTP 503")
    assert texts.source_health(down, now=NOW) == "failing ×2: HTTP 503"
    assert texts.source_health(SourceState("s", paused=True, error_count=2), now=NOW) == "paused"
    assert texts.source_health(SourceState("s"), now=NOW) == "not polled yet"


@pytest.fixture
def db(tmp_path):
    """Four sources: ok, failing, paused while failing, never polled."""
    db = open_db(tmp_path / "h.db")
    source_store.sync_sources(db, parse_sources(SOURCES, origin="t"), now=NOW)
    source_store.record_success(db, "fine", now=NOW, next_poll_at=NOW + timedelta(minutes=5),
                                etag=None, last_modified=None, last_seen_key=None)
    for name in ("down", "stopped"):
        source_store.record_failure(db, name, now=NOW - timedelta(minutes=3), reason="HTTP 503",
                                    next_poll_at=NOW + timedelta(minutes=10))
    source_store.set_paused(db, "stopped", True)
    yield db
    db.close()


def test_summarize_counts_a_paused_failing_source_as_paused(db):
    health = summarize(source_store.list_sources(db))
    assert (health.total, health.failing, health.paused) == (4, 1, 1)
    assert health.last_poll_at == NOW


async def test_chat_status_cli_status_and_the_health_line_agree(db, caplog):
    deps = Deps(db, Settings(), lambda: NOW)
    reply = await dispatch(deps, Request(chat_id=1, user_id=1, command="status", args=[]))
    chat = re.search(r"Sources: (\d+) \((\d+) failing, (\d+) paused\)", reply.text)
    report = ops.status_report(db, now=NOW)["sources"]
    cli = re.search(r"sources +(\d+) \((\d+) failing, (\d+) paused\)",
                    ops.status_text(ops.status_report(db, now=NOW), now=NOW))
    with caplog.at_level(logging.INFO, logger="diplowatch.ops"):
        ops.log_health(db)
    line = re.search(r"sources=(\d+) failing=(\d+) paused=(\d+)", caplog.messages[-1])
    assert chat and cli and line, (reply.text, caplog.messages)
    counts = (report["total"], report["failing"], report["paused"])
    assert counts == (4, 1, 1)
    for found in (chat, cli, line):
        assert tuple(int(n) for n in found.groups()) == counts
