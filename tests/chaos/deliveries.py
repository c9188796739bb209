"""The fake Bot API's messages matched to the outbox: which (chat, alert) pairs each message
carried, what was delivered, what never was, and which repeats each kill caused."""

from __future__ import annotations

import bisect
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tests.fakes.bot_api import SentMessage

Pair = tuple[int, int]  # (chat, alert)
Heads = dict[str, list[tuple[str, int]]]  # an alert's first paragraph → (text, alert id)


@dataclass
class Tally:
    delivered: dict[Pair, list[int]] = field(default_factory=lambda: defaultdict(list))  # → lives
    unknown: int = 0
    stray: int = 0
    unknown_examples: list[str] = field(default_factory=list)
    repeated_messages: Counter[int] = field(default_factory=Counter)  # life → nothing new
    per_message: list[int] = field(default_factory=list)

    def add(self, message: SentMessage, life: int, heads: Heads, queued: dict[Pair, str]) -> None:
        pairs, rest = split_message(message, heads)
        if rest is not None:
            self.unknown += 1
            if len(self.unknown_examples) < 2:
                self.unknown_examples.append(rest)
        if pairs and all(p in self.delivered for p in pairs):
            earlier = min(self.delivered[p][0] for p in pairs)
            self.repeated_messages[earlier if earlier < life else 0] += 1
        self.per_message.append(len(pairs))
        for key in pairs:
            if key not in queued:
                self.stray += 1
            self.delivered[key].append(life)


def match_deliveries(
    db_path: Path, messages: list[SentMessage], starts: list[float]
) -> tuple[dict, dict[int, int]]:
    """Match the fake server's messages to (chat, alert) pairs; lives start at ``starts``."""
    texts, queued = _read_outbox(db_path)
    heads = _by_head(texts)
    tally = Tally()
    for message in messages:
        if message.method.lower() != "sendmessage" or message.text is None:
            continue
        life = bisect.bisect_right(starts, message.time)  # 1-based life index
        tally.add(message, life, heads, queued)
    by_kill, same_life = _repeats(tally.delivered)
    return _summary(tally, queued, same_life), by_kill


def split_message(message: SentMessage, heads: Heads) -> tuple[list[Pair], str | None]:
    """The (chat, alert) pairs a message carries, in order, and an example of the rest when a
    part matches no alert (None when all of it did)."""
    assert message.text is not None
    text, pos = message.text, 0
    pairs: list[Pair] = []
    while pos < len(text):
        end = text.find("\n\n", pos)
        head = text[pos:end if end != -1 else len(text)]
        match = next((c for c in heads.get(head, ()) if text.startswith(c[0], pos)), None)
        if match is None:
            return pairs, f"{message.chat_id}: …{text[pos:pos + 160]!r}"
        pairs.append((message.chat_id, match[1]))
        pos += len(match[0])
        if text.startswith("\n\n", pos):
            pos += 2
    return pairs, None


def _read_outbox(db_path: Path) -> tuple[dict[int, str], dict[Pair, str]]:
    conn = sqlite3.connect(db_path)
    try:
        texts = dict(conn.execute("SELECT id, text FROM alerts"))
        queued: dict[Pair, str] = {
            (chat, alert): state for alert, chat, state in
            conn.execute("SELECT alert_id, chat_id, state FROM outbox")
        }
    finally:
        conn.close()
    return texts, queued


def _by_head(texts: dict[int, str]) -> Heads:
    """Alerts by their first paragraph, the longest text first (it is tried first)."""
    by_head: Heads = defaultdict(list)
    for alert_id, text in texts.items():
        by_head[text.split("\n\n", 1)[0]].append((text, alert_id))
    for candidates in by_head.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return by_head


def _repeats(delivered: dict[Pair, list[int]]) -> tuple[dict[int, int], int]:
    """Duplicates charged to the life before the resend, and those within one life."""
    by_kill: dict[int, int] = Counter()
    same_life = 0
    for lives in delivered.values():
        for earlier, later in zip(lives, lives[1:], strict=False):
            if later > earlier:
                by_kill[earlier] += 1
            else:
                same_life += 1
    return dict(by_kill), same_life


def _summary(tally: Tally, queued: dict[Pair, str], same_life: int) -> dict:
    delivered, per_message = tally.delivered, tally.per_message
    missing = [k for k in queued if k not in delivered]
    possibly = sum(1 for k, s in queued.items() if s == "possibly_delivered")
    return {
        "outbox rows (chat, alert)": len(queued),
        "delivered (chat, alert)": len(delivered),
        "undelivered (chat, alert)": len(missing),
        "duplicate deliveries": sum(len(v) - 1 for v in delivered.values()),
        "duplicates within one life": same_life + tally.repeated_messages.pop(0, 0),
        "repeated messages by kill": dict(tally.repeated_messages),
        "alerts per message": (f"{sum(per_message) / max(1, len(per_message)):.2f} avg, "
                               f"{max(per_message, default=0)} max"),
        "messages not matching any alert": tally.unknown,
        "_unknown_examples": tally.unknown_examples,
        "deliveries to chats not queued": tally.stray,
        "possibly_delivered rows": possibly,
        "outbox states": dict(Counter(queued.values())),
        "_missing_examples": missing[:5],
    }
