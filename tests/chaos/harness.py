"""The crash test: ``kill -9`` the real ``diplowatch run`` at chosen moments and check that
nothing committed is lost, every subscriber gets every alert, and duplicates stay rare.

One asyncio loop in this process runs the fake Bot API (tests/fakes/bot_api/), a FeedServer
whose feeds and channels keep publishing (world.py), and the kill loop. ``diplowatch run`` is a
child process in its own process group, so the parse workers it leaves behind can be found.

Kill moments (``MODES``):

- ``poll``: a random 0–1000 ms after a source was served new content (fetch, parse in the
  worker, ingest, commit, record_success all fall in that window);
- ``commit``: inside a write transaction: once, after a source was served new content, the
  bot holds SQLite's WAL write lock (at first sight, or after it has held it for a random
  0.5–5 ms without a break: the long transactions are ingests with their outbox rows; the lock is
  read with ``F_GETLK`` on the -shm file's WAL_WRITE_LOCK byte);
- ``broadcast``: after a random number (0–800) of messages went out in this life;
- ``startup``: 0.2–3 s after the process started (imports, migrations, getMe, first polls);
- ``random``: 1–20 s after the process started.

After each kill the database files are copied (the next life starts from the untouched crash
state) and the copy is checked: ``PRAGMA integrity_check``, foreign keys, the FTS index;
every statement and every 'sent' mark the test saw committed before the kill is still there;
every alert has exactly the outbox rows its subscribers call for; every stored recognition has
its alert. At the end ``diplowatch poll --once`` fetches what is left, a last ``diplowatch run``
drains the outbox and stops on SIGTERM, and the fake server's log is matched against the outbox:
each (chat, alert) delivered at least once, duplicates counted and charged to the kill before
the resend.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import shutil
import tempfile
import time
from pathlib import Path

from tests.fakes.bot_api import FakeBotAPI

from .config import TOKEN, ChaosConfig, FeedHit, Life
from .deliveries import match_deliveries
from .invariants import Invariants
from .moments import Feeds, Moments
from .processes import Processes
from .report import Report, Reporting
from .workload import Workload
from .world import World


class Chaos(Processes, Invariants, Moments, Workload, Reporting):
    """One crash test: the lives of ``diplowatch run``, each killed at its moment, then a drain."""

    def __init__(self, config: ChaosConfig) -> None:
        self.cfg = config
        seed = config.seed if config.seed is not None else random.SystemRandom().randrange(2**31)
        self.seed = seed
        self.rng = random.Random(seed)
        self.world = World(random.Random(seed + 1), rss=config.rss_sources,
                           telegram=config.telegram_sources, chats=config.chats)
        self.workdir = Path(config.workdir or tempfile.mkdtemp(prefix="diplowatch-chaos-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.db_path = self.workdir / "diplowatch.db"
        self.log_path = self.workdir / "diplowatch.log"
        self.lives: list[Life] = []
        self.problems: list[str] = []
        # Committed state seen so far (live reads before kills, copies after them).
        self.seen_statements: dict[int, tuple[str, str]] = {}
        self.seen_sent: set[int] = set()
        self.seen_alerts: dict[int, int] = {}  # alert id → outbox rows
        self.hits: list[FeedHit] = []
        self.watching_hits = False
        self.api: FakeBotAPI | None = None
        self.feeds: Feeds | None = None
        self.proc: asyncio.subprocess.Process | None = None
        self.integrity_checks = 0
        self.integrity_ok = 0

    def say(self, message: str) -> None:
        if not self.cfg.quiet:
            print(message, flush=True)

    def problem(self, life: Life | None, message: str) -> None:
        text = f"kill {life.index}: {message}" if life and life.index else message
        self.problems.append(text)
        if life is not None:
            life.problems.append(message)
        self.say(f"  PROBLEM {text}")

    async def run(self) -> Report:
        cfg = self.cfg
        logging.getLogger("aiohttp").setLevel(logging.CRITICAL)
        self.say(f"chaos: seed={self.seed} kills={cfg.kills} chats={cfg.chats} "
                 f"sources={cfg.rss_sources}+{cfg.telegram_sources} rate={cfg.send_rate:g}/s "
                 f"workdir={self.workdir}")
        started = time.monotonic()
        self.api = FakeBotAPI(token=TOKEN, rate_limit=cfg.send_rate)
        self.feeds = Feeds(self._on_request)
        await self.api.start()
        await self.feeds.start()
        publisher: asyncio.Task | None = None
        try:
            self._seed_world()
            publisher = asyncio.create_task(self._publish())
            await self._lives()
            await _cancel(publisher)
            publisher = None
            published_final = list(self.world.published)
            await self._final()
            self._check_all_published(published_final)
            deliveries, by_kill = self._deliveries()
        finally:
            if publisher is not None:
                await _cancel(publisher)
            if self.proc is not None and self.proc.returncode is None:
                self.proc.kill()
                await self.proc.wait()
            await self.feeds.stop()
            await self.api.stop()
        return self._report(deliveries, by_kill, time.monotonic() - started)

    async def _lives(self) -> None:
        for index, mode in enumerate(self._modes(), start=1):
            await self._life(index, mode)
            if any("exited by itself" in p for p in self.lives[-1].problems):
                break
            await asyncio.sleep(self.rng.uniform(0, 0.5))  # down for a moment

    async def _start_life(self, index: int, mode: str) -> tuple[Life, int]:
        """Spawn ``diplowatch run``; the life and the messages delivered before it."""
        assert self.api is not None
        life = Life(index, mode)
        messages_before = len(self.api.messages)
        self.proc = await self._spawn("run")
        life.pid, life.started = self.proc.pid, time.monotonic()
        self.lives.append(life)
        return life, messages_before

    async def _life(self, index: int, mode: str) -> Life:
        assert self.api is not None
        life, messages_before = await self._start_life(index, mode)
        hit = await self._moment(life)
        if life.killed is None:  # died before the kill
            life.killed = time.monotonic()
            self.problem(life, f"diplowatch exited by itself with code {self.proc.returncode} "
                               f"(see {self.log_path})")
        await self._reap(life, self.proc)
        life.messages = len(self.api.messages) - messages_before
        before_keys = set(self.seen_statements.values())
        self._record_state(life, self._check_db(self._copy_db(), life))
        if hit is not None:
            self._batch_fate(life, hit, before_keys)
        if life.orphans:
            self.say(f"  note: {life.orphans} process(es) of the killed group outlived it by 5 s")
        self.say(f"kill {index:>2} {mode:<9} up {life.up:5.1f}s  {life.moment}  {life.batch}  "
                 f"stmts={life.statements} alerts={life.alerts} sent={life.sent}/{life.outbox} "
                 f"msgs={life.messages} integrity={life.integrity}")
        return life

    def _batch_fate(self, life: Life, hit: FeedHit, before_keys: set[tuple[str, str]]) -> None:
        """The batch being ingested at the kill: committed whole or rolled back, never in part."""
        after_keys = set(self.seen_statements.values())
        new = {(hit.source, k) for k in hit.new_keys} - before_keys
        landed = new & after_keys
        if not new:
            life.batch = "committed before kill"
        elif not landed:
            life.batch = f"{len(new)} new: rolled back"
        elif landed == new:
            life.batch = f"{len(new)} new: committed"
        else:
            life.batch = f"PARTIAL {len(landed)}/{len(new)}"
            self.problem(life, f"a poll's batch committed in part: {len(landed)} of "
                               f"{len(new)} statements of {hit.source}")

    @staticmethod
    def _record_state(life: Life, state: dict) -> None:
        life.statements, life.alerts, life.outbox = (
            state["statements"], state["alerts"], state["outbox"])
        life.sent = state["states"].get("sent", 0)
        life.pending = state["states"].get("pending", 0)

    async def _final(self) -> Life:
        """poll --once for what is left, then run until the outbox is drained; SIGTERM."""
        assert self.api is not None
        await self._final_poll()
        life, messages_before = await self._start_life(len(self.lives) + 1, "final")
        await self._wait_started(life)
        await self._drain(life)
        life.moment = "drain, then SIGTERM"
        await self._terminate(life)
        life.killed = life.killed or time.monotonic()
        await self._reap(life, self.proc)
        life.messages = len(self.api.messages) - messages_before
        state = self._check_db(self.db_path, life, final=True)
        self._record_state(life, state)
        others = {k: v for k, v in state["states"].items() if k != "sent"}
        if others:
            self.problem(life, f"outbox rows not sent at the end: {others}")
        self.say(f"final        drained in {life.up:5.1f}s  stmts={life.statements} "
                 f"alerts={life.alerts} sent={life.sent}/{life.outbox} msgs={life.messages} "
                 f"integrity={life.integrity}")
        return life

    async def _final_poll(self) -> None:
        proc = await self._spawn("poll", "--once")
        try:
            code = await asyncio.wait_for(proc.wait(), 180)
        except TimeoutError:
            proc.kill()
            await proc.wait()
            code = None
        if code != 0:
            self.problem(None, f"final `diplowatch poll --once` exited with {code}")

    async def _drain(self, life: Life) -> None:
        """Until no message came for 2 s and no outbox row is pending (or the drain timeout)."""
        assert self.api is not None
        deadline = time.monotonic() + self.cfg.drain_timeout
        quiet_since, last_count = time.monotonic(), len(self.api.messages)
        while time.monotonic() < deadline and self._alive():
            await asyncio.sleep(0.5)
            if len(self.api.messages) != last_count:
                quiet_since, last_count = time.monotonic(), len(self.api.messages)
            if time.monotonic() - quiet_since > 2 and self._pending_live() == 0:
                break
        else:
            if self._alive():
                self.problem(life, f"outbox not drained in {self.cfg.drain_timeout:.0f}s "
                                   f"({self._pending_live()} rows pending)")

    def _deliveries(self) -> tuple[dict, dict[int, int]]:
        assert self.api is not None
        starts = [life.started for life in self.lives]
        return match_deliveries(self.db_path, self.api.messages, starts)


async def _cancel(task: asyncio.Task) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def run_chaos(config: ChaosConfig) -> Report:
    chaos = Chaos(config)
    report = await chaos.run()
    if report.ok and not config.keep and config.workdir is None:
        shutil.rmtree(chaos.workdir, ignore_errors=True)
    return report
