"""Delivery: the outbox sender (sender), which rows go into which message (rounds) and the
sending pace (pacing)."""

from .errors import Action, PossiblyDelivered, classify
from .outcomes import DrainStats
from .policy import DEFAULT_RATE, SendPolicy
from .sender import Sender, SendFn, console_send, sending_request, telegram_send

__all__ = [
    "DEFAULT_RATE",
    "Action",
    "DrainStats",
    "PossiblyDelivered",
    "SendFn",
    "SendPolicy",
    "Sender",
    "classify",
    "console_send",
    "sending_request",
    "telegram_send",
]
