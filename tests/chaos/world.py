"""The outside world of the crash test: sources that keep publishing, and the subscribers.

Everything here is deterministic for a given seed. Recognition texts are generated over
(state, entity) pairs absent from the seed ledger and checked with the real extractor before
they are published, so each one must produce exactly one new-recognition alert; the other
statements are checked to produce no event at all.
"""

from __future__ import annotations

import csv
import html
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from importlib import resources

import pycountry

from diplowatch.extract import extract
from tests.fakes.feed_server import FeedServer, render_channel_page

# Entity codes (diplowatch gazetteer) → how the generated statements name them.
ENTITIES = {
    "abkhazia": ["Abkhazia", "the Republic of Abkhazia"],
    "south-ossetia": ["South Ossetia"],
    "transnistria": ["Transnistria"],
    "somaliland": ["Somaliland", "the Republic of Somaliland"],
    "northern-cyprus": ["the Turkish Republic of Northern Cyprus"],
    "artsakh": ["Artsakh"],
    "donetsk-pr": ["the Donetsk People's Republic"],
    "luhansk-pr": ["the Luhansk People's Republic"],
    "XK": ["Kosovo", "the Republic of Kosovo"],
}
RECOGNITION_TEMPLATES = [
    "{state} has officially recognized the independence of {entity}.",
    "{state} recognizes the independence of {entity}, the foreign ministry said on {day}.",
    "{state} today recognized {entity} as a sovereign and independent state.",
    "{state} announced that it recognizes {entity} as an independent state.",
]
PLAIN_TEMPLATES = [
    "The minister of foreign affairs met the ambassador of {state} to discuss trade and energy.",
    "The ministry published its weekly briefing on consular services and visa processing.",
    "A delegation from {state} visited the capital for talks on agriculture and transport.",
    "The spokesperson answered questions about the upcoming regional economic forum.",
]
TOPICS = ["Briefing", "Statement", "Press release", "Comment", "Announcement"]
FEED_BASE = "https://press.example.org"


@dataclass
class Item:
    """One published statement."""

    source: str
    number: int  # per source: guid / post id
    title: str
    text: str
    published_at: datetime
    pair: tuple[str, str] | None = None  # (actor, target) of a recognition

    @property
    def key(self) -> str:
        """The statement key diplowatch gives it (rss: guid:, telegram: post:)."""
        if self.source.startswith("tg"):
            return f"post:{self.source}/{self.number}"
        return f"guid:{self.source}-{self.number}"


@dataclass
class SourceSpec:
    name: str
    kind: str  # rss | telegram
    path: str
    items: list[Item] = field(default_factory=list)


@dataclass
class Subscribers:
    """Chat id → subscriptions, as (kind, value); the model the outbox is checked against."""

    subs: dict[int, list[tuple[str, str]]]

    def for_recognition(self, actor: str, target: str) -> set[int]:
        return {
            chat
            for chat, subs in self.subs.items()
            if any(k == "all" or (k == "entity" and v == target) or (k == "state" and v == actor)
                   for k, v in subs)
        }

    def for_statement(self, source: str) -> set[int]:
        return {chat for chat, subs in self.subs.items() if ("source", source) in subs}


def seed_pairs() -> set[tuple[str, str]]:
    path = resources.files("diplowatch.data").joinpath("recognitions.csv")
    with path.open(encoding="utf-8") as f:
        return {(row["actor"], row["target"]) for row in csv.DictReader(f)}


def _state_names() -> list[tuple[str, str]]:
    out = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        out.append((country.alpha_2, name))
    return out


class World:
    """Sources (rss feeds + telegram channels), their items, and the subscriber model."""

    def __init__(self, rng: random.Random, *, rss: int, telegram: int, chats: int) -> None:
        self.rng = rng
        self.sources = [SourceSpec(f"feed{i:02d}", "rss", f"/feeds/feed{i:02d}.xml")
                        for i in range(rss)]
        self.sources += [SourceSpec(f"tg{i}", "telegram", f"/s/tg{i}") for i in range(telegram)]
        self.published: list[Item] = []
        self._pairs = self._pair_pool()
        self._states = _state_names()
        self.subscribers = self._make_subscribers(chats)
        self.rejected_texts = 0  # generated texts the extractor did not read as intended

    # ------------------------------------------------------------------ generation

    def _pair_pool(self) -> list[tuple[str, str, str, str]]:
        seeded = seed_pairs()
        pool = [(code, state, target, name)
                for code, state in _state_names() for target, names in ENTITIES.items()
                for name in names if (code, target) not in seeded]
        self.rng.shuffle(pool)
        return pool

    def _make_subscribers(self, n: int) -> Subscribers:
        """~70% `all`, ~22% one to three entities (some also a state), ~8% a telegram source
        (plus `all` for half of them); one chat in ten is a group (negative id)."""
        subs: dict[int, list[tuple[str, str]]] = {}
        entities = list(ENTITIES)
        telegram = [s.name for s in self.sources if s.kind == "telegram"]
        for i in range(n):
            chat = -(1_000_000_000_000 + i) if i % 10 == 9 else 100_000 + i
            roll = self.rng.random()
            if roll < 0.70 or (roll >= 0.92 and not telegram):
                mine = [("all", "")]
            elif roll < 0.92:
                mine = [("entity", e) for e in self.rng.sample(entities, self.rng.randint(1, 3))]
                if self.rng.random() < 0.2:
                    mine.append(("state", self.rng.choice(["KP", "SY", "NI", "VE", "RU"])))
            else:
                mine = [("source", self.rng.choice(telegram))]
                if self.rng.random() < 0.5:
                    mine.append(("all", ""))
            subs[chat] = mine
        return Subscribers(subs)

    def _recognition_text(self) -> tuple[str, tuple[str, str]] | None:
        used = {item.pair for item in self.published if item.pair}
        while self._pairs:
            code, state, target, name = self._pairs.pop()
            if (code, target) in used:
                continue
            template = self.rng.choice(RECOGNITION_TEMPLATES)
            text = template.format(state=state, entity=name,
                                   day=datetime.now(UTC).strftime("%d %B"))
            events = extract(f"Statement\n\n{text}", "en")
            if [(e.actor, e.target, e.act) for e in events] == [(code, target, "recognize")]:
                return text, (code, target)
            self.rejected_texts += 1
        return None

    def _plain_text(self) -> str:
        while True:
            text = self.rng.choice(PLAIN_TEMPLATES).format(state=self.rng.choice(self._states)[1])
            if not extract(f"Statement\n\n{text}", "en"):
                return text
            self.rejected_texts += 1

    def publish(self, *, recognition_share: float, now: datetime | None = None) -> Item:
        """A new statement on a random source (not yet served: call ``serve`` after)."""
        source = self.rng.choice(self.sources)
        number = len(source.items) + 1
        pair = None
        made = self._recognition_text() if self.rng.random() < recognition_share else None
        if made:
            text, pair = made
        else:
            text = self._plain_text()
        title = f"{self.rng.choice(TOPICS)} {source.name}-{number}"
        item = Item(source.name, number, title, text, now or datetime.now(UTC), pair)
        source.items.append(item)
        self.published.append(item)
        return item

    # ------------------------------------------------------------------ serving

    def serve(self, server: FeedServer, source: SourceSpec) -> None:
        if source.kind == "rss":
            server.set_content(source.path, render_rss(source), content_type="application/rss+xml")
        else:
            posts = {item.number: f"{item.title}\n{item.text}" for item in source.items}
            server.set_channel(source.path, source.name, posts, title=source.name)

    def serve_all(self, server: FeedServer) -> None:
        for source in self.sources:
            self.serve(server, source)

    def served_keys(self, name: str) -> set[str]:
        return {item.key for item in self.source(name).items}

    def source(self, name: str) -> SourceSpec:
        return next(s for s in self.sources if s.name == name)

    def source_for_path(self, path: str) -> SourceSpec | None:
        return next((s for s in self.sources if s.path == path), None)

    def sources_toml(self, server: FeedServer) -> str:
        parts = []
        for s in self.sources:
            parts.append(
                f'[[sources]]\nname = "{s.name}"\ntitle = "Chaos {s.name}"\nkind = "{s.kind}"\n'
                f'url = "{server.url(s.path)}"\ninterval = "1m"\nlang = "en"\nofficial = true\n'
            )
        return "\n".join(parts)


def render_rss(source: SourceSpec) -> bytes:
    items = []
    for item in reversed(source.items):  # newest first, as feeds do
        items.append(
            f"<item><guid isPermaLink=\"false\">{source.name}-{item.number}</guid>"
            f"<title>{html.escape(item.title)}</title>"
            f"<link>{FEED_BASE}/{source.name}/{item.number}</link>"
            f"<description>{html.escape(item.text)}</description>"
            f"<pubDate>{format_datetime(item.published_at - timedelta(seconds=1), usegmt=True)}"
            "</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Chaos {source.name}</title><link>{FEED_BASE}/{source.name}</link>"
        f"<description>crash test feed</description>{''.join(items)}</channel></rss>"
    ).encode()


__all__ = ["ENTITIES", "Item", "SourceSpec", "Subscribers", "World", "render_channel_page"]
