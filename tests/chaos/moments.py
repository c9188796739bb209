"""Kill moments (``MODES``): when in a life ``diplowatch run`` is killed, read from the fake Bot
API's log (startup, broadcast) and from the feed requests the bot makes (poll, commit)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from aiohttp import web

from tests.fakes.feed_server import FeedServer

from .config import MODES, FeedHit, Life


class Feeds(FeedServer):
    """A FeedServer that tells the harness about each request before answering it."""

    def __init__(self, on_request: Callable[[web.Request], None]) -> None:
        super().__init__()
        self._on_request = on_request

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        self._on_request(request)
        return await super()._answer(request)


class Moments:
    """Chaos's kill schedule and the waits for each moment."""

    def _modes(self) -> list[str]:
        if self.cfg.modes:
            return [self.cfg.modes[i % len(self.cfg.modes)] for i in range(self.cfg.kills)]
        modes: list[str] = []
        while len(modes) < self.cfg.kills:
            round_ = list(MODES)
            self.rng.shuffle(round_)
            modes += round_
        return modes[: self.cfg.kills]

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
        mode, rng = life.mode, self.rng
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
            await self._wait_broadcast(life)
        elif mode in ("poll", "commit"):
            await self._wait_started(life)
            timeout = self.cfg.trigger_timeout
            hit = await self._next_hit(life, timeout)
            if hit is not None:
                await self._kill_after_hit(life, hit)
                return hit
            life.moment = f"no new content polled in {timeout:.0f}s: killed idle"
        self._snapshot()
        self._kill(life)
        return None

    async def _wait_broadcast(self, life: Life) -> None:
        """Until a random number (0–800) of messages went out after the first one."""
        assert self.api is not None
        start = len(self.api.messages)
        deadline = time.monotonic() + self.cfg.trigger_timeout
        while len(self.api.messages) == start and time.monotonic() < deadline and self._alive():
            await asyncio.sleep(0.005)
        if len(self.api.messages) == start:
            life.moment = "no broadcast came: killed idle"
            return
        more = self.rng.randint(0, 800)
        target = len(self.api.messages) + more
        deadline = time.monotonic() + 15
        while (len(self.api.messages) < target and time.monotonic() < deadline
               and self._alive()):
            await asyncio.sleep(0.001)
        pending = self._pending_live()
        life.moment = (f"broadcast: {len(self.api.messages) - start} msgs in, "
                       f"{pending} rows pending")

    async def _kill_after_hit(self, life: Life, hit: FeedHit) -> None:
        """poll: a random 0–1000 ms after the GET; commit: inside the next write transaction."""
        rng = self.rng
        if life.mode == "poll":
            delay = rng.uniform(0.0, 1.0)
            await self._sleep_alive(delay)
            life.moment = f"{delay * 1000:.0f}ms after GET {hit.source} ({len(hit.new_keys)} new)"
            self._snapshot()
            self._kill(life)
        else:
            hold_ms = rng.choice([0.0, rng.uniform(0.5, 5.0)])
            life.moment = await asyncio.to_thread(self._kill_in_write_txn, life, hit, hold_ms)
