"""The server: the aiohttp app and its lifecycle, and one HTTP call from request to answer
(token, injected fault, method). What it records, answers and injects is mixed in from the
sibling modules, one per concern."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections import deque
from typing import Any

from aiohttp import web

from .chats import Chats
from .control import add_control_routes
from .faults import Faults, Rule
from .limits import Limits
from .methods import Methods
from .protocol import TOKEN, ApiError, read_params
from .records import Call, Records, SentMessage, Violation
from .updates import Updates


class FakeBotAPI(Records, Chats, Updates, Faults, Limits, Methods):
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
        self.commands, self.commands_in = [], {}  # setMyCommands' lists, by language_code
        self.chats: dict[int, dict[str, Any]] = {}
        self.members: dict[tuple[int, int], str] = {}  # (chat, user) → getChatMember's status
        self.rights, self.topics = {}, {}  # administrators' rights, forum topics (chats.py)
        self._bucket, self.paid_sends = None, 0
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

    async def start(self) -> FakeBotAPI:
        self._closing, self._changed = asyncio.Event(), asyncio.Event()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        if self._control_api:
            add_control_routes(app, self)
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

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        params = await read_params(request)
        call = Call(method, params, time.monotonic(), self.resolve_chat(params.get("chat_id")))
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

    async def _sleep(self, seconds: float) -> None:
        assert self._closing is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._closing.wait(), seconds)
