"""Delivery: the outbox sender (sender) and its options (policy), which rows go into which
message (rounds), the sending pace (pacing), what a failed send means (errors) and what is
recorded for it (outcomes), and how a message leaves (transport)."""

from .errors import Action, PossiblyDelivered, classify
from .outcomes import DrainStats
from .policy import DEFAULT_RATE, SendPolicy
from .sender import Sender
from .transport import SendFn, console_send, sending_request, telegram_send

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
