"""A fake Telegram Bot API server (aiohttp, 127.0.0.1) for tests, e2e and chaos scripts.

The real python-telegram-bot talks to it over HTTP::

    async with FakeBotAPI(rate_limit=30) as api:
        app = Application.builder().token(api.token).base_url(api.base_url).build()
        api.inject_message(42, "/start")
        api.block(43)                     # 403 for chat 43 until unblock(43)
        api.flood(retry_after=1, times=3) # the next 3 sends get 429
        ...
        assert [m.text for m in api.sent_messages(42)] == [...]

It records every call (``calls``), every delivered message (``sent_messages``) and every
breach of Telegram's limits (``violations``: global rate, 1 s per private chat, 20/min per
group). Faults are rules matched per method and chat (``add_fault`` and its shorthands).
As a pytest plugin it provides the ``bot_api`` fixture; ``python -m tests.fakes.bot_api``
runs it standalone with a small JSON control API under ``/_fake/``.

(PYTEST_DONT_REWRITE: test modules import from here before registering it as a plugin.)
"""

from .chats import member
from .faults import FORBIDDEN, Fault, Rule
from .parsing import parse_html, utf16_len
from .plugin import bot_api, pytest_configure
from .protocol import BOT_ID, BOT_USER, JSON_PARAMS, SEND_METHODS, TOKEN, ApiError
from .records import Call, SentMessage, Violation
from .server import FakeBotAPI
from .standalone import main, serve

__all__ = [
    "BOT_ID",
    "BOT_USER",
    "FORBIDDEN",
    "JSON_PARAMS",
    "SEND_METHODS",
    "TOKEN",
    "ApiError",
    "Call",
    "FakeBotAPI",
    "Fault",
    "Rule",
    "SentMessage",
    "Violation",
    "bot_api",
    "main",
    "member",
    "parse_html",
    "pytest_configure",
    "serve",
    "utf16_len",
]
