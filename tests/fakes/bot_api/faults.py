"""Injected faults: rules matched per method and chat that answer a call with an error (429,
403, 400 migrate or parse, 5xx, 409), late (a timeout), not at all (a dropped connection) or
with a garbled body."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from .protocol import ApiError
from .records import Call

FORBIDDEN = {
    "blocked": "Forbidden: bot was blocked by the user",
    "deactivated": "Forbidden: user is deactivated",
    "kicked": "Forbidden: bot was kicked from the group chat",
    "not_member": "Forbidden: bot is not a member of the channel chat",
    "cant_initiate": "Forbidden: bot can't initiate conversation with a user",
}


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


class Faults:
    """FakeBotAPI's fault rules: add_fault and its shorthands."""

    rules: list[Rule]  # the first that matches a call answers it

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
