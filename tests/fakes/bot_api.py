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

from __future__ import annotations

import argparse
import asyncio
import contextlib
import html
import itertools
import json
import math
import os
import re
import signal
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import pytest
from aiohttp import web

TOKEN = "123456789:AAFakeTokenForTestsOnly-0123456789abcdef"
BOT_ID = 123456789
BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "diplowatch test",
    "username": "diplowatch_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
SEND_METHODS = frozenset({"sendmessage", "sendphoto", "senddocument"})
JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "commands",
        "link_preview_options",
        "entities",
        "caption_entities",
        "allowed_updates",
        "scope",
        "reply_parameters",
        "media",
    }
)
_ALLOWED_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    }
)
_TAG = re.compile(r"<(/?)([^\s<>/]*)([^<>]*)>")
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);")
FORBIDDEN = {
    "blocked": "Forbidden: bot was blocked by the user",
    "deactivated": "Forbidden: user is deactivated",
    "kicked": "Forbidden: bot was kicked from the group chat",
    "not_member": "Forbidden: bot is not a member of the channel chat",
    "cant_initiate": "Forbidden: bot can't initiate conversation with a user",
}


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
class Fault:
    status: int
    description: str
    parameters: dict[str, Any] | None = None
    delay: float = 0.0  # answer this late (past the client's read timeout → TimedOut)
    deliver: bool = False  # with delay: the message is delivered before the late answer
    drop: bool = False  # close the connection without an answer
    # answer with these bytes as the body (with status 2xx: after delivering the message)
    body: bytes | None = None
    truncate: bool = False  # with body: promise more bytes than are sent, then close


@dataclass
class Rule:
    fault: Fault
    methods: frozenset[str] | None  # lower-case method names; None = any
    chat_id: int | None = None
    remaining: int | None = 1  # None = until removed
    until: float | None = None  # monotonic deadline
    when: Callable[[dict[str, Any]], bool] | None = None

    def matches(self, method: str, chat_id: int | None, params: dict[str, Any], now: float) -> bool:
        return (
            (self.methods is None or method in self.methods)
            and (self.chat_id is None or self.chat_id == chat_id)
            and (self.until is None or now < self.until)
            and (self.remaining is None or self.remaining > 0)
            and (self.when is None or self.when(params))
        )


@dataclass
class Violation:
    kind: str  # global_rate | private_interval | group_per_minute
    chat_id: int | None
    time: float
    detail: str = ""


class ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


def utf16_len(s: str) -> int:
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def parse_html(text: str) -> str:
    """Telegram's HTML check, written independently of diplowatch.telegram_html; returns the
    visible text or raises ApiError 400 "can't parse entities"."""

    def fail(reason: str) -> ApiError:
        return ApiError(400, f"Bad Request: can't parse entities: {reason}")

    out, stack, pos = [], [], 0
    while pos < len(text):
        ch = text[pos]
        if ch == "<":
            m = _TAG.match(text, pos)
            if not m or not m.group(2):
                raise fail(f"Unexpected end of name token at byte offset {pos}")
            name = m.group(2).lower()
            if name not in _ALLOWED_TAGS:
                raise fail(f'Unsupported start tag "{name}" at byte offset {pos}')
            if m.group(1):
                if not stack or stack[-1] != name:
                    raise fail(
                        f'Unmatched end tag at byte offset {pos}, expected "</{stack[-1] if stack else name}>"'
                    )
                stack.pop()
            else:
                attrs = m.group(3)
                if name == "a" and "href=" not in attrs:
                    raise fail("Can't find href attribute of a link")
                if name == "span" and "tg-spoiler" not in attrs:
                    raise fail('Tag "span" must have class "tg-spoiler"')
                stack.append(name)
            pos = m.end()
        elif ch == "&" and (m := _ENTITY.match(text, pos)):
            ref = m.group(1)
            if ref.startswith("#"):
                out.append(chr(int(ref[2:], 16) if ref[1] in "xX" else int(ref[1:])))
            elif ref in ("lt", "gt", "amp", "quot"):
                out.append(html.unescape(m.group(0)))
            else:
                out.append(m.group(0))
            pos = m.end()
        else:
            out.append(ch)
            pos += 1
    if stack:
        raise fail(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)


class _Bucket:
    def __init__(self, rate: float, burst: float):
        self.rate, self.burst = rate, burst
        self.tokens, self.stamp = burst, time.monotonic()

    def take(self, now: float) -> float:
        """0 if a token was taken, else the seconds until one is free."""
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


class FakeBotAPI:
    """The server. Start with ``await start()`` (or ``async with``), stop with ``await stop()``."""

    def __init__(
        self,
        *,
        token: str = TOKEN,
        host: str = "127.0.0.1",
        port: int = 0,
        rate_limit: float | None = None,
        burst: float | None = None,
        retry_after: int = 1,
        private_interval: float = 1.0,
        group_per_minute: int = 20,
        tolerance: float = 0.05,
        enforce_chat_limits: bool = False,
        control_api: bool = False,
    ) -> None:
        self.token, self.host, self.port = token, host, port
        self.private_interval, self.group_per_minute = private_interval, group_per_minute
        self.tolerance, self.enforce_chat_limits = tolerance, enforce_chat_limits
        self.calls: list[Call] = []
        self.messages: list[SentMessage] = []
        self.violations: list[Violation] = []
        self.rules: list[Rule] = []
        self.updates: list[dict[str, Any]] = []
        self.commands: list[dict[str, Any]] = []
        self.chats: dict[int, dict[str, Any]] = {}
        self.members: dict[tuple[int, int], str] = {}  # (chat, user) → getChatMember's status
        self._bucket: _Bucket | None = None
        self._retry_after = retry_after
        self.set_rate_limit(rate_limit, burst=burst, retry_after=retry_after)
        self._chat_times: dict[int, deque[float]] = {}
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._update_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._poll_generation = 0
        self._waiters: set[asyncio.Event] = set()
        self._changed: asyncio.Event | None = None
        self._closing: asyncio.Event | None = None
        self._runner: web.AppRunner | None = None
        self._control_api = control_api

    # ---------------------------------------------------------------- lifecycle

    async def start(self) -> FakeBotAPI:
        self._closing, self._changed = asyncio.Event(), asyncio.Event()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        if self._control_api:
            _add_control_routes(app, self)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        if self._runner is None:
            return
        assert self._closing is not None
        self._closing.set()
        for waiter in self._waiters:
            waiter.set()
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> FakeBotAPI:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """For ``Application.builder().base_url(...)`` / ``Bot(base_url=...)``."""
        return f"http://{self.host}:{self.port}/bot"

    def bot(self, **request_kwargs: Any) -> Any:
        """A ``telegram.Bot`` pointed here (use ``async with``); kwargs go to HTTPXRequest."""
        from telegram import Bot
        from telegram.request import HTTPXRequest

        request_kwargs.setdefault("connection_pool_size", 16)
        return Bot(self.token, base_url=self.base_url, request=HTTPXRequest(**request_kwargs))

    # ---------------------------------------------------------------- records

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

    # ---------------------------------------------------------------- updates

    def add_chat(
        self, chat_id: int, *, type: str | None = None, title: str | None = None
    ) -> dict[str, Any]:
        chat = self._chat(chat_id)
        if type:
            chat["type"] = type
        if title and chat["type"] != "private":
            chat["title"] = title
        self.chats[chat_id] = chat
        return chat

    def set_member(self, chat_id: int, user_id: int, status: str) -> None:
        """What getChatMember answers for ``user_id`` in ``chat_id`` ("creator",
        "administrator", "member", "left", "kicked")."""
        self.members[(chat_id, user_id)] = status

    def _chat(self, chat_id: int) -> dict[str, Any]:
        if chat_id in self.chats:
            return dict(self.chats[chat_id])
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        return {"id": chat_id, "type": kind, "title": f"Group {chat_id}"}

    def _next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def inject_update(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue an Update (``update_id`` is added) for the next getUpdates."""
        update = {"update_id": next(self._update_ids), **payload}
        self.updates.append(update)
        for waiter in self._waiters:
            waiter.set()
        return update

    def _user(
        self, user_id: int, first_name: str = "Test", username: str | None = None
    ) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        return user

    def inject_message(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        chat_type: str | None = None,
        title: str | None = None,
        first_name: str = "Test",
        username: str | None = None,
        sender_chat: int | None = None,
    ) -> dict[str, Any]:
        """A user writes ``text`` in ``chat_id``; "/cmd ..." gets a bot_command entity.
        ``sender_chat``: sent on behalf of that chat (the group itself: an anonymous admin)."""
        chat = self.add_chat(chat_id, type=chat_type, title=title)
        user_id = user_id if user_id is not None else (chat_id if chat_id > 0 else 1001)
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": chat,
            "from": self._user(user_id, first_name, username),
            "text": text,
        }
        if sender_chat is not None:
            message["sender_chat"] = self._chat(sender_chat)
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0] if text.strip() else text
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_len(command)}
            ]
        return self.inject_update({"message": message})

    def inject_callback(
        self,
        chat_id: int,
        data: str,
        *,
        user_id: int | None = None,
        message_id: int | None = None,
        message_text: str = "",
        chat_type: str | None = None,
    ) -> dict[str, Any]:
        """A user presses an inline button with ``data`` under a bot message in ``chat_id``."""
        chat = self.add_chat(chat_id, type=chat_type)
        user_id = user_id if user_id is not None else (chat_id if chat_id > 0 else 1001)
        if message_id is None:
            mine = self.sent_messages(chat_id)
            message_id = mine[-1].message_id if mine else self._next_message_id(chat_id)
        query = {
            "id": str(next(self._callback_ids)),
            "from": self._user(user_id),
            "chat_instance": str(chat_id),
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": chat,
                "from": BOT_USER,
                "text": message_text or "…",
            },
        }
        return self.inject_update({"callback_query": query})

    def inject_my_chat_member(
        self,
        chat_id: int,
        *,
        new_status: str = "member",
        old_status: str = "left",
        user_id: int | None = None,
        chat_type: str | None = None,
        title: str | None = None,
    ) -> dict[str, Any]:
        """The bot's membership in ``chat_id`` changed (e.g. new_status="kicked" = blocked)."""
        chat = self.add_chat(chat_id, type=chat_type, title=title)
        user_id = user_id if user_id is not None else (chat_id if chat_id > 0 else 1001)
        change = {
            "chat": chat,
            "from": self._user(user_id),
            "date": int(time.time()),
            "old_chat_member": _member(old_status),
            "new_chat_member": _member(new_status),
        }
        return self.inject_update({"my_chat_member": change})

    # ---------------------------------------------------------------- faults

    def add_fault(
        self,
        fault: Fault,
        *,
        method: str | tuple[str, ...] | None = "sendMessage",
        chat_id: int | None = None,
        times: int | None = 1,
        duration: float | None = None,
        when: Callable[[dict[str, Any]], bool] | None = None,
    ) -> Rule:
        """Answer matching calls with ``fault``: ``times`` calls (None = until removed) or
        for ``duration`` seconds; ``when`` filters on the call's params."""
        methods = None
        if method is not None:
            names = (method,) if isinstance(method, str) else method
            methods = frozenset(n.lower() for n in names)
        until = time.monotonic() + duration if duration is not None else None
        rule = Rule(fault, methods, chat_id, None if duration is not None else times, until, when)
        self.rules.append(rule)
        return rule

    def clear_faults(self, chat_id: int | None = None) -> None:
        self.rules = [r for r in self.rules if chat_id is not None and r.chat_id != chat_id]

    def flood(
        self,
        retry_after: int = 1,
        *,
        chat_id: int | None = None,
        times: int | None = 1,
        duration: float | None = None,
        method: str | None = "sendMessage",
    ) -> Rule:
        fault = Fault(
            429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
        )
        return self.add_fault(fault, method=method, chat_id=chat_id, times=times, duration=duration)

    def block(self, chat_id: int, reason: str = "blocked") -> Rule:
        """403 for every call to ``chat_id``; reason: blocked, deactivated, kicked,
        not_member, cant_initiate."""
        return self.add_fault(
            Fault(403, FORBIDDEN[reason]), method=None, chat_id=chat_id, times=None
        )

    def unblock(self, chat_id: int) -> None:
        self.clear_faults(chat_id)

    def chat_not_found(self, chat_id: int, *, times: int | None = None) -> Rule:
        return self.add_fault(
            Fault(400, "Bad Request: chat not found"), method=None, chat_id=chat_id, times=times
        )

    def migrate(self, chat_id: int, new_chat_id: int) -> Rule:
        """``chat_id`` became the supergroup ``new_chat_id`` (400 + migrate_to_chat_id)."""
        self.add_chat(new_chat_id, type="supergroup", title=self._chat(chat_id).get("title"))
        fault = Fault(
            400,
            "Bad Request: group chat was upgraded to a supergroup chat",
            {"migrate_to_chat_id": new_chat_id},
        )
        return self.add_fault(fault, method=None, chat_id=chat_id, times=None)

    def parse_error(self, *, chat_id: int | None = None, times: int | None = 1) -> Rule:
        """Reject HTML messages as unparsable (plain-text sends still pass)."""
        fault = Fault(
            400, 'Bad Request: can\'t parse entities: Unsupported start tag "x" at byte offset 0'
        )
        return self.add_fault(
            fault,
            chat_id=chat_id,
            times=times,
            when=lambda p: str(p.get("parse_mode", "")).upper() == "HTML",
        )

    def server_error(
        self,
        status: int = 502,
        *,
        chat_id: int | None = None,
        times: int | None = 1,
        method: str | None = "sendMessage",
    ) -> Rule:
        return self.add_fault(
            Fault(status, "Bad Gateway" if status == 502 else "Internal Server Error"),
            method=method,
            chat_id=chat_id,
            times=times,
        )

    def timeout(
        self,
        delay: float,
        *,
        chat_id: int | None = None,
        times: int | None = 1,
        deliver: bool = True,
        method: str | None = "sendMessage",
    ) -> Rule:
        """Answer ``delay`` seconds late; with ``deliver`` the message arrives anyway."""
        fault = Fault(500, "Internal Server Error: timeout", delay=delay, deliver=deliver)
        return self.add_fault(fault, method=method, chat_id=chat_id, times=times)

    def disconnect(
        self,
        *,
        chat_id: int | None = None,
        times: int | None = 1,
        method: str | None = "sendMessage",
    ) -> Rule:
        """Close the connection without answering (a connection error for the client)."""
        return self.add_fault(
            Fault(0, "dropped", drop=True), method=method, chat_id=chat_id, times=times
        )

    def garble(
        self,
        body: bytes = b"<html><body>upstream said OK</body></html>",
        *,
        status: int = 200,
        truncate: bool = False,
        chat_id: int | None = None,
        times: int | None = 1,
        method: str | None = "sendMessage",
    ) -> Rule:
        """Answer ``status`` with ``body`` (not JSON, or JSON the client cannot read); with
        ``truncate`` the body stops short of its Content-Length. With a 2xx status the message
        is delivered first: the request was accepted, and a client that resends it delivers it
        twice."""
        fault = Fault(status, "garbled", body=body, truncate=truncate)
        return self.add_fault(fault, method=method, chat_id=chat_id, times=times)

    def conflict(self, times: int | None = 1) -> Rule:
        fault = Fault(
            409,
            "Conflict: terminated by other getUpdates request; "
            "make sure that only one bot instance is running",
        )
        return self.add_fault(fault, method="getUpdates", times=times)

    def set_rate_limit(
        self, rate: float | None, *, burst: float | None = None, retry_after: int | None = None
    ) -> None:
        """Global messages/s (token bucket, burst defaults to one second's worth); None = off."""
        self._bucket = (
            _Bucket(rate, burst if burst is not None else max(1.0, rate)) if rate else None
        )
        if retry_after is not None:
            self._retry_after = retry_after

    # ---------------------------------------------------------------- HTTP

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        params = await _read_params(request)
        call = Call(method, params, time.monotonic(), _chat_id(params.get("chat_id")))
        self.calls.append(call)
        assert self._changed is not None
        self._changed.set()  # wait_for_call sees a call at once, even a long poll still open
        try:
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            fault = self._take_fault(method.lower(), call)
            if fault is not None:
                return await self._fault(fault, call, request)
            result = await self._dispatch(call)
        except ApiError as exc:
            return self._error(call, exc)
        return self._ok(result)

    def _ok(self, result: Any) -> web.Response:
        assert self._changed is not None
        self._changed.set()
        return web.json_response({"ok": True, "result": result})

    def _error(self, call: Call, exc: ApiError) -> web.Response:
        assert self._changed is not None
        call.status = exc.status
        self._changed.set()
        body: dict[str, Any] = {
            "ok": False,
            "error_code": exc.status,
            "description": exc.description,
        }
        if exc.parameters:
            body["parameters"] = exc.parameters
        return web.json_response(body, status=exc.status)

    def _take_fault(self, method: str, call: Call) -> Fault | None:
        for rule in self.rules:
            if rule.matches(method, call.chat_id, call.params, call.time):
                if rule.remaining is not None:
                    rule.remaining -= 1
                return rule.fault
        return None

    async def _fault(self, fault: Fault, call: Call, request: web.Request) -> web.StreamResponse:
        if fault.drop:
            call.status = 0
            if request.transport is not None:
                request.transport.close()
            return web.Response(status=500)
        if fault.body is not None:
            return await self._garbled(fault, call, request)
        if fault.delay:
            response: web.Response | None = None
            if fault.deliver:
                try:
                    response = self._ok(await self._dispatch(call))
                except ApiError as exc:
                    response = self._error(call, exc)
            await self._sleep(fault.delay)
            return response or self._error(call, ApiError(fault.status, fault.description))
        return self._error(call, ApiError(fault.status, fault.description, fault.parameters))

    async def _garbled(self, fault: Fault, call: Call, request: web.Request) -> web.StreamResponse:
        assert fault.body is not None and self._changed is not None
        if 200 <= fault.status <= 299:
            try:
                await self._dispatch(call)
            except ApiError as exc:  # not delivered after all: answer as the server would
                return self._error(call, exc)
        call.status = fault.status
        self._changed.set()
        if not fault.truncate:
            return web.Response(status=fault.status, body=fault.body, content_type="text/html")
        response = web.StreamResponse(status=fault.status, headers={"Content-Type": "text/html"})
        response.content_length = len(fault.body) + 1000
        await response.prepare(request)
        await response.write(fault.body)
        if request.transport is not None:
            request.transport.close()
        return response

    async def _sleep(self, seconds: float) -> None:
        assert self._closing is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._closing.wait(), seconds)

    async def _dispatch(self, call: Call) -> Any:
        name = call.method.lower()
        if name in SEND_METHODS:
            self._check_global_rate(call)
        handler = getattr(self, f"_m_{name}", None)
        if handler is not None:
            return await handler(call) if name == "getupdates" else handler(call)
        if name in (
            "deletewebhook",
            "setwebhook",
            "sendchataction",
            "deletemessage",
            "setmydescription",
            "setmyshortdescription",
            "setchatmenubutton",
            "deletemycommands",
            "close",
            "logout",
        ):
            return True
        raise ApiError(
            404, f"Not Found: method {call.method} is not implemented by the fake Bot API"
        )

    def _check_global_rate(self, call: Call) -> None:
        if self._bucket is not None and (wait := self._bucket.take(call.time)) > 0:
            self.violations.append(
                Violation("global_rate", call.chat_id, call.time, f"next token in {wait:.3f}s")
            )
            retry = max(self._retry_after, math.ceil(wait))
            raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})

    def _check_chat_limits(self, chat_id: int, now: float) -> None:
        """Per-chat limits, counted on accepted messages: recorded, enforced if asked."""
        times = self._chat_times.setdefault(chat_id, deque())
        retry_in = 0.0
        if chat_id > 0 and times and now - times[-1] < self.private_interval - self.tolerance:
            gap = now - times[-1]
            self.violations.append(
                Violation("private_interval", chat_id, now, f"{gap:.3f}s after the previous")
            )
            retry_in = self.private_interval - gap
        if chat_id < 0:
            while times and now - times[0] >= 60 - self.tolerance:
                times.popleft()
            if len(times) >= self.group_per_minute:
                self.violations.append(
                    Violation("group_per_minute", chat_id, now, f"{len(times) + 1} in 60s")
                )
                retry_in = 60 - (now - times[0])
        if retry_in and self.enforce_chat_limits:
            retry = max(1, math.ceil(retry_in))
            raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
        times.append(now)
        if chat_id > 0:
            while len(times) > 1:
                times.popleft()

    # ---------------------------------------------------------------- methods

    def _m_getme(self, call: Call) -> dict[str, Any]:
        return BOT_USER

    def _m_getchatmember(self, call: Call) -> dict[str, Any]:
        """The status set by set_member; "member" for anyone else."""
        chat_id, user_id = _need_chat(call), call.params.get("user_id")
        if user_id is None or not str(user_id).lstrip("-").isdigit():
            raise ApiError(400, "Bad Request: invalid user_id specified")
        status = self.members.get((chat_id, int(user_id)), "member")
        return _member(status, self._user(int(user_id)))

    def _m_getchat(self, call: Call) -> dict[str, Any]:
        return {**self._chat(_need_chat(call)), "accent_color_id": 0, "max_reaction_count": 11}

    def _message(self, chat_id: int, **extra: Any) -> dict[str, Any]:
        return {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": self._chat(chat_id),
            "from": BOT_USER,
            **extra,
        }

    def _record(self, call: Call, result: dict[str, Any], text: str | None) -> dict[str, Any]:
        self._check_chat_limits(result["chat"]["id"], call.time)
        self.messages.append(
            SentMessage(
                result["chat"]["id"],
                result["message_id"],
                text,
                call.params.get("parse_mode"),
                call.method,
                call.time,
                call.params,
            )
        )
        return result

    def _visible(self, text: str, parse_mode: Any, limit: int, what: str) -> str:
        """Visible text after parsing; ``what`` is "text" or "caption" for the error."""
        visible = parse_html(text) if str(parse_mode or "").upper() == "HTML" else text
        if not visible.strip():
            raise ApiError(400, f"Bad Request: message {what} is empty")
        if utf16_len(visible) > limit:
            raise ApiError(
                400,
                "Bad Request: message is too long"
                if what == "text"
                else "Bad Request: message caption is too long",
            )
        return visible

    def _m_sendmessage(self, call: Call) -> dict[str, Any]:
        chat_id, text = _need_chat(call), str(call.params.get("text", ""))
        visible = self._visible(text, call.params.get("parse_mode"), 4096, "text")
        return self._record(call, self._message(chat_id, text=visible), text)

    def _m_editmessagetext(self, call: Call) -> dict[str, Any]:
        chat_id, text = _need_chat(call), str(call.params.get("text", ""))
        message_id = int(call.params.get("message_id", 0))
        old = next(
            (m for m in self.messages if m.chat_id == chat_id and m.message_id == message_id), None
        )
        if old is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if old.text == text:
            raise ApiError(400, "Bad Request: message is not modified")
        visible = self._visible(text, call.params.get("parse_mode"), 4096, "text")
        old.text = text
        return {
            "message_id": message_id,
            "date": int(old.time),
            "edit_date": int(time.time()),
            "chat": self._chat(chat_id),
            "from": BOT_USER,
            "text": visible,
        }

    def _media(self, call: Call, field_name: str) -> tuple[int, str | None, bytes | str]:
        chat_id = _need_chat(call)
        caption = call.params.get("caption")
        if caption:
            caption = self._visible(str(caption), call.params.get("parse_mode"), 1024, "caption")
        content = call.params.get(field_name)
        if content is None:
            raise ApiError(400, f"Bad Request: there is no {field_name} in the request")
        return chat_id, caption, content

    def _m_sendphoto(self, call: Call) -> dict[str, Any]:
        chat_id, caption, content = self._media(call, "photo")
        size = len(content) if isinstance(content, bytes) else 0
        photo = [
            {
                "file_id": f"photo-{len(self.messages)}",
                "file_unique_id": f"u{len(self.messages)}",
                "width": 640,
                "height": 480,
                "file_size": size,
            }
        ]
        extra = {"caption": caption} if caption else {}
        return self._record(call, self._message(chat_id, photo=photo, **extra), caption)

    def _m_senddocument(self, call: Call) -> dict[str, Any]:
        chat_id, caption, content = self._media(call, "document")
        document = {
            "file_id": f"doc-{len(self.messages)}",
            "file_unique_id": f"d{len(self.messages)}",
            "file_name": call.params.get("_filename_document", "file"),
            "file_size": len(content) if isinstance(content, bytes) else 0,
        }
        extra = {"caption": caption} if caption else {}
        return self._record(call, self._message(chat_id, document=document, **extra), caption)

    def _m_setmycommands(self, call: Call) -> bool:
        self.commands = list(call.params.get("commands") or [])
        return True

    def _m_getmycommands(self, call: Call) -> list[dict[str, Any]]:
        return self.commands

    def _m_answercallbackquery(self, call: Call) -> bool:
        if not call.params.get("callback_query_id"):
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        return True

    async def _m_getupdates(self, call: Call) -> list[dict[str, Any]]:
        assert self._closing is not None
        offset = int(call.params.get("offset") or 0)
        timeout = float(call.params.get("timeout") or 0)
        limit = max(1, min(100, int(call.params.get("limit") or 100)))
        if offset > 0:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        elif offset < 0:
            self.updates = self.updates[offset:]
        self._poll_generation += 1  # an older poll still waiting is terminated (409)
        generation, deadline = self._poll_generation, call.time + timeout
        for other in self._waiters:
            other.set()
        waiter = asyncio.Event()
        self._waiters.add(waiter)
        try:
            while not self.updates and not self._closing.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                waiter.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(waiter.wait(), remaining)
                if generation != self._poll_generation:
                    raise ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; "
                        "make sure that only one bot instance is running",
                    )
        finally:
            self._waiters.discard(waiter)
        return self.updates[:limit]


def _member(status: str, user: dict[str, Any] | None = None) -> dict[str, Any]:
    member: dict[str, Any] = {"status": status, "user": user or BOT_USER}
    if status == "kicked":
        member["until_date"] = 0
    elif status == "administrator":
        member.update(
            dict.fromkeys(
                (
                    "can_be_edited",
                    "is_anonymous",
                    "can_manage_chat",
                    "can_delete_messages",
                    "can_manage_video_chats",
                    "can_restrict_members",
                    "can_promote_members",
                    "can_change_info",
                    "can_invite_users",
                    "can_post_stories",
                    "can_edit_stories",
                    "can_delete_stories",
                ),
                False,
            )
        )
        member["can_manage_chat"] = True
    elif status == "creator":
        member["is_anonymous"] = False
    return member


def _chat_id(value: Any) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None


def _need_chat(call: Call) -> int:
    if call.chat_id is None:
        raise ApiError(400, "Bad Request: chat not found")
    return call.chat_id


async def _read_params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        params.update(await request.json())
        return params
    if request.method == "POST":
        for key, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                params[key] = value.file.read()
                params[f"_filename_{key}"] = value.filename
            else:
                params[key] = value
    for key in JSON_PARAMS & params.keys():
        if isinstance(params[key], str):
            with contextlib.suppress(ValueError):
                params[key] = json.loads(params[key])
    for key, value in list(params.items()):  # attach://name → the uploaded part
        if isinstance(value, str) and value.startswith("attach://") and value[9:] in params:
            params[key] = params[value[9:]]
    return params


# -------------------------------------------------------------------- control API (standalone)


def _add_control_routes(app: web.Application, api: FakeBotAPI) -> None:
    """JSON endpoints for scripts that run the server in another process."""

    async def stats(request: web.Request) -> web.Response:
        return web.json_response(api.stats())

    async def messages(request: web.Request) -> web.Response:
        chat = _chat_id(request.query.get("chat_id"))
        rows = [
            {k: v for k, v in asdict(m).items() if k != "params"} for m in api.sent_messages(chat)
        ]
        return web.json_response(rows)

    async def inject(request: web.Request) -> web.Response:
        body = await request.json()
        kind = body.pop("kind", "message")
        update = {
            "message": api.inject_message,
            "callback": api.inject_callback,
            "my_chat_member": api.inject_my_chat_member,
        }[kind](**body)
        return web.json_response(update)

    async def fault(request: web.Request) -> web.Response:
        body = await request.json()
        kind = body.pop("kind")
        if kind not in (
            "flood",
            "block",
            "unblock",
            "chat_not_found",
            "migrate",
            "parse_error",
            "server_error",
            "timeout",
            "disconnect",
            "conflict",
            "clear_faults",
            "set_rate_limit",
        ):
            raise web.HTTPBadRequest(text=f"unknown fault {kind}")
        getattr(api, kind)(**body)
        return web.json_response({"ok": True})

    async def reset(request: web.Request) -> web.Response:
        api.reset()
        return web.json_response({"ok": True})

    app.router.add_get("/_fake/stats", stats)
    app.router.add_get("/_fake/messages", messages)
    app.router.add_post("/_fake/inject", inject)
    app.router.add_post("/_fake/fault", fault)
    app.router.add_post("/_fake/reset", reset)


async def serve(args: argparse.Namespace) -> None:
    api = FakeBotAPI(
        token=args.token,
        port=args.port,
        rate_limit=args.rate,
        burst=args.burst,
        enforce_chat_limits=args.enforce_chat_limits,
        control_api=True,
    )
    await api.start()
    print(f"PORT {api.port}", flush=True)
    print(
        f"fake Bot API on {api.base_url} (DIPLOWATCH_TELEGRAM_API_URL), control under /_fake/",
        flush=True,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await api.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the fake Telegram Bot API server.")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token", default=os.environ.get("DIPLOWATCH_TELEGRAM_TOKEN", TOKEN))
    parser.add_argument("--rate", type=float, default=None, help="global messages/s (429 beyond)")
    parser.add_argument("--burst", type=float, default=None)
    parser.add_argument("--enforce-chat-limits", action="store_true")
    asyncio.run(serve(parser.parse_args()))


# -------------------------------------------------------------------- pytest plugin


def pytest_configure(config: pytest.Config) -> None:
    # PTB 22 warns on every RetryAfter unless opted in to timedelta periods; tests treat
    # warnings as errors.
    os.environ.setdefault("PTB_TIMEDELTA", "1")


@pytest.fixture
async def bot_api(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A started FakeBotAPI on 127.0.0.1 (random port), stopped after the test."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    async with FakeBotAPI() as server:
        yield server


if __name__ == "__main__":
    main()
