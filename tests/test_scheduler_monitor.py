"""The monitor through the real loopback feed server: polls, dedup, 304s, backoff, recovery,
failing sources isolated, restart resuming from SQLite, and the APScheduler jobs."""

import asyncio
import logging
import multiprocessing
import os
import re
import sqlite3
import threading
import time
from collections import deque
from datetime import UTC, datetime, timedelta

import pytest
from apscheduler.events import (
    EVENT_JOB_MISSED,
    EVENT_JOB_SUBMITTED,
    JobExecutionEvent,
    JobSubmissionEvent,
)
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from diplowatch import texts
from diplowatch.config import parse_sources
from diplowatch.progress import RoundProgress
from diplowatch.scheduler import Monitor, PollLag, PollOutcome
from diplowatch.scheduler import monitor as scheduler_module
from diplowatch.sources import close_parse_pool, make_client
from diplowatch.sources.budget import InlineParser
from diplowatch.sources.fetch import Fetcher
from diplowatch.store import chats, open_db
from diplowatch.store import sources as source_store
from diplowatch.store import statements as statement_store
from diplowatch.store.sources import sync_sources
from tests.fakes.clock import Clock

T0 = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)


def rss(*items: tuple[str, str]) -> bytes:
    body = "".join(f"<item><guid>{g}</guid><title>{t}</title><link>https://e.example/{g}</link>"
                   f"<description>{t}</description></item>" for g, t in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{body}</channel></rss>'.encode()




@pytest.fixture
async def world(tmp_path, feed_server):
    feed_server.set_content("/a.xml", rss(("a1", "Первое заявление"), ("a2", "Second statement")),
                            content_type="application/rss+xml")
    feed_server.set_content("/b.xml", rss(("b1", "Statement B")), content_type="application/rss+xml")
    toml = "".join(
        f'[[sources]]\nname = "{n}"\nkind = "rss"\nurl = "{feed_server.url(f"/{n}.xml")}"\ninterval = "5m"\n'
        for n in ("a", "b"))
    db = open_db(tmp_path / "t.db")
    sync_sources(db, parse_sources(toml, origin="t"), now=T0)
    client, clock = make_client(connect_timeout=2, read_timeout=2), Clock(T0)
    monitor = Monitor(db, Fetcher(client, allow_private=True), clock=clock, parser=InlineParser())
    yield monitor, feed_server, clock
    await client.aclose()
    close_parse_pool()
    db.close()


async def test_poll_dedup_and_conditional_get(world):
    monitor, server, clock = world
    first = {o.source: o for o in await monitor.poll_all()}
    assert (first["a"].status, first["a"].new, first["b"].new) == ("new", 2, 1)
    clock.advance(minutes=5)
    second = {o.source: o.status for o in await monitor.poll_all()}
    assert second == {"a": "not_modified", "b": "not_modified"}
    assert server.conditional["/a.xml"] == 1
    server.set_content("/a.xml", rss(("a2", "Second statement"), ("a3", "Third"), ("a1", "Первое заявление")),
                       content_type="application/rss+xml")  # re-ordered, one new
    third = {o.source: o for o in await monitor.poll_all()}
    assert (third["a"].status, third["a"].new) == ("new", 1)
    assert statement_store.count_statements(monitor.db) == 4


async def test_failing_source_backs_off_others_continue_then_recovers(world):
    monitor, server, clock = world
    server.set_fault("/a.xml", status=503, retry_after=900, times=2)
    outcomes = {o.source: o for o in await monitor.poll_all(force=False)}
    assert outcomes["a"].status == "error" and "503" in outcomes["a"].reason
    assert outcomes["b"].status == "new"
    _, state = source_store.get_source(monitor.db, "a")
    assert state.error_count == 1 and "503" in state.last_error
    assert state.next_poll_at == T0 + timedelta(seconds=900)  # Retry-After beats the 5 min backoff
    clock.advance(minutes=6)
    assert (await monitor.poll("a")).status == "skipped"  # still backing off
    clock.advance(minutes=10)
    assert (await monitor.poll("a")).status == "error"
    _, state = source_store.get_source(monitor.db, "a")
    assert state.error_count == 2
    clock.advance(hours=1)
    recovered = await monitor.poll("a")
    assert recovered.status == "new" and recovered.new == 2
    _, state = source_store.get_source(monitor.db, "a")
    assert state.error_count == 0 and state.last_error is None


@pytest.mark.parametrize("fault", [dict(status=404), dict(reset=True), dict(huge=True),
                                   dict(redirect="/b.xml")])  # a redirect to itself
async def test_bad_sources_record_reason_and_keep_archive(world, fault):
    monitor, server, clock = world
    await monitor.poll_all()
    before = statement_store.count_statements(monitor.db)
    server.set_fault("/b.xml", **fault)
    server.set_content("/b.xml", b"changed", content_type="text/plain")
    clock.advance(minutes=5)
    outcomes = {o.source: o for o in await monitor.poll_all()}
    assert outcomes["b"].status == "error" and outcomes["b"].reason
    assert statement_store.count_statements(monitor.db) == before


async def test_malformed_body_is_a_recorded_reason(world):
    monitor, server, _ = world
    server.set_content("/b.xml", b"<rss><channel><item><title>broken", content_type="application/rss+xml")
    server.set_content("/a.xml", b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]><rss>&a;</rss>",
                       content_type="application/rss+xml")
    outcomes = {o.source: o for o in await monitor.poll_all()}
    assert outcomes["a"].status == "error" and "entities" in outcomes["a"].reason
    _, state = source_store.get_source(monitor.db, "a")
    assert "entities" in state.last_error


async def test_a_cycle_commits_in_groups_and_a_failed_store_loses_only_its_source(
        tmp_path, feed_server, monkeypatch):
    names = [f"s{i}" for i in range(12)]
    for n in names:
        feed_server.set_content(f"/{n}.xml", rss((f"{n}-1", f"Statement {n}")),
                                content_type="application/rss+xml")
    db = open_db(tmp_path / "t.db")
    sync_sources(db, parse_sources("".join(
        f'[[sources]]\nname = "{n}"\nkind = "rss"\nurl = "{feed_server.url(f"/{n}.xml")}"\n'
        for n in names), origin="t"), now=T0)
    client = make_client(connect_timeout=2, read_timeout=2)
    monitor = Monitor(db, Fetcher(client, allow_private=True), clock=Clock(T0), parser=InlineParser())
    real = scheduler_module.pipeline.ingest_batch

    def ingest_then_fail_for_s3(db, statements, *, now, **options):
        batch = real(db, statements, now=now, **options)  # written, then the bug: all of it must go
        if statements and statements[0].source == "s3":
            raise RuntimeError("bug in s3's batch")
        return batch

    monkeypatch.setattr(scheduler_module.pipeline, "ingest_batch", ingest_then_fail_for_s3)
    outcomes = {o.source: o for o in await monitor.poll_all()}
    assert outcomes["s3"].status == "error" and outcomes["s3"].reason == texts.store_failure("internal")
    assert all(outcomes[n].status == "new" for n in names if n != "s3")
    assert statement_store.count_statements(db) == 11
    assert source_store.get_source(db, "s3")[1].error_count == 1
    assert source_store.get_source(db, "s4")[1].etag is not None
    assert 1 <= monitor.writes.commits < len(names)  # shared commits, not one per source
    monkeypatch.setattr(scheduler_module.pipeline, "ingest_batch", real)
    assert (await monitor.poll("s3", force=True)).status == "new"  # stored on the next poll
    assert statement_store.count_statements(db) == 12
    await client.aclose()
    db.close()


CHUNKED_ITEMS, KEYWORD_CHATS, CHUNK = 30, 40, 100  # 41 per statement: 2 statements a chunk


def _poll_killed_in_write(db_path: str, kill_at: int) -> None:
    """A monitor process (spawned) polls everything and is killed (os._exit, no cleanup)
    inside its ``kill_at``-th write, while that write's transaction is open."""
    async def main() -> None:
        db = open_db(db_path)
        client = make_client(connect_timeout=2, read_timeout=2)
        monitor = Monitor(db, Fetcher(client, allow_private=True), clock=Clock(T0),
                          parser=InlineParser(), chunk_cost=CHUNK)
        real, writes = monitor.writes.write, 0

        async def write(work, **options):
            nonlocal writes
            writes += 1
            if writes < kill_at:
                return await real(work, **options)
            return await real(lambda db: (work(db), os._exit(9)), **options)

        monitor.writes.write = write  # type: ignore[method-assign]
        await monitor.poll_all()

    asyncio.run(main())


def _fan_out(db) -> tuple[int, int, int, int]:
    """Statements, their alerts, outbox rows, and distinct (statement, chat) pairs."""
    return db.execute(
        "SELECT (SELECT count(*) FROM statements), (SELECT count(*) FROM alerts), "
        "(SELECT count(*) FROM outbox), (SELECT count(*) FROM (SELECT DISTINCT a.statement_id, "
        "o.chat_id FROM outbox o JOIN alerts a ON a.id = o.alert_id))").fetchone()


async def test_a_batch_written_in_chunks_loses_and_doubles_nothing_across_a_kill(
        tmp_path, feed_server):
    """A batch over the chunk budget commits chunk by chunk; a kill inside the fourth chunk
    keeps the three before it whole, and the poll after the restart stores exactly the rest:
    each statement once, one alert each, one row per (statement, chat)."""
    items = [(f"k{i}", f"Trade statement {i}") for i in range(CHUNKED_ITEMS)]
    feed_server.set_content("/a.xml", rss(*items), content_type="application/rss+xml")
    path = tmp_path / "t.db"
    db = open_db(path)
    sync_sources(db, parse_sources(f'[[sources]]\nname = "a"\nkind = "rss"\n'
                                   f'url = "{feed_server.url("/a.xml")}"\n', origin="t"), now=T0)
    for chat in range(1, KEYWORD_CHATS + 1):
        chats.add_subscription(db, chat, "keyword", "trade", now=T0)
    db.close()
    child = multiprocessing.get_context("spawn").Process(
        target=_poll_killed_in_write, args=(str(path), 4))
    child.start()
    while child.is_alive():  # the feed server runs on this loop
        await asyncio.sleep(0.05)
    assert child.exitcode == 9
    db = open_db(path)
    assert _fan_out(db) == (6, 6, 6 * KEYWORD_CHATS, 6 * KEYWORD_CHATS)
    assert source_store.get_source(db, "a")[1].etag is None  # validators not recorded yet
    client = make_client(connect_timeout=2, read_timeout=2)
    again = Monitor(db, Fetcher(client, allow_private=True), clock=Clock(T0),
                    parser=InlineParser(), chunk_cost=CHUNK)
    outcome = await again.poll("a", force=True)
    assert (outcome.status, outcome.new) == ("new", CHUNKED_ITEMS - 6)
    total = CHUNKED_ITEMS * KEYWORD_CHATS
    assert _fan_out(db) == (CHUNKED_ITEMS, CHUNKED_ITEMS, total, total)
    assert source_store.get_source(db, "a")[1].etag is not None
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    await client.aclose()
    db.close()


async def test_restart_resumes_validators_and_schedule(world, tmp_path):
    monitor, server, clock = world
    await monitor.poll_all()
    # a new process: new connection, new client, same file
    db2 = open_db(tmp_path / "t.db")
    client = make_client()
    again = Monitor(db2, Fetcher(client, allow_private=True), clock=clock, parser=InlineParser())
    assert (await again.poll("a")).status == "skipped"  # next_poll_at survived
    clock.advance(minutes=5)
    assert (await again.poll("a")).status == "not_modified"  # ETag survived
    await client.aclose()
    db2.close()


async def test_schedule_one_job_per_source(world):
    monitor, _, clock = world
    source_store.record_success(monitor.db, "a", now=T0, next_poll_at=T0 + timedelta(hours=2),
                                etag=None, last_modified=None, last_seen_key=None)
    scheduler = AsyncIOScheduler(timezone="UTC")
    monitor.clock = lambda: datetime.now(UTC)
    monitor.schedule(scheduler)
    jobs = {j.id: j for j in scheduler.get_jobs()}
    assert set(jobs) == {"poll:a", "poll:b"}
    job = jobs["poll:a"]
    assert job.max_instances == 1 and job.coalesce and job.misfire_grace_time == 300
    assert job.trigger.interval == timedelta(minutes=5) and job.trigger.jitter == 30


# ---- scheduling lag ------------------------------------------------------------------------

async def test_a_scheduled_poll_records_its_lag(world):
    monitor, _, _ = world
    monitor.clock = lambda: datetime.now(UTC)
    scheduler = AsyncIOScheduler(timezone="UTC")
    monitor.schedule(scheduler)
    monitor.schedule(scheduler)  # twice: still one listener
    done = asyncio.Event()
    real_poll = monitor._poll

    async def poll_and_count(source, state):
        outcome = await real_poll(source, state)
        if monitor.poll_lag().count == 2:
            done.set()
        return outcome

    monitor._poll = poll_and_count
    scheduler.start()
    started = datetime.now(UTC)
    try:
        for job in scheduler.get_jobs():  # both due now (schedule() jitters the first run)
            job.modify(next_run_time=started)
        await asyncio.wait_for(done.wait(), timeout=20)
    finally:
        scheduler.shutdown(wait=False)
    lag = monitor.poll_lag()
    elapsed = (datetime.now(UTC) - started).total_seconds()
    assert lag.count == 2 and lag.missed == 0
    assert 0 <= lag.p50 <= lag.p95 <= lag.max <= elapsed
    assert monitor._scheduled == {}  # consumed by the polls


async def test_a_forced_or_unscheduled_poll_records_no_lag(world):
    monitor, _, _ = world
    now = datetime.now(UTC).timestamp()
    monitor._scheduled["a"] = (now, time.monotonic())  # as if its job had been submitted
    await monitor.poll_all()  # forced: neither records nor consumes the scheduled time
    await monitor.poll("b")  # not forced, but no job submitted it
    assert monitor.poll_lag() == PollLag(0, None, None, None, 0)
    assert "a" in monitor._scheduled


async def test_lag_window_is_bounded(world):
    monitor, _, clock = world
    assert monitor._lags.maxlen == scheduler_module.LAG_WINDOW == 1000
    monitor._lags = deque(maxlen=3)  # the same with a window of 3, to keep the test short
    now = datetime.now(UTC).timestamp()
    for lag in (50, 1, 2, 3, 4):  # the 50 s one falls out of the window
        clock.advance(minutes=10)
        monitor._scheduled["a"] = (now - lag, time.monotonic() - lag)
        assert (await monitor.poll("a")).status != "skipped"
    lag = monitor.poll_lag()
    assert lag.count == 3 and 4 <= lag.max < 50 and 3 <= lag.p50 < 4


def test_missed_runs_are_counted_and_forgotten(world):
    monitor, _, _ = world
    at = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
    monitor._on_job_event(JobSubmissionEvent(EVENT_JOB_SUBMITTED, "poll:a", "default", [at]))
    monitor._on_job_event(JobSubmissionEvent(EVENT_JOB_SUBMITTED, "health", "default", [at]))
    assert set(monitor._scheduled) == {"a"} and monitor._scheduled["a"][0] == at.timestamp()
    monitor._on_job_event(JobExecutionEvent(EVENT_JOB_MISSED, "poll:a", "default", at))
    assert monitor._scheduled == {} and monitor.poll_lag().missed == 1


async def test_a_clock_step_after_submission_is_not_lag(world, monkeypatch):
    from types import SimpleNamespace

    monitor, _, _ = world
    at = datetime.now(UTC) - timedelta(seconds=5)  # submitted 5 s late
    monitor._on_job_event(JobSubmissionEvent(EVENT_JOB_SUBMITTED, "poll:a", "default", [at]))
    stepped = SimpleNamespace(time=lambda: time.time() + 3600, monotonic=time.monotonic)
    monkeypatch.setattr(scheduler_module, "time", stepped)  # the wall clock jumps an hour
    assert (await monitor.poll("a")).status == "new"
    assert 5 <= monitor.poll_lag().max < 60


async def test_a_failure_is_recorded_off_the_loop_while_another_writer_holds_the_lock(
        world, tmp_path):
    """A failing source's record waits for SQLite's write lock in the group commit's thread,
    not on the event loop: while another connection holds the lock (as the writer thread does
    during a big chunk), the loop goes on, and the failure is stored once the lock is free.
    (Recorded on the loop's own connection, the loop sat in SQLite's busy wait until the
    timeout and the failure was lost.)"""
    monitor, server, _ = world
    server.set_fault("/a.xml", status=503, times=1)
    holder = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the write lock, as a long chunk holds it
    try:
        poll = asyncio.create_task(monitor.poll("a", force=True))
        while server.requests["/a.xml"] == 0:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.3)  # on the loop, the record would sit in SQLite's busy wait (5 s)
        assert not poll.done()  # ... so this sleep would end after the poll, not before
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    outcome = await poll
    assert outcome.status == "error" and "503" in outcome.reason
    _, state = source_store.get_source(monitor.db, "a")
    assert state.error_count == 1 and "503" in state.last_error


async def test_a_polled_batch_is_extracted_and_matched_off_the_event_loop(world, monkeypatch):
    """Extraction and keyword matching of a polled batch run in a worker thread (with its own
    read connection), not on the event loop; the alerts are the same."""
    from diplowatch import pipeline
    from diplowatch.store import chats
    from diplowatch.store.keywords import KeywordIndex

    monitor, _, _ = world
    chats.add_subscription(monitor.db, 7, "keyword", "statement", now=T0)
    threads: list[str] = []
    real_extract, real_match = pipeline.extract, KeywordIndex.match

    def extract(text, lang=None):
        threads.append(threading.current_thread().name)
        return real_extract(text, lang)

    def match(self, text):
        threads.append(threading.current_thread().name)
        return real_match(self, text)

    monkeypatch.setattr(pipeline, "extract", extract)
    monkeypatch.setattr(KeywordIndex, "match", match)
    outcomes = await monitor.poll_all()
    assert sum(o.new for o in outcomes) == 3
    assert len(threads) == 6 and threading.main_thread().name not in threads
    sent = {r["title"] for r in monitor.db.query(
        "SELECT s.title FROM outbox o JOIN alerts a ON a.id = o.alert_id "
        "JOIN statements s ON s.id = a.statement_id WHERE o.chat_id = 7")}
    assert sent == {"Second statement", "Statement B"}


# ---- progress of a poll round (issue 15) ---------------------------------------------------

def progress_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.name == "diplowatch.scheduler" and r.levelno == logging.INFO]


async def test_a_poll_round_names_each_source_as_it_finishes(world, caplog):
    """The slow source finishes last; each line names its source and counts the round."""
    monitor, server, _ = world
    server.set_fault("/a.xml", delay=0.5)
    with caplog.at_level(logging.INFO, logger="diplowatch.scheduler"):
        await monitor.poll_all()
    lines = progress_lines(caplog)
    assert lines[:2] == ["polled 1/2 source=b: 1 new", "polled 2/2 source=a: 2 new"]
    assert re.fullmatch(r"poll done: 2 sources in \d+ s \(0 failed\)", lines[2])


async def test_the_first_scheduled_round_is_logged_then_polls_are_quiet(world, caplog):
    monitor, server, clock = world
    source_store.record_success(monitor.db, "a", now=T0, next_poll_at=T0 + timedelta(hours=2),
                                etag=None, last_modified=None, last_seen_key=None)
    monitor.schedule(AsyncIOScheduler(timezone="UTC"))  # a is not due: not in the first round
    server.set_fault("/b.xml", status=503)
    with caplog.at_level(logging.INFO, logger="diplowatch.scheduler"):
        await monitor.poll("b")
        clock.advance(minutes=20)
        await monitor.poll("b")
        await monitor.poll("a")
    lines = progress_lines(caplog)
    assert lines[0].startswith("polled 1/1 source=b: FAILED: HTTP 503")
    assert re.fullmatch(r"first poll done: 1 source in \d+ s \(1 failed\)", lines[1])
    assert len(lines) == 2  # later polls: DEBUG only (and a failure's WARNING)


def test_a_large_round_logs_progress_at_most_every_few_seconds(caplog):
    now = [0.0]
    names = [f"s{i}" for i in range(1000)]
    progress = RoundProgress(names, every=5.0, clock=lambda: now[0])
    with caplog.at_level(logging.INFO, logger="diplowatch.scheduler"):
        for i, name in enumerate(names):
            now[0] = i * 0.1  # 100 s in all
            progress.polled(PollOutcome(name, "new", 1))
        progress.polled(PollOutcome("s1", "new", 1))  # not twice
        progress.polled(PollOutcome("other", "new", 1))  # not of the round
    lines = progress_lines(caplog)
    assert lines[0] == "polled 51/1,000 sources…" and lines[1] == "polled 101/1,000 sources…"
    assert len(lines) == 20 and lines[-1] == "first poll done: 1,000 sources in 100 s (0 failed)"
    assert progress.finished


async def test_a_database_error_before_the_write_is_recorded_in_words(world, monkeypatch):
    """Reading what is stored already fails (the poll's fetch step): the source records what
    happened in words, and /sources shows no exception class (it used to: 'internal error:
    OperationalError')."""
    monitor, _server, _clock = world

    async def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(scheduler_module, "fetch_source", locked)
    outcome = await monitor.poll("a", force=True)
    assert outcome.reason == texts.store_failure("database")
    shown = texts.sources_html(source_store.list_sources(monitor.db), now=T0 + timedelta(hours=1))
    assert "a database error (details in the log)" in shown and "OperationalError" not in shown


async def test_a_bug_while_fetching_is_recorded_without_blaming_the_database(world, monkeypatch):
    """A poll that crashes before anything is stored (a bug in fetching or parsing) records that
    the poll failed, not that statements could not be stored."""
    monitor, _server, _clock = world

    async def crash(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(scheduler_module, "fetch_source", crash)
    outcome = await monitor.poll("a", force=True)
    assert outcome.status == "error" and outcome.reason == texts.POLL_CRASHED
    _, state = source_store.get_source(monitor.db, "a")
    assert state.last_error == texts.POLL_CRASHED and "store" not in state.last_error
