"""The crash test's retraction mode: ``kill -9`` the real ``diplowatch run`` while it sends the
corrections of a retracted alert, and check that every chat that got the alert gets its
correction, as a reply to it, with no more repeats than the sends in flight.

Each run starts from a fresh database: ``--chats`` private chats follow the DPR; an official
source's statement that Togo recognizes it is ingested (real extractor) and the alert is
broadcast by a first ``diplowatch run`` (stopped by SIGTERM once drained). Then the act is taken
back, alternately

- ``admin``: an administrator sends ``/retract <id>`` to the running bot (through the fake
  Bot API's getUpdates; a kill before the update is confirmed makes Telegram send it again,
  which must not queue a second correction);
- ``denial``: Togo's own ministry (an official source with ``state = "TG"``) says it does not
  recognize the DPR, ingested while the bot is down,

and the bot is killed after a random number of corrections went out, ``--kills-per-run`` times,
then run until the outbox is drained. Checks: the database's integrity after each kill; one
correction alert, its outbox rows all sent; each chat's correction count (0 is a failure, >1 a
repeat, at most the sender's in-flight sends per kill); each correction replies to the chat's
alert; the ledger back to "no recorded position".
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import signal
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tests.fakes.bot_api import FakeBotAPI

from .config import TOKEN, ChaosConfig, Life
from .harness import Chaos
from .moments import Feeds
from .retraction_checks import ADMIN, CORRECTION, RetractionChecks

CLAIM = "Togo has officially recognized the independence of the Donetsk People's Republic."
DENIAL = "Togo does not recognize the Donetsk People's Republic, the Ministry of Foreign Affairs of Togo said."
FIRST_CHAT = 300_000


@dataclass
class RetractionConfig:
    runs: int = 10
    chats: int = 1000
    kills_per_run: int = 3
    send_rate: float = 500.0
    seed: int | None = None
    workdir: Path | None = None
    quiet: bool = False
    timeout: float = 180.0  # per phase


@dataclass
class RunResult:
    index: int
    how: str  # admin | denial
    kills: list[str] = field(default_factory=list)  # what was going on at each kill
    corrections_per_chat: Counter = field(default_factory=Counter)  # corrections → chats
    repeats_by_kill: dict[int, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


class _Run(RetractionChecks, Chaos):
    """One run: the kill-test machinery (spawn, reap, kill) on a world of one feed."""

    def __init__(self, cfg: RetractionConfig, index: int, rng: random.Random, workdir: Path) -> None:
        super().__init__(ChaosConfig(kills=cfg.kills_per_run, chats=0, rss_sources=1, telegram_sources=0,
                                     send_rate=cfg.send_rate, workdir=workdir, quiet=True,
                                     startup_timeout=cfg.timeout))
        self.rcfg, self.rng = cfg, rng
        self.result = RunResult(index, "admin" if index % 2 else "denial")
        self.chats = [FIRST_CHAT + i for i in range(cfg.chats)]

    def _env(self) -> dict[str, str]:
        return {**super()._env(), "DIPLOWATCH_ADMIN_IDS": str(ADMIN)}

    def fail(self, message: str) -> None:
        self.result.problems.append(message)

    # ---------------------------------------------------------------- the world

    def _prepare(self) -> int:
        """Sources, chats and the claim, ingested; returns the claim's event id."""
        from diplowatch import pipeline
        from diplowatch.models import AlertPolicy, Statement
        from diplowatch.store import open_db
        from diplowatch.store.chats import add_subscription, upsert_chat

        assert self.feeds is not None
        self.feeds.set_content("/feeds/mfa-tg.xml", b'<?xml version="1.0"?><rss version="2.0"><channel>'
                               b"<title>MFA</title></channel></rss>", content_type="application/rss+xml")
        mfa = (f'\n[[sources]]\nname = "mfa-tg"\nkind = "rss"\nurl = "{self.feeds.url("/feeds/mfa-tg.xml")}"\n'
               'interval = "1m"\nofficial = true\nstate = "TG"\n')
        (self.workdir / "sources.toml").write_text(self.world.sources_toml(self.feeds) + mfa)
        self._setup_db()
        now = datetime.now(UTC)
        db = open_db(self.db_path)
        try:
            with db.atomic():
                for chat in [ADMIN, *self.chats]:
                    upsert_chat(db, chat, type="private", title="", now=now)
                for chat in self.chats:
                    add_subscription(db, chat, "entity", "donetsk-pr", now=now)
            claim = Statement("feed00", "guid:claim", "https://press.example.org/claim", "Statement", CLAIM,
                              lang="en", published_at=now)
            pipeline.ingest(db, [claim], now=now, policy=AlertPolicy())
            row = next(db.query("SELECT id FROM events WHERE act = 'recognize' AND actor = 'TG'"
                                " AND target = 'donetsk-pr'"), None)
        finally:
            db.close()
        if row is None:
            raise RuntimeError("the extractor did not read the claim")
        return row["id"]

    def _deny(self) -> None:
        from diplowatch import pipeline
        from diplowatch.models import AlertPolicy, Statement
        from diplowatch.store import open_db

        now = datetime.now(UTC)
        db = open_db(self.db_path)
        try:
            denial = Statement("mfa-tg", "guid:denial", "https://mfa.example.tg/denial", "Statement", DENIAL,
                               lang="en", published_at=now)
            pipeline.ingest(db, [denial], now=now, policy=AlertPolicy())
        finally:
            db.close()

    # ---------------------------------------------------------------- lives

    def _corrections_sent(self) -> int:
        assert self.api is not None
        return sum(1 for m in self.api.messages if m.text and m.text.startswith(CORRECTION))

    async def _until(self, condition, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._alive():
            if condition():
                return True
            await asyncio.sleep(0.005)
        return condition()

    async def _stop(self, life: Life) -> None:
        assert self.proc is not None
        if self._alive():
            self.proc.send_signal(signal.SIGTERM)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.proc.wait(), 60)
        self._kill(life)
        await self._reap(life, self.proc)

    async def _drained_life(self, index: int, what: str) -> None:
        """Run until nothing is pending and the sender has been quiet for 2 s; SIGTERM."""
        life = Life(index, what)
        self.proc = await self._spawn("run")
        life.started = time.monotonic()
        await self._wait_started(life)
        quiet_since, count = time.monotonic(), len(self.api.messages)
        deadline = time.monotonic() + self.rcfg.timeout
        while time.monotonic() < deadline and self._alive():
            await asyncio.sleep(0.25)
            if len(self.api.messages) != count:
                quiet_since, count = time.monotonic(), len(self.api.messages)
            if time.monotonic() - quiet_since > 2 and self._pending_live() == 0:
                break
        else:
            self.fail(f"{what}: not drained in {self.rcfg.timeout:.0f}s ({self._pending_live()} pending)")
        await self._stop(life)

    async def _killed_life(self, index: int, event_id: int, *, retract: bool) -> None:
        """Start, (send /retract), kill -9 after a random number of corrections went out."""
        assert self.api is not None
        life = Life(index, "correction")
        before = self._corrections_sent()
        self.proc = await self._spawn("run")
        life.started = time.monotonic()
        await self._wait_started(life)
        if retract:
            self.api.inject_message(ADMIN, f"/retract {event_id} the ministry denied it", user_id=ADMIN)
        left = max(0, len(self.chats) - before)
        more = self.rng.randint(0, left)
        reached = await self._until(lambda: self._corrections_sent() >= before + more, self.rcfg.timeout)
        pending = self._pending_live()
        self._kill(life)
        await self._reap(life, self.proc)
        self.result.kills.append(f"{self._corrections_sent() - before} corrections in, {pending} pending"
                                 + ("" if reached else " (target not reached)"))
        self._integrity(index)

    async def run(self) -> RunResult:  # type: ignore[override]
        self.api = FakeBotAPI(token=TOKEN, rate_limit=self.rcfg.send_rate)
        self.feeds = Feeds(self._on_request)
        await self.api.start()
        await self.feeds.start()
        try:
            self.world.serve_all(self.feeds)
            event_id = self._prepare()
            await self._drained_life(0, "broadcast")
            if self.result.how == "denial":
                self._deny()
            starts = []
            for k in range(1, self.rcfg.kills_per_run + 1):
                starts.append(time.monotonic())
                await self._killed_life(k, event_id, retract=self.result.how == "admin" and k == 1)
            starts.append(time.monotonic())
            await self._drained_life(self.rcfg.kills_per_run + 1, "final")
            self._check(starts[1:])
        finally:
            if self.proc is not None and self.proc.returncode is None:
                self.proc.kill()
                await self.proc.wait()
            await self.feeds.stop()
            await self.api.stop()
        return self.result


async def run_retraction_chaos(cfg: RetractionConfig) -> list[RunResult]:
    import shutil
    import tempfile

    logging.getLogger("aiohttp").setLevel(logging.CRITICAL)  # a killed client's reset connections
    seed = cfg.seed if cfg.seed is not None else random.SystemRandom().randrange(2**31)
    rng = random.Random(seed)
    root = Path(cfg.workdir or tempfile.mkdtemp(prefix="diplowatch-chaos-retraction-"))
    results = []
    for index in range(1, cfg.runs + 1):
        result = await _Run(cfg, index, rng, root / f"run{index:02d}").run()
        results.append(result)
        if not cfg.quiet:
            print(summary_line(result), flush=True)
    if cfg.workdir is None and all(not r.problems for r in results):
        shutil.rmtree(root, ignore_errors=True)
    if not cfg.quiet:
        print(f"seed={seed} work directory: {root}")
    return results


def summary_line(r: RunResult) -> str:
    per_chat = ", ".join(f"{n}×{c}" for n, c in sorted(r.corrections_per_chat.items()))
    verdict = "ok" if not r.problems else "FAIL: " + "; ".join(r.problems[:3])
    return (f"run {r.index:>2} {r.how:<6} kills [{' | '.join(r.kills)}] corrections per chat "
            f"{{{per_chat}}} repeats {r.repeats_by_kill or 0}  {verdict}")
