"""The wall clock jumping back or forward: no source starves, none is polled more than its
schedule allows, backoff stays bounded, and the sender's pacing and flood pauses keep time
on the monotonic clock.

The monitor takes its clock as a parameter (``clock=``), so the jumps are injected; the
running scheduler's jobs are pulled in by ``Monitor.watch_clock``, fed a wall clock that jumps.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime, timedelta

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from telegram.error import RetryAfter

from diplowatch.config import parse_sources
from diplowatch.delivery import Sender, SendPolicy
from diplowatch.scheduler import MAX_BACKOFF, ClockWatch, Monitor
from diplowatch.sources import close_parse_pool, make_client
from diplowatch.sources.budget import InlineParser
from diplowatch.sources.fetch import Fetcher
from diplowatch.store import chats, open_db, outbox
from diplowatch.store import sources as source_store
from diplowatch.store.sources import sync_sources
from tests.fakes.clock import Clock

T0 = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
DAY = timedelta(days=1)
FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title><item><guid>x1'
        b'</guid><title>One</title><link>https://e.example/x1</link></item></channel></rss>')




@pytest.fixture
async def world(tmp_path, feed_server):
    """Sources "ok" (healthy) and "busy" (its first poll answered 503, Retry-After 1 h),
    both polled at T0, every 5 minutes."""
    for name in ("ok", "busy"):
        feed_server.set_content(f"/{name}.xml", FEED, content_type="application/rss+xml")
    feed_server.set_fault("/busy.xml", status=503, retry_after="3600", times=1)
    toml = "".join(f'[[sources]]\nname = "{n}"\nkind = "rss"\ninterval = "5m"\n'
                   f'url = "{feed_server.url(f"/{n}.xml")}"\n' for n in ("ok", "busy"))
    db = open_db(tmp_path / "t.db")
    sync_sources(db, parse_sources(toml, origin="t"), now=T0)
    client, clock = make_client(connect_timeout=2, read_timeout=2), Clock(T0)
    monitor = Monitor(db, Fetcher(client, allow_private=True), clock=clock, parser=InlineParser())
    first = {o.source: o.status for o in await monitor.poll_all(force=False)}
    assert first == {"ok": "new", "busy": "error"}
    yield monitor, feed_server, clock
    await client.aclose()
    close_parse_pool()
    db.close()


def waits(monitor) -> dict[str, float]:
    """Seconds from the monitor's now to each source's stored next poll."""
    return {s.name: (st.next_poll_at - monitor.clock()).total_seconds()
            for s, st in source_store.list_sources(monitor.db)}


async def ticks(monitor) -> dict[str, str]:
    """One scheduled tick of every source's job (not forced: due sources only)."""
    return {name: (await monitor.poll(name)).status for name in ("ok", "busy")}


async def test_clock_back_a_day_starves_no_source(world):
    monitor, server, clock = world
    clock.now = T0 - DAY + timedelta(minutes=1)  # stored next polls: T0+5m and T0+1h

    assert await ticks(monitor) == {"ok": "not_modified", "busy": "new"}
    assert server.requests["/ok.xml"] == 2 and server.requests["/busy.xml"] == 2
    assert waits(monitor) == {"ok": 300, "busy": 300}  # the schedule, on the new clock
    clock.now += timedelta(minutes=1)
    assert await ticks(monitor) == {"ok": "skipped", "busy": "skipped"}
    clock.now += timedelta(minutes=4)
    assert await ticks(monitor) == {"ok": "not_modified", "busy": "not_modified"}


async def test_clock_back_a_little_only_delays_by_the_step(world):
    monitor, _, clock = world
    clock.now = T0 - timedelta(seconds=20)  # an NTP step: within the slack, no early poll
    assert await ticks(monitor) == {"ok": "skipped", "busy": "skipped"}
    clock.now = T0 + timedelta(minutes=5)
    assert (await ticks(monitor))["ok"] == "not_modified"


async def test_clock_forward_a_day_polls_each_source_once_and_backoff_stays_bounded(world):
    monitor, server, clock = world
    server.set_fault("/busy.xml", status=500)  # keeps failing from now on
    clock.now = T0 + DAY

    assert await ticks(monitor) == {"ok": "not_modified", "busy": "error"}
    assert await ticks(monitor) == {"ok": "skipped", "busy": "skipped"}  # a second tick at once
    _, busy = source_store.get_source(monitor.db, "busy")
    assert busy.error_count == 2  # one failure per real poll: the jump counts for nothing
    assert waits(monitor) == {"ok": 300, "busy": 600}
    for _ in range(12):  # keeps failing: the backoff grows to its cap, never past it
        clock.now = source_store.get_source(monitor.db, "busy")[1].next_poll_at
        assert (await monitor.poll("busy")).status == "error"
    assert waits(monitor)["busy"] == MAX_BACKOFF
    clock.now += DAY  # a second jump forward changes nothing about that
    assert (await monitor.poll("busy")).status == "error"
    assert waits(monitor)["busy"] == MAX_BACKOFF


async def test_a_restart_after_the_clock_went_back_schedules_the_first_polls_now(world):
    monitor, _, clock = world
    clock.now = T0 - DAY
    scheduler = AsyncIOScheduler(timezone="UTC")
    monitor.schedule(scheduler)
    for job in scheduler.get_jobs():
        assert clock.now <= job.next_run_time <= clock.now + timedelta(seconds=30)  # jitter


async def test_watch_clock_pulls_in_jobs_after_a_step_back(world, caplog):
    monitor, _, _ = world
    scheduler = AsyncIOScheduler(timezone="UTC")
    monitor.schedule(scheduler)
    scheduler.add_job(lambda: None, IntervalTrigger(seconds=300), id="health")
    scheduler.start(paused=True)  # the jobs stay put; only their run times matter here
    shift = [0.0]
    watch = ClockWatch(wall=lambda: time.time() + shift[0])
    task = asyncio.create_task(monitor.watch_clock(scheduler, every=0.01, watch=watch))
    try:
        # What APScheduler holds after the wall clock went back a day: every run a day ahead.
        for job in scheduler.get_jobs():
            job.modify(next_run_time=datetime.now(UTC) + DAY)
        shift[0] = -DAY.total_seconds()
        with caplog.at_level(logging.WARNING, logger="diplowatch.scheduler"):
            await asyncio.sleep(0.2)
        now = monitor.clock()  # jobs are pulled in against the monitor's clock (fixed at T0 here)
        assert {job.id for job in scheduler.get_jobs()} == {"poll:ok", "poll:busy", "health"}
        for job in scheduler.get_jobs():
            assert now <= job.next_run_time <= now + timedelta(seconds=30)  # a tenth of 5 min at most
        assert [r.getMessage() for r in caplog.records if "jumped" in r.getMessage()] == [
            "system clock jumped by -86400s; rescheduling jobs"]
    finally:
        task.cancel()
        scheduler.shutdown(wait=False)


def test_clock_watch_tells_steps_from_drift():
    wall, mono = [1000.0], [50.0]
    watch = ClockWatch(wall=lambda: wall[0], monotonic=lambda: mono[0])
    wall[0] += 10.5
    mono[0] += 10  # half a second of drift (or slewing) in ten seconds
    assert watch.jumped() == 0.0
    wall[0] -= 3600  # stepped back an hour
    assert watch.jumped() == -3600
    assert watch.jumped() == 0.0
    wall[0] += 86400
    assert watch.jumped() == 86400


async def test_sender_pacing_and_flood_pause_ignore_wall_clock_jumps(tmp_path, monkeypatch):
    """Each send steps the wall clock a day back or forward (time.time and the sender's
    clock=); the 429 pause and the per-chat interval must still last what they say."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    db = open_db(tmp_path / "d.db")
    for chat_id in (1, 2):
        chats.upsert_chat(db, chat_id, type="private", title="", now=T0)
    for _ in range(3):
        outbox.enqueue(db, outbox.create_alert(db, kind="statement", text="<b>A</b>", now=T0),
                       [1, 2], now=T0)
    wall_shift = [0.0]
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + wall_shift[0])
    calls: list[tuple[int, float]] = []

    async def send(chat_id: int, text: str, *, parse_mode: str | None) -> int:
        calls.append((chat_id, time.monotonic()))
        wall_shift[0] = -86400.0 if len(calls) % 2 else 86400.0
        if len(calls) == 1:
            raise RetryAfter(timedelta(seconds=0.3))
        return len(calls)

    sender = Sender(db, send, policy=SendPolicy(rate=1000, max_in_flight=2, private_interval=0.2,
                                         merge=False),
                    clock=lambda: T0 + timedelta(seconds=wall_shift[0]))
    stats = await asyncio.wait_for(sender.drain_once(now=T0), timeout=5)

    assert stats.sent == 6 and stats.flood_waits == 1
    flood_at = calls[0][1]
    assert all(at >= flood_at + 0.29 for _, at in calls[1:])
    for chat_id in (1, 2):
        times = [at for c, at in calls if c == chat_id]
        assert all(b - a >= 0.19 for a, b in zip(times, times[1:], strict=False))
    assert calls[-1][1] - flood_at < 2.0
    db.close()
