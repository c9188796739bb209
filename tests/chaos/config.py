"""The crash test's settings and what it records of each life of ``diplowatch run``."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

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
