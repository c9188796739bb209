"""delivery/errors.py: the table from a failed send's exception to the sender's Action."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from diplowatch.delivery.errors import (
    RULES,
    Action,
    PossiblyDelivered,
    classify,
    describe,
    request_was_sent,
    retry_seconds,
    was_accepted,
)


@pytest.fixture(autouse=True)
def _ptb_timedelta(monkeypatch):
    # PTB 22 warns (an error here) on every RetryAfter unless opted in to timedelta periods.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


def timed_out(cause: Exception) -> TimedOut:
    exc = TimedOut()
    exc.__cause__ = cause
    return exc


# (what happened, the exception, whether the request left, the Action): DESIGN's rules in order
CASES = [
    ("401/404 bad token", lambda: InvalidToken("Unauthorized"), True, Action.STOP),
    ("429", lambda: RetryAfter(timedelta(seconds=5)), True, Action.PAUSE_ALL),
    ("group upgraded to a supergroup", lambda: ChatMigrated(-1001000), True, Action.MOVE_CHAT),
    ("400 can't parse entities",
     lambda: BadRequest("Can't parse entities: unsupported start tag \"x\" at byte offset 0"),
     True, Action.PLAIN_TEXT),
    ("400 chat not found", lambda: BadRequest("Chat not found"), True, Action.STRIKE),
    ("400 peer id invalid", lambda: BadRequest("PEER_ID_INVALID"), True, Action.STRIKE),
    ("400 forum topic deleted", lambda: BadRequest("Message thread not found"), True,
     Action.TOPIC_GONE),
    ("400 forum topic closed", lambda: BadRequest("Topic_closed"), True, Action.TOPIC_GONE),
    ("400 channel took the bot's right to post",
     lambda: BadRequest("Need administrator rights in the channel chat"), True,
     Action.CHAT_INACTIVE),
    ("400 message is too long", lambda: BadRequest("Message is too long"), True, Action.GIVE_UP),
    ("403 blocked", lambda: Forbidden("Forbidden: bot was blocked by the user"), True,
     Action.CHAT_INACTIVE),
    ("403 kicked", lambda: Forbidden("Forbidden: bot was kicked from the group chat"), True,
     Action.CHAT_INACTIVE),
    ("403 deactivated", lambda: Forbidden("Forbidden: user is deactivated"), True,
     Action.CHAT_INACTIVE),
    ("403 can't initiate",
     lambda: Forbidden("Forbidden: bot can't initiate conversation with a user"), True,
     Action.CHAT_INACTIVE),
    ("connect timeout: never left", lambda: timed_out(httpx.ConnectTimeout("connect")), False,
     Action.RETRY),
    ("pool timeout: never left", lambda: timed_out(httpx.PoolTimeout("pool")), False,
     Action.RETRY),
    ("read timeout after the request left", lambda: timed_out(httpx.ReadTimeout("read")), True,
     Action.POSSIBLY_DELIVERED),
    ("2xx with an unreadable answer", lambda: PossiblyDelivered("TelegramError: Invalid server"),
     True, Action.POSSIBLY_DELIVERED),
    ("5xx", lambda: NetworkError("Bad Gateway"), True, Action.RETRY),
    ("connection dropped", lambda: NetworkError("httpx.RemoteProtocolError: disconnected"), True,
     Action.RETRY),
    ("console I/O error", lambda: OSError("console gone"), True, Action.RETRY),
]


@pytest.mark.parametrize(("make", "request_sent", "action"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_classify(make, request_sent, action):
    assert classify(make(), request_sent=request_sent) is action


def test_every_action_has_a_row_and_the_catch_all_comes_last():
    assert {rule.action for rule in RULES} == set(Action)
    assert {case[3] for case in CASES} == set(Action)
    assert RULES[-1].error is Exception and not RULES[-1].says


def test_a_timeout_before_the_request_left_is_told_apart():
    assert not request_was_sent(timed_out(httpx.ConnectTimeout("connect")))
    assert not request_was_sent(timed_out(httpx.PoolTimeout("pool")))
    assert request_was_sent(timed_out(httpx.ReadTimeout("read")))
    assert request_was_sent(TimedOut())
    assert request_was_sent(NetworkError("Bad Gateway"))


@pytest.mark.parametrize(("exc", "status", "accepted"), [
    (TelegramError("Invalid server response"), 200, True),
    (ValueError("no message_id"), 201, True),
    (NetworkError("Bad Gateway"), 502, False),
    (BadRequest("Chat not found"), 400, False),
    (TelegramError("Invalid server response"), None, True),  # no hook: PTB's classes tell
    (KeyError("message_id"), None, True),
    (NetworkError("Bad Gateway"), None, False),
    (TimedOut(), None, False),
])
def test_was_accepted(exc, status, accepted):
    assert was_accepted(exc, status) is accepted


def test_describe_names_the_class_and_hides_the_token():
    token = "123456789:AAFakeTokenForTestsOnly-0123456789abcdef"
    assert describe(NetworkError(f"POST /bot{token}/sendMessage failed")) == (
        "NetworkError: POST /bot<token>/sendMessage failed"
    )
    assert describe(OSError()) == "OSError"
    assert len(describe(ValueError("x" * 1000))) == 500


def test_retry_seconds():
    assert retry_seconds(RetryAfter(timedelta(seconds=1.5))) == 1.5
