"""The workload: the world's sources published and served, the database set up as a running bot
would have it (sources due in turn, thousands of subscribers), and statements published while
the bot lives and dies."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta


class Workload:
    """Chaos's world (``world``) served by its feed server (``feeds``)."""

    def _seed_world(self) -> None:
        """Something to start with, the feeds serving it, sources.toml and the database."""
        assert self.feeds is not None
        for _ in range(max(3, len(self.world.sources) // 4)):
            self.world.publish(recognition_share=self.cfg.recognition_share)
        self.world.serve_all(self.feeds)
        (self.workdir / "sources.toml").write_text(self.world.sources_toml(self.feeds))
        self._setup_db()

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

    async def _publish(self) -> None:
        assert self.feeds is not None
        while True:
            await asyncio.sleep(self.rng.expovariate(1 / self.cfg.publish_every))
            item = self.world.publish(recognition_share=self.cfg.recognition_share)
            self.world.serve(self.feeds, self.world.source(item.source))
