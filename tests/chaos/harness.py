"""The crash test: ``kill -9`` the real ``diplowatch run`` at chosen moments and check that
nothing committed is lost, every subscriber gets every alert, and duplicates stay rare.

One asyncio loop in this process runs the fake Bot API (tests/fakes/bot_api.py), a FeedServer
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
import bisect
import contextlib
import fcntl
import json
import logging
import os
import random
import shutil
import signal
import sqlite3
import struct
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiohttp import web

from tests.fakes.bot_api import FakeBotAPI
from tests.fakes.feed_server import FeedServer

from .world import Item, World

TOKEN = "123456:ABCDEFabcdef_fake_token_000000000"
MODES = ("poll", "commit", "broadcast", "startup", "random")
SENDER_MAX_IN_FLIGHT = 8  # diplowatch.delivery.Sender(max_in_flight=8), as bot.py builds it
WAL_WRITE_LOCK_BYTE = 120  # SQLite unix VFS: UNIX_SHM_BASE ((22 + 8) * 4) + WAL_WRITE_LOCK (0)


@dataclass
class ChaosConfig:
    kills: int = 20
    chats: int = 2000
    rss_sources: int = 30
    telegram_sources: int = 2
    send_rate: float = 500.0
    publish_every: float = 0.75  # mean seconds between two new statements
    recognition_share: float = 0.35
    seed: int | None = None
    workdir: Path | None = None
    keep: bool = False  # keep the work directory (always kept when the run fails)
    modes: list[str] | None = None  # kill moments, in order; default: rounds of MODES shuffled
    # Target for duplicate (chat, alert) deliveries, on average per kill; None: report only.
    # Whatever this says, a kill may never repeat more messages than the sender has in flight.
    # Targets, on average per kill. A "duplicate" is a repeated message, the notification a
    # subscriber sees twice; one message may carry several merged alerts, so the same repeat
    # counted per (chat, alert) is larger (docs/reliability.md). None: report only.
    max_repeated_messages_per_kill: float | None = 1.0
    max_duplicates_per_kill: float | None = None
    trigger_timeout: float = 45.0  # a kill waits at most this long for its moment
    startup_timeout: float = 60.0
    drain_timeout: float = 600.0
    quiet: bool = False


@dataclass
class Life:
    index: int
    mode: str
    pid: int = 0
    started: float = 0.0  # time.monotonic()
    killed: float | None = None
    moment: str = ""  # what was going on at the kill
    batch: str = ""  # poll/commit: fate of the batch being ingested
    statements: int = 0  # in the database after the kill
    alerts: int = 0
    outbox: int = 0
    sent: int = 0
    pending: int = 0
    messages: int = 0  # messages the fake Bot API received during this life
    orphans: int = 0  # processes of the group still alive 5 s after the kill
    integrity: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def up(self) -> float:
        return (self.killed or time.monotonic()) - self.started


@dataclass
class FeedHit:
    at: float
    source: str
    new_keys: set[str]  # served keys the database did not have when the request came in


@dataclass
class Report:
    config: dict
    workdir: str
    lives: list[Life]
    totals: dict
    duplicates_by_kill: dict[int, int]
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems

    def table(self) -> str:
        rows = [("kill", "mode", "up s", "moment", "batch", "stmts", "alerts", "outbox",
                 "sent", "msgs", "dups", "orph", "integrity", "result")]
        for life in self.lives:
            rows.append((
                str(life.index), life.mode, f"{life.up:.1f}", life.moment[:50], life.batch[:22],
                str(life.statements), str(life.alerts), str(life.outbox), str(life.sent),
                str(life.messages), str(self.duplicates_by_kill.get(life.index, 0)),
                str(life.orphans), life.integrity, "ok" if not life.problems else "FAIL",
            ))
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                 for r in rows]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(lines)

    def summary(self) -> str:
        t = self.totals
        out = [self.table(), ""]
        width = max(len(k) for k in t)
        for key, value in t.items():
            out.append(f"{key.ljust(width)}  {value}")
        out.append("")
        if self.problems:
            out.append(f"FAIL: {len(self.problems)} problem(s)")
            out += [f"  - {p}" for p in self.problems[:50]]
            if len(self.problems) > 50:
                out.append(f"  … and {len(self.problems) - 50} more")
        else:
            out.append("PASS")
        out.append(f"work directory: {self.workdir}")
        return "\n".join(out)


class _Feeds(FeedServer):
    """A FeedServer that tells the harness about each request before answering it."""

    def __init__(self, on_request: Callable[[web.Request], None]) -> None:
        super().__init__()
        self._on_request = on_request

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        self._on_request(request)
        return await super()._answer(request)


class Chaos:
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
        self.feeds: _Feeds | None = None
        self.proc: asyncio.subprocess.Process | None = None
        self.integrity_checks = 0
        self.integrity_ok = 0

    # ------------------------------------------------------------------ output

    def say(self, message: str) -> None:
        if not self.cfg.quiet:
            print(message, flush=True)

    def problem(self, life: Life | None, message: str) -> None:
        text = f"kill {life.index}: {message}" if life and life.index else message
        self.problems.append(text)
        if life is not None:
            life.problems.append(message)
        self.say(f"  PROBLEM {text}")

    # ------------------------------------------------------------------ setup

    def _env(self) -> dict[str, str]:
        assert self.api is not None
        env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
        env.update(
            DIPLOWATCH_TELEGRAM_TOKEN=TOKEN,
            DIPLOWATCH_TELEGRAM_API_URL=self.api.base_url,
            DIPLOWATCH_DB=str(self.db_path),
            DIPLOWATCH_SOURCES=str(self.workdir / "sources.toml"),
            DIPLOWATCH_ALLOW_PRIVATE_NETWORKS="1",
            DIPLOWATCH_SEND_RATE=str(self.cfg.send_rate),
            DIPLOWATCH_LOG_LEVEL="INFO",
            PTB_TIMEDELTA="1",
            PYTHONUNBUFFERED="1",
        )
        return env

    def _setup_db(self) -> None:
        """Create the database as a running bot would have it: sources (polls staggered over
        one interval, so that some source is due every couple of seconds) and subscribers."""
        from diplowatch.config import load_sources
        from diplowatch.store import iso, open_db
        from diplowatch.store.chats import add_subscription, upsert_chat
        from diplowatch.store.sources import sync_sources

        now = datetime.now(UTC)
        db = open_db(self.db_path)
        try:
            db.execute("PRAGMA synchronous = OFF")  # setup only
            sources = load_sources(self.workdir / "sources.toml")
            sync_sources(db, sources, now=now)
            step = 60 / max(1, len(sources))
            with db.atomic():
                for i, source in enumerate(sources):
                    due = now + timedelta(seconds=3 + i * step)
                    db.execute("UPDATE sources SET next_poll_at = ? WHERE name = ?",
                               [iso(due), source.name])
                for chat, subs in self.world.subscribers.subs.items():
                    upsert_chat(db, chat, type="private" if chat > 0 else "supergroup",
                                title="" if chat > 0 else f"Group {chat}", now=now)
                    for kind, value in subs:
                        add_subscription(db, chat, kind, value, now=now)
        finally:
            db.close()

    # ------------------------------------------------------------------ database reads

    def _read_live(self) -> sqlite3.Connection | None:
        if not self.db_path.exists():
            return None
        conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=10)
        conn.execute("PRAGMA busy_timeout = 10000")
        return conn

    def _snapshot(self) -> None:
        """What is committed now (read through a read-only connection while the bot runs)."""
        try:
            conn = self._read_live()
        except sqlite3.Error:
            return
        if conn is None:
            return
        try:
            last = max(self.seen_statements, default=0)
            for sid, source, key in conn.execute(
                "SELECT id, source, key FROM statements WHERE id > ?", [last]
            ):
                self.seen_statements[sid] = (source, key)
            self.seen_sent.update(
                r[0] for r in conn.execute("SELECT id FROM outbox WHERE state = 'sent'")
            )
            last_alert = max(self.seen_alerts, default=0)
            for aid, n in conn.execute(
                "SELECT a.id, (SELECT count(*) FROM outbox o WHERE o.alert_id = a.id) "
                "FROM alerts a WHERE a.id > ?", [last_alert]
            ):
                self.seen_alerts[aid] = n
        except sqlite3.Error as exc:  # e.g. the schema is not there yet (first seconds)
            if "no such table" not in str(exc):
                self.say(f"  note: live read failed: {exc}")
        finally:
            conn.close()

    def _statement_keys_live(self) -> set[tuple[str, str]]:
        """Incremental read of new statements; returns every (source, key) seen so far."""
        with contextlib.suppress(sqlite3.Error):
            conn = self._read_live()
            if conn is not None:
                try:
                    last = max(self.seen_statements, default=0)
                    for sid, source, key in conn.execute(
                        "SELECT id, source, key FROM statements WHERE id > ?", [last]
                    ):
                        self.seen_statements[sid] = (source, key)
                finally:
                    conn.close()
        return set(self.seen_statements.values())

    def _copy_db(self) -> Path:
        """The crashed files, copied: checks run on the copy, the next life on the original."""
        target = self.workdir / "check"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
        for suffix in ("", "-wal"):
            src = Path(f"{self.db_path}{suffix}")
            if src.exists():
                shutil.copyfile(src, target / src.name)
        return target / self.db_path.name

    def _check_db(self, path: Path, life: Life | None, *, final: bool = False) -> dict:
        """Integrity and the test's invariants on a stopped database; updates the seen state."""
        conn = sqlite3.connect(path)
        try:
            return self._check_conn(conn, life, final=final)
        finally:
            conn.close()

    def _check_conn(self, conn: sqlite3.Connection, life: Life | None, *, final: bool) -> dict:
        self.integrity_checks += 1
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        fts = "ok"
        try:
            conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            fts = str(exc)
        conn.rollback()
        ok = integrity == ["ok"] and not fk and fts == "ok"
        self.integrity_ok += ok
        if life is not None:
            life.integrity = "ok" if ok else "BAD"
        if integrity != ["ok"]:
            self.problem(life, f"integrity_check: {integrity[:5]}")
        if fk:
            self.problem(life, f"foreign_key_check: {len(fk)} rows, e.g. {fk[:3]}")
        if fts != "ok":
            self.problem(life, f"FTS integrity-check: {fts}")

        statements = {sid: (source, key) for sid, source, key in
                      conn.execute("SELECT id, source, key FROM statements")}
        lost = [sid for sid, sk in self.seen_statements.items() if statements.get(sid) != sk]
        if lost:
            self.problem(life, f"{len(lost)} committed statement(s) lost, e.g. "
                               f"{[self.seen_statements[i] for i in lost[:3]]}")
        states = dict(conn.execute("SELECT id, state FROM outbox"))
        unsent = [i for i in self.seen_sent if states.get(i) != "sent"]
        if unsent:
            self.problem(life, f"{len(unsent)} 'sent' mark(s) lost, e.g. outbox ids {unsent[:5]}")
        rows_per_alert = Counter(r[0] for r in conn.execute("SELECT alert_id FROM outbox"))
        changed = [a for a, n in self.seen_alerts.items() if rows_per_alert.get(a, 0) != n]
        if changed:
            self.problem(life, f"{len(changed)} alert(s) changed their outbox rows, e.g. {changed[:5]}")
        self._check_alerts(conn, statements, life)
        self.seen_statements = statements
        self.seen_sent = {i for i, s in states.items() if s == "sent"}
        self.seen_alerts = dict(rows_per_alert)
        counts = Counter(states.values())
        alerts = conn.execute("SELECT count(*) FROM alerts").fetchone()[0]
        return {"statements": len(statements), "alerts": alerts, "outbox": len(states),
                "states": dict(counts)}

    def _check_alerts(self, conn: sqlite3.Connection,
                      statements: dict[int, tuple[str, str]], life: Life | None) -> None:
        """Each stored recognition has exactly one alert, queued for exactly its subscribers;
        each stored statement of a followed source has its statement alert."""
        subscribers = self.world.subscribers
        by_key = {(item.source, item.key): item for item in self.world.published}
        recipients: dict[int, set[int]] = defaultdict(set)
        for alert_id, chat_id in conn.execute("SELECT alert_id, chat_id FROM outbox"):
            recipients[alert_id].add(chat_id)
        recognition_alerts: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
        statement_alerts: dict[int, list[int]] = defaultdict(list)
        for alert_id, kind, stmt, actor, target in conn.execute(
            "SELECT a.id, a.kind, a.statement_id, e.actor, e.target FROM alerts a "
            "LEFT JOIN events e ON e.id = a.event_id"
        ):
            if kind == "statement":
                statement_alerts[stmt].append(alert_id)
            else:
                recognition_alerts[stmt].append((alert_id, actor, target))
        bad = []
        for sid, (source, key) in statements.items():
            item = by_key.get((source, key))
            if item is None:
                bad.append(f"statement {source}/{key} was never published")
                continue
            found = recognition_alerts.get(sid, [])
            if item.pair:
                if [(a, t) for _, a, t in found] != [item.pair]:
                    bad.append(f"recognition {item.pair} in {source}/{key}: alerts {found}")
                for alert_id, actor, target in found:
                    want = subscribers.for_recognition(actor, target)
                    if recipients.get(alert_id, set()) != want:
                        got = recipients.get(alert_id, set())
                        bad.append(f"alert {alert_id} ({actor}→{target}): {len(got)} outbox rows, "
                                   f"{len(want)} subscribers ({len(want - got)} missing)")
            elif found:
                bad.append(f"unexpected recognition alert(s) for {source}/{key}: {found}")
            want = subscribers.for_statement(source)
            got_alerts = statement_alerts.get(sid, [])
            if want and len(got_alerts) != 1:
                bad.append(f"statement {source}/{key}: {len(got_alerts)} statement alerts, want 1")
            for alert_id in got_alerts:
                if recipients.get(alert_id, set()) != want:
                    bad.append(f"statement alert {alert_id}: rows for "
                               f"{len(recipients.get(alert_id, set()))} chats, want {len(want)}")
        for message in bad[:10]:
            self.problem(life, message)
        if len(bad) > 10:
            self.problem(life, f"… {len(bad) - 10} more alert problems")

    # ------------------------------------------------------------------ processes

    async def _spawn(self, *args: str) -> asyncio.subprocess.Process:
        with open(self.log_path, "ab") as log:
            log.write(f"\n===== chaos: diplowatch {' '.join(args)} at {datetime.now(UTC)}\n"
                      .encode())
            log.flush()
            return await asyncio.create_subprocess_exec(
                sys.executable, "-m", "diplowatch", *args, cwd=self.workdir, env=self._env(),
                stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=log,
                start_new_session=True,
            )

    @staticmethod
    def _group(pgid: int) -> list[int]:
        """Live processes of process group ``pgid`` (the child and what it forked)."""
        found = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rpartition(")")[2].split()
            if len(fields) > 2 and fields[0] != "Z" and int(fields[2]) == pgid:
                found.append(int(entry))
        return found

    async def _reap(self, life: Life, proc: asyncio.subprocess.Process) -> None:
        """Wait for the killed process; count helpers that outlive it by 5 s, then end them."""
        await proc.wait()
        deadline = time.monotonic() + 5
        while (left := self._group(proc.pid)) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        if left:
            life.orphans = len(left)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # only the group this test started
            for _ in range(50):
                if not self._group(proc.pid):
                    break
                await asyncio.sleep(0.1)

    def _kill(self, life: Life) -> None:
        if life.killed is None and self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.proc.pid, signal.SIGKILL)
            life.killed = time.monotonic()

    def _alive(self) -> bool:
        return self.proc is not None and self.proc.returncode is None

    # ------------------------------------------------------------------ feed hits

    def _on_request(self, request: web.Request) -> None:
        if not self.watching_hits:
            return
        source = self.world.source_for_path(request.path)
        if source is None or request.query.get("before"):
            return
        assert self.feeds is not None
        resource = self.feeds.resources.get(request.path)
        if source.kind == "rss" and resource is not None and resource.etag and (
            request.headers.get("If-None-Match") == resource.etag
        ):
            return  # 304: nothing new
        known = self._statement_keys_live()
        new = {k for k in self.world.served_keys(source.name) if (source.name, k) not in known}
        if new:
            self.hits.append(FeedHit(time.monotonic(), source.name, new))

    async def _next_hit(self, life: Life, timeout: float) -> FeedHit | None:
        self.hits.clear()
        self.watching_hits = True
        try:
            deadline = time.monotonic() + timeout
            while not self.hits and time.monotonic() < deadline and self._alive():
                await asyncio.sleep(0.002)
            return self.hits[0] if self.hits else None
        finally:
            self.watching_hits = False

    # ------------------------------------------------------------------ kill moments

    async def _wait_started(self, life: Life) -> None:
        """Until this life's sender or poller is visibly at work (or a timeout)."""
        assert self.api is not None
        calls = len(self.api.calls)
        deadline = time.monotonic() + self.cfg.startup_timeout
        while self._alive() and time.monotonic() < deadline:
            if any(c.method.lower() == "getupdates" for c in self.api.calls[calls:]):
                return
            await asyncio.sleep(0.05)

    async def _moment(self, life: Life) -> FeedHit | None:
        """Wait for the life's kill moment and kill (the commit watcher kills by itself)."""
        mode, rng, timeout = life.mode, self.rng, self.cfg.trigger_timeout
        assert self.api is not None
        if mode == "startup":
            delay = rng.uniform(0.2, 3.0)
            await self._sleep_alive(delay)
            life.moment = f"{delay:.2f}s after exec"
        elif mode == "random":
            await self._wait_started(life)
            delay = rng.uniform(1.0, 20.0)
            await self._sleep_alive(delay)
            life.moment = f"{delay:.1f}s after ready"
        elif mode == "broadcast":
            await self._wait_started(life)
            start = len(self.api.messages)
            deadline = time.monotonic() + timeout
            while len(self.api.messages) == start and time.monotonic() < deadline and self._alive():
                await asyncio.sleep(0.005)
            if len(self.api.messages) == start:
                life.moment = "no broadcast came: killed idle"
            else:
                more = rng.randint(0, 800)
                target = len(self.api.messages) + more
                deadline = time.monotonic() + 15
                while (len(self.api.messages) < target and time.monotonic() < deadline
                       and self._alive()):
                    await asyncio.sleep(0.001)
                pending = self._pending_live()
                life.moment = (f"broadcast: {len(self.api.messages) - start} msgs in, "
                               f"{pending} rows pending")
        elif mode in ("poll", "commit"):
            await self._wait_started(life)
            hit = await self._next_hit(life, timeout)
            if hit is None:
                life.moment = f"no new content polled in {timeout:.0f}s: killed idle"
            elif mode == "poll":
                delay = rng.uniform(0.0, 1.0)
                await self._sleep_alive(delay)
                life.moment = f"{delay * 1000:.0f}ms after GET {hit.source} ({len(hit.new_keys)} new)"
                self._snapshot()
                self._kill(life)
                return hit
            else:
                hold_ms = rng.choice([0.0, rng.uniform(0.5, 5.0)])
                held = await asyncio.to_thread(self._kill_in_write_txn, life, hit, hold_ms)
                life.moment = held
                return hit
        self._snapshot()
        self._kill(life)
        return None

    def _pending_live(self) -> int:
        with contextlib.suppress(sqlite3.Error):
            conn = self._read_live()
            if conn is not None:
                try:
                    return conn.execute(
                        "SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
                finally:
                    conn.close()
        return -1

    async def _sleep_alive(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self._alive():
            await asyncio.sleep(min(0.01, max(0.0, deadline - time.monotonic())))

    def _kill_in_write_txn(self, life: Life, hit: FeedHit, hold_ms: float) -> str:
        """(Thread.) Kill once the bot has held SQLite's write lock for ``hold_ms`` without a
        break, i.e. in the middle of a write transaction (the ingest of a batch with its
        outbox rows is the longest one; 0 = at the first sighting). After 1.5 s, kill at any
        sighting of the lock; after 4 s, kill anyway."""
        shm = Path(f"{self.db_path}-shm")
        start = time.monotonic()
        try:
            fd = os.open(shm, os.O_RDONLY)
        except OSError:
            time.sleep(0.1)
            self._kill(life)
            return f"{hit.source}: no -shm, killed blind"
        pid = self.proc.pid if self.proc else -1
        query = struct.pack("hhqqi4x", fcntl.F_RDLCK, os.SEEK_SET, WAL_WRITE_LOCK_BYTE, 1, 0)
        try:
            held_since: float | None = None
            while time.monotonic() - start < 4.0 and self._alive():
                try:
                    answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
                except OSError:
                    break
                l_type, _, _, _, l_pid = struct.unpack("hhqqi4x", answer)
                now = time.monotonic()
                if l_type == fcntl.F_WRLCK and l_pid == pid:
                    held_since = held_since if held_since is not None else now
                    held = (now - held_since) * 1000
                    if held >= hold_ms or now - start > 1.5:
                        self._kill(life)
                        return (f"write txn held {held:.1f}ms, "
                                f"{(now - hit.at) * 1000:.0f}ms after GET {hit.source}")
                else:
                    held_since = None
                time.sleep(0.0001)
            self._kill(life)
            return f"no write txn in 4s after GET {hit.source}"
        finally:
            os.close(fd)

    # ------------------------------------------------------------------ lives

    async def _life(self, index: int, mode: str) -> Life:
        assert self.api is not None
        life = Life(index, mode)
        messages_before = len(self.api.messages)
        self.proc = await self._spawn("run")
        life.pid, life.started = self.proc.pid, time.monotonic()
        self.lives.append(life)
        hit = await self._moment(life)
        if life.killed is None:  # died before the kill
            life.killed = time.monotonic()
            self.problem(life, f"diplowatch exited by itself with code {self.proc.returncode} "
                               f"(see {self.log_path})")
        await self._reap(life, self.proc)
        life.messages = len(self.api.messages) - messages_before
        before_keys = set(self.seen_statements.values())
        state = self._check_db(self._copy_db(), life)
        after_keys = set(self.seen_statements.values())
        if hit is not None:
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
        life.statements, life.alerts, life.outbox = (
            state["statements"], state["alerts"], state["outbox"])
        life.sent = state["states"].get("sent", 0)
        life.pending = state["states"].get("pending", 0)
        if life.orphans:
            self.say(f"  note: {life.orphans} process(es) of the killed group outlived it by 5 s")
        self.say(f"kill {index:>2} {mode:<9} up {life.up:5.1f}s  {life.moment}  {life.batch}  "
                 f"stmts={life.statements} alerts={life.alerts} sent={life.sent}/{life.outbox} "
                 f"msgs={life.messages} integrity={life.integrity}")
        return life

    async def _publish(self) -> None:
        assert self.feeds is not None
        while True:
            await asyncio.sleep(self.rng.expovariate(1 / self.cfg.publish_every))
            item = self.world.publish(recognition_share=self.cfg.recognition_share)
            self.world.serve(self.feeds, self.world.source(item.source))

    async def _final(self) -> Life:
        """poll --once for what is left, then run until the outbox is drained; SIGTERM."""
        assert self.api is not None
        proc = await self._spawn("poll", "--once")
        try:
            code = await asyncio.wait_for(proc.wait(), 180)
        except TimeoutError:
            proc.kill()
            await proc.wait()
            code = None
        if code != 0:
            self.problem(None, f"final `diplowatch poll --once` exited with {code}")
        life = Life(len(self.lives) + 1, "final")
        messages_before = len(self.api.messages)
        self.proc = await self._spawn("run")
        life.pid, life.started = self.proc.pid, time.monotonic()
        self.lives.append(life)
        await self._wait_started(life)
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
        life.moment = "drain, then SIGTERM"
        if self._alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                code = await asyncio.wait_for(self.proc.wait(), 60)
                if code != 0:
                    self.problem(life, f"diplowatch exited with {code} on SIGTERM")
            except TimeoutError:
                self.problem(life, "diplowatch did not stop within 60 s of SIGTERM")
                self._kill(life)
        else:
            self.problem(life, f"diplowatch exited by itself with code {self.proc.returncode}")
        life.killed = life.killed or time.monotonic()
        await self._reap(life, self.proc)
        life.messages = len(self.api.messages) - messages_before
        state = self._check_db(self.db_path, life, final=True)
        life.statements, life.alerts, life.outbox = (
            state["statements"], state["alerts"], state["outbox"])
        life.sent = state["states"].get("sent", 0)
        life.pending = state["states"].get("pending", 0)
        others = {k: v for k, v in state["states"].items() if k != "sent"}
        if others:
            self.problem(life, f"outbox rows not sent at the end: {others}")
        self.say(f"final        drained in {life.up:5.1f}s  stmts={life.statements} "
                 f"alerts={life.alerts} sent={life.sent}/{life.outbox} msgs={life.messages} "
                 f"integrity={life.integrity}")
        return life

    # ------------------------------------------------------------------ deliveries

    def _deliveries(self) -> tuple[dict, dict[int, int]]:
        """Match the fake server's messages to (chat, alert) pairs."""
        assert self.api is not None
        conn = sqlite3.connect(self.db_path)
        try:
            texts = dict(conn.execute("SELECT id, text FROM alerts"))
            queued: dict[tuple[int, int], str] = {
                (chat, alert): state for alert, chat, state in
                conn.execute("SELECT alert_id, chat_id, state FROM outbox")
            }
        finally:
            conn.close()
        by_head: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for alert_id, text in texts.items():
            by_head[text.split("\n\n", 1)[0]].append((text, alert_id))
        for candidates in by_head.values():
            candidates.sort(key=lambda c: -len(c[0]))
        starts = [life.started for life in self.lives]
        delivered: dict[tuple[int, int], list[int]] = defaultdict(list)  # → lives
        unknown = stray = 0
        unknown_examples: list[str] = []
        repeated_messages: Counter[int] = Counter()  # life → messages with nothing new
        per_message: list[int] = []
        for message in self.api.messages:
            if message.method.lower() != "sendmessage" or message.text is None:
                continue
            text, pos = message.text, 0
            life = bisect.bisect_right(starts, message.time)  # 1-based life index
            pairs = []
            while pos < len(text):
                end = text.find("\n\n", pos)
                head = text[pos:end if end != -1 else len(text)]
                match = next((c for c in by_head.get(head, ()) if text.startswith(c[0], pos)),
                             None)
                if match is None:
                    unknown += 1
                    if len(unknown_examples) < 2:
                        unknown_examples.append(f"{message.chat_id}: …{text[pos:pos + 160]!r}")
                    break
                pairs.append((message.chat_id, match[1]))
                pos += len(match[0])
                if text.startswith("\n\n", pos):
                    pos += 2
            if pairs and all(p in delivered for p in pairs):
                earlier = min(delivered[p][0] for p in pairs)
                repeated_messages[earlier if earlier < life else 0] += 1
            per_message.append(len(pairs))
            for key in pairs:
                if key not in queued:
                    stray += 1
                delivered[key].append(life)
        missing = [k for k in queued if k not in delivered]
        by_kill: dict[int, int] = Counter()
        same_life = 0
        for lives in delivered.values():
            for earlier, later in zip(lives, lives[1:], strict=False):
                if later > earlier:
                    by_kill[earlier] += 1
                else:
                    same_life += 1
        duplicates = sum(len(v) - 1 for v in delivered.values())
        states = Counter(queued.values())
        possibly = sum(1 for k, s in queued.items() if s == "possibly_delivered")
        result = {
            "outbox rows (chat, alert)": len(queued),
            "delivered (chat, alert)": len(delivered),
            "undelivered (chat, alert)": len(missing),
            "duplicate deliveries": duplicates,
            "duplicates within one life": same_life + repeated_messages.pop(0, 0),
            "repeated messages by kill": dict(repeated_messages),
            "alerts per message": (f"{sum(per_message) / max(1, len(per_message)):.2f} avg, "
                                   f"{max(per_message, default=0)} max"),
            "messages not matching any alert": unknown,
            "_unknown_examples": unknown_examples,
            "deliveries to chats not queued": stray,
            "possibly_delivered rows": possibly,
            "outbox states": dict(states),
            "_missing_examples": missing[:5],
        }
        return result, dict(by_kill)

    # ------------------------------------------------------------------ main

    def _modes(self) -> list[str]:
        if self.cfg.modes:
            return [self.cfg.modes[i % len(self.cfg.modes)] for i in range(self.cfg.kills)]
        modes: list[str] = []
        while len(modes) < self.cfg.kills:
            round_ = list(MODES)
            self.rng.shuffle(round_)
            modes += round_
        return modes[: self.cfg.kills]

    async def run(self) -> Report:
        cfg = self.cfg
        logging.getLogger("aiohttp").setLevel(logging.CRITICAL)
        self.say(f"chaos: seed={self.seed} kills={cfg.kills} chats={cfg.chats} "
                 f"sources={cfg.rss_sources}+{cfg.telegram_sources} rate={cfg.send_rate:g}/s "
                 f"workdir={self.workdir}")
        started = time.monotonic()
        self.api = FakeBotAPI(token=TOKEN, rate_limit=cfg.send_rate)
        self.feeds = _Feeds(self._on_request)
        await self.api.start()
        await self.feeds.start()
        publisher: asyncio.Task | None = None
        try:
            for _ in range(max(3, len(self.world.sources) // 4)):  # something to start with
                item = self.world.publish(recognition_share=cfg.recognition_share)
                del item
            self.world.serve_all(self.feeds)
            (self.workdir / "sources.toml").write_text(self.world.sources_toml(self.feeds))
            self._setup_db()
            publisher = asyncio.create_task(self._publish())
            for index, mode in enumerate(self._modes(), start=1):
                await self._life(index, mode)
                if any("exited by itself" in p for p in self.lives[-1].problems):
                    break
                await asyncio.sleep(self.rng.uniform(0, 0.5))  # down for a moment
            publisher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await publisher
            publisher = None
            published_final = list(self.world.published)
            await self._final()
            self._check_all_published(published_final)
            deliveries, by_kill = self._deliveries()
        finally:
            if publisher is not None:
                publisher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await publisher
            if self.proc is not None and self.proc.returncode is None:
                self.proc.kill()
                await self.proc.wait()
            await self.feeds.stop()
            await self.api.stop()
        return self._report(deliveries, by_kill, time.monotonic() - started)

    def _check_all_published(self, published: list[Item]) -> None:
        stored = set(self.seen_statements.values())
        missing = [i for i in published if (i.source, i.key) not in stored]
        if missing:
            self.problem(None, f"{len(missing)} published statement(s) never stored, e.g. "
                               f"{[(i.source, i.key) for i in missing[:5]]}")

    def _report(self, deliveries: dict, by_kill: dict[int, int], elapsed: float) -> Report:
        assert self.api is not None
        kills = sum(1 for life in self.lives if life.mode != "final")
        dups = deliveries["duplicate deliveries"]
        if deliveries["undelivered (chat, alert)"]:
            self.problem(None, f"{deliveries['undelivered (chat, alert)']} (chat, alert) pairs "
                               f"never delivered, e.g. {deliveries['_missing_examples']}")
        if deliveries["duplicates within one life"]:
            self.problem(None, f"{deliveries['duplicates within one life']} duplicate "
                               "deliveries within one life (not caused by a kill)")
        if deliveries["messages not matching any alert"]:
            self.problem(None, f"{deliveries['messages not matching any alert']} messages "
                               f"match no alert, e.g. {deliveries['_unknown_examples']}")
        if deliveries["deliveries to chats not queued"]:
            self.problem(None, f"{deliveries['deliveries to chats not queued']} deliveries to "
                               "a chat with no outbox row for that alert")
        repeated = deliveries["repeated messages by kill"]
        worst = max(repeated.values(), default=0)
        if worst > SENDER_MAX_IN_FLIGHT:
            self.problem(None, f"a kill caused {worst} repeated messages; at most "
                               f"{SENDER_MAX_IN_FLIGHT} (the sends in flight) can be")
        messages_limit = self.cfg.max_repeated_messages_per_kill
        if messages_limit is not None and sum(repeated.values()) > kills * messages_limit:
            self.problem(None, f"{sum(repeated.values())} repeated messages for {kills} kills "
                               f"(target: at most {messages_limit:g} per kill)")
        limit = self.cfg.max_duplicates_per_kill
        if limit is not None and dups > kills * limit:
            self.problem(None, f"{dups} duplicate deliveries for {kills} kills "
                               f"(target: at most {limit:g} per kill)")
        recognitions = [i for i in self.world.published if i.pair]
        stats = self.api.stats()
        modes = Counter(life.mode for life in self.lives if life.mode != "final")
        batches = Counter(life.batch.split(": ")[-1] for life in self.lives if life.batch)
        final = self.lives[-1]
        totals = {
            "seed": self.seed,
            "kills": f"{kills} ({', '.join(f'{m} {n}' for m, n in sorted(modes.items()))})",
            "poll/commit batches at kill": dict(batches) or "-",
            "statements published / stored": f"{len(self.world.published)} / {final.statements}",
            "recognitions published": len(recognitions),
            "alerts": final.alerts,
            "outbox rows (chat, alert)": deliveries["outbox rows (chat, alert)"],
            "delivered (chat, alert)": deliveries["delivered (chat, alert)"],
            "undelivered (chat, alert)": deliveries["undelivered (chat, alert)"],
            "messages received by the fake Bot API": stats["messages"],
            "duplicate deliveries (chat, alert)": (
                f"{dups} (max {max(by_kill.values(), default=0)} per kill; target ≤ "
                + (f"{kills * limit:g})" if limit is not None else "- )")),
            "repeated messages": (
                f"{sum(repeated.values())} (max {worst} per kill, bound {SENDER_MAX_IN_FLIGHT}; "
                "target ≤ " + (f"{kills * messages_limit:g})" if messages_limit is not None
                               else "- )")),
            "alerts per message": deliveries["alerts per message"],
            "possibly_delivered rows": deliveries["possibly_delivered rows"],
            "integrity checks ok": f"{self.integrity_ok} / {self.integrity_checks}",
            "orphaned processes after kills": sum(life.orphans for life in self.lives),
            "429 answers / limit violations": f"{stats['rate_limited']} / {stats['violations'] or 0}",
            "subscribers (chats)": len(self.world.subscribers.subs),
            "elapsed": f"{elapsed:.0f}s",
        }
        report = Report(
            config={k: (str(v) if isinstance(v, Path) else v)
                    for k, v in asdict(self.cfg).items()},
            workdir=str(self.workdir), lives=self.lives, totals=totals,
            duplicates_by_kill=by_kill, problems=list(self.problems),
        )
        (self.workdir / "report.json").write_text(json.dumps(
            {"config": report.config, "totals": totals, "problems": report.problems,
             "duplicates_by_kill": by_kill, "lives": [asdict(life) for life in self.lives]},
            indent=2, default=str))
        return report


async def run_chaos(config: ChaosConfig) -> Report:
    chaos = Chaos(config)
    report = await chaos.run()
    if report.ok and not config.keep and config.workdir is None:
        shutil.rmtree(chaos.workdir, ignore_errors=True)
    return report

