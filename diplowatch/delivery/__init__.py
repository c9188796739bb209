"""Delivery: the outbox sender (sender), which rows go into which message (rounds) and the
sending pace (pacing)."""

from .sender import (
    DEFAULT_RATE,
    DrainStats,
    PossiblyDelivered,
    Sender,
    SendFn,
    console_send,
    sending_request,
    telegram_send,
)

__all__ = [
    "DEFAULT_RATE",
    "DrainStats",
    "PossiblyDelivered",
    "SendFn",
    "Sender",
    "console_send",
    "sending_request",
    "telegram_send",
]
