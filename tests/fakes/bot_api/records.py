"""What the fake saw: every call, every delivered message, every breach of Telegram's limits,
and the waits and counts tests read them with."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    time: float  # time.monotonic()
    chat_id: int | None = None
    status: int = 200


@dataclass
class SentMessage:
    chat_id: int
    message_id: int
    text: str | None  # as sent (HTML source when parse_mode is HTML); caption for media
    parse_mode: str | None
    method: str
    time: float
    params: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class Violation:
    kind: str  # global_rate | private_interval | group_per_minute
    chat_id: int | None
    time: float
    detail: str = ""


class Records:
    """FakeBotAPI's records: ``calls``, ``messages``, ``violations``."""

    calls: list[Call]
    messages: list[SentMessage]
    violations: list[Violation]
    paid_sends: int  # limits.py
    _changed: asyncio.Event | None  # set on each call and answer (server.py)

    def sent_messages(self, chat_id: int | None = None) -> list[SentMessage]:
        return [m for m in self.messages if chat_id is None or m.chat_id == chat_id]

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method.lower() == method.lower()]

    async def wait_for_messages(
        self, count: int, *, chat_id: int | None = None, timeout: float = 5.0
    ) -> list[SentMessage]:
        """Wait until at least ``count`` messages (to ``chat_id``) were delivered."""
        await self._wait_until(lambda: len(self.sent_messages(chat_id)) >= count, timeout)
        return self.sent_messages(chat_id)

    async def wait_for_call(
        self, method: str, *, count: int = 1, timeout: float = 5.0
    ) -> list[Call]:
        await self._wait_until(lambda: len(self.calls_to(method)) >= count, timeout)
        return self.calls_to(method)

    async def _wait_until(self, condition: Callable[[], bool], timeout: float) -> None:
        assert self._changed is not None, "server not started"
        deadline = time.monotonic() + timeout
        while not condition():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("fake Bot API: condition not reached in time")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), remaining)

    def stats(self) -> dict[str, Any]:
        """Counts for scripts and benchmarks."""
        per_chat: dict[int, int] = {}
        for m in self.messages:
            per_chat[m.chat_id] = per_chat.get(m.chat_id, 0) + 1
        kinds: dict[str, int] = {}
        for v in self.violations:
            kinds[v.kind] = kinds.get(v.kind, 0) + 1
        return {
            "calls": len(self.calls),
            "messages": len(self.messages),
            "unique_chats": len(per_chat),
            "duplicates": sum(n - 1 for n in per_chat.values()),
            "first_at": self.messages[0].time if self.messages else None,
            "last_at": self.messages[-1].time if self.messages else None,
            "rate_limited": sum(1 for c in self.calls if c.status == 429),
            "paid_sends": self.paid_sends,
            "violations": kinds,
        }

    def reset(self) -> None:
        """Forget calls, messages, violations, faults and queued updates."""
        self.calls.clear()
        self.messages.clear()
        self.violations.clear()
        self.rules.clear()
        self.updates.clear()
        self._chat_times.clear()
        self.paid_sends = 0
