"""What a failed send means: one table from the exception to the sender's Action.

The table mirrors the delivery rules in DESIGN.md and the send errors in reference/telegram.md;
the sender applies the Action (delivery/outcomes.py). The first matching row wins.
"""

from __future__ import annotations

import enum
import warnings
from dataclasses import dataclass
from datetime import timedelta

from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from ..config import TOKEN_RE

_NOT_SENT_TIMEOUTS = ("ConnectTimeout", "PoolTimeout")  # the request never left: safe to resend


class PossiblyDelivered(Exception):
    """The Bot API accepted the send (it answered 2xx), but the answer could not be read."""


class Action(enum.Enum):
    """What the sender does about a failed send."""

    STOP = "bad token: stop delivery, rows stay queued"
    PAUSE_ALL = "pause all sending for retry_after, keep the row"
    MOVE_CHAT = "move the chat id, resend"
    PLAIN_TEXT = "resend as plain text, log"
    STRIKE = "strike the chat: inactive after a few in a row"
    TOPIC_GONE = "the topic's subscriptions inactive, its rows dropped; the chat goes on"
    GIVE_UP = "give up, with the reason"
    CHAT_INACTIVE = "chat inactive"
    POSSIBLY_DELIVERED = "record 'possibly delivered', never resend"
    RETRY = "retry with backoff"


@dataclass(frozen=True)
class Rule:
    """A row of the table: an exception class, optionally text it says (any of ``says``,
    lowercase) and whether the request left (None: either way)."""

    error: type[BaseException]
    action: Action
    says: tuple[str, ...] = ()
    request_sent: bool | None = None

    def matches(self, exc: BaseException, *, request_sent: bool) -> bool:
        if not isinstance(exc, self.error):
            return False
        if self.request_sent is not None and self.request_sent != request_sent:
            return False
        return not self.says or any(text in str(exc).lower() for text in self.says)


RULES: tuple[Rule, ...] = (
    Rule(InvalidToken, Action.STOP),  # 401/404
    Rule(RetryAfter, Action.PAUSE_ALL),  # 429
    Rule(ChatMigrated, Action.MOVE_CHAT),  # 400 with migrate_to_chat_id
    Rule(BadRequest, Action.PLAIN_TEXT, says=("can't parse entities",)),
    Rule(BadRequest, Action.STRIKE, says=("chat not found", "peer_id_invalid")),
    # a forum topic deleted or closed (a closed one takes posts only from its managers)
    Rule(BadRequest, Action.TOPIC_GONE, says=("message thread not found", "topic_closed",
                                              "topic_deleted")),
    # a channel whose admins took the bot's right to post: the channel's 403
    Rule(BadRequest, Action.CHAT_INACTIVE, says=("need administrator rights",)),
    Rule(BadRequest, Action.GIVE_UP),  # other 400: our bug, resending will not help
    Rule(Forbidden, Action.CHAT_INACTIVE),  # 403 blocked, kicked, deactivated, can't initiate
    Rule(TimedOut, Action.RETRY, request_sent=False),  # connect or pool timeout
    Rule(TimedOut, Action.POSSIBLY_DELIVERED),  # read timeout: it may have gone out
    Rule(PossiblyDelivered, Action.POSSIBLY_DELIVERED),  # 2xx with an unreadable answer
    Rule(Exception, Action.RETRY),  # 5xx, connection errors, console I/O errors
)


def classify(exc: BaseException, *, request_sent: bool) -> Action:
    """The Action for a send that raised ``exc``; ``request_sent``: the request left this
    process (see request_was_sent)."""
    for rule in RULES:
        if rule.matches(exc, request_sent=request_sent):
            return rule.action
    raise TypeError(f"no delivery rule for {type(exc).__name__}")  # not an Exception


def request_was_sent(exc: BaseException) -> bool:
    """False when the send failed before its request left (a connect or pool timeout)."""
    return not (isinstance(exc, TimedOut) and type(exc.__cause__).__name__ in _NOT_SENT_TIMEOUTS)


def describe(exc: BaseException) -> str:
    """The error as recorded in the outbox and the log: its class and text, no bot token."""
    text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return TOKEN_RE.sub("<token>", text)[:500]


def retry_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB warns about int vs timedelta unless PTB_TIMEDELTA=1
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def was_accepted(exc: BaseException, status: int | None) -> bool:
    """Whether the Bot API had accepted the send when ``exc`` was raised, given the status of
    its last answer (None when unknown: a Bot built without sending_request). Without it,
    PTB's own errors tell: it raises the bare TelegramError for a 2xx body that is not JSON,
    and no TelegramError at all for a result it cannot read, while every error status and
    transport failure has its own subclass."""
    if status is not None:
        return 200 <= status <= 299
    return type(exc) is TelegramError or not isinstance(exc, TelegramError)
