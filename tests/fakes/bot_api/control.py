"""The control API under ``/_fake/``: JSON endpoints for scripts that run the fake in another
process (``python -m tests.fakes.bot_api``) to read what it saw and inject updates and faults."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from aiohttp import web

from .protocol import chat_id_of

if TYPE_CHECKING:
    from .server import FakeBotAPI

FAULT_KINDS = frozenset(
    {
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
    }
)


class _Control:
    def __init__(self, api: FakeBotAPI) -> None:
        self.api = api

    async def stats(self, request: web.Request) -> web.Response:
        return web.json_response(self.api.stats())

    async def messages(self, request: web.Request) -> web.Response:
        chat = chat_id_of(request.query.get("chat_id"))
        rows = [
            {k: v for k, v in asdict(m).items() if k != "params"}
            for m in self.api.sent_messages(chat)
        ]
        return web.json_response(rows)

    async def inject(self, request: web.Request) -> web.Response:
        body = await request.json()
        kind = body.pop("kind", "message")
        update = {
            "message": self.api.inject_message,
            "callback": self.api.inject_callback,
            "my_chat_member": self.api.inject_my_chat_member,
        }[kind](**body)
        return web.json_response(update)

    async def fault(self, request: web.Request) -> web.Response:
        body = await request.json()
        kind = body.pop("kind")
        if kind not in FAULT_KINDS:
            raise web.HTTPBadRequest(text=f"unknown fault {kind}")
        getattr(self.api, kind)(**body)
        return web.json_response({"ok": True})

    async def reset(self, request: web.Request) -> web.Response:
        self.api.reset()
        return web.json_response({"ok": True})


def add_control_routes(app: web.Application, api: FakeBotAPI) -> None:
    """JSON endpoints for scripts that run the server in another process."""
    control = _Control(api)
    app.router.add_get("/_fake/stats", control.stats)
    app.router.add_get("/_fake/messages", control.messages)
    app.router.add_post("/_fake/inject", control.inject)
    app.router.add_post("/_fake/fault", control.fault)
    app.router.add_post("/_fake/reset", control.reset)
