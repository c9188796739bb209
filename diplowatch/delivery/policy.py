"""The sender's options: its pace, the gaps between messages to one chat, retries."""

from __future__ import annotations

from dataclasses import dataclass

from ..store.outbox import MAX_ATTEMPTS

DEFAULT_RATE = 25.0


@dataclass(frozen=True)
class SendPolicy:
    """How the Sender sends; the defaults are Telegram's limits (reference/telegram.md)."""

    rate: float = DEFAULT_RATE  # messages a second to all chats (DIPLOWATCH_SEND_RATE)
    burst: int | None = None  # sends let through at once; None: 50 ms worth of the rate
    max_in_flight: int = 8  # the most sends on their way at once (and workers)
    max_attempts: int = MAX_ATTEMPTS  # then a row fails
    backoff_base: float = 2.0  # seconds before the first retry, doubled for each next one
    backoff_max: float = 900.0
    private_interval: float = 1.0  # seconds between two messages to one private chat
    group_interval: float = 3.0  # … to one group or channel (negative chat ids): 20/min
    batch_size: int = 500  # outbox rows read at a time
    idle_interval: float = 1.0  # seconds between passes when nothing is due
    max_flood_retries: int = 5  # 429s for one message before its rows are postponed
    merge: bool = True  # a chat's short alerts go out as one message

    @property
    def bucket_burst(self) -> int:
        # A burst of 50 ms worth lets the pace catch up after event-loop hiccups.
        return self.burst if self.burst is not None else max(1, int(self.rate / 20))

    @property
    def longest_interval(self) -> float:
        return max(self.private_interval, self.group_interval)

    def interval(self, chat_id: int) -> float:
        """The least time between two messages to ``chat_id``."""
        return self.private_interval if chat_id > 0 else self.group_interval

    def backoff(self, attempts: int) -> float:
        """Seconds to wait after the ``attempts``-th failed attempt."""
        return min(self.backoff_max, self.backoff_base * 2 ** (attempts - 1))
