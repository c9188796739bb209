"""The feed server: content by path (and query), faults, counters of what was asked."""

from __future__ import annotations

import asyncio
import hashlib
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from aiohttp import web

from .channel import render_channel_page
from .faults import Fault, reset_connection, stream
from .resources import DEFAULT_LAST_MODIFIED, Body, Hit, Resource, content_type, not_modified


class FeedServer:
    def __init__(self, root: Path | None = None, *, host: str = "127.0.0.1") -> None:
        self.root = root
        self.host = host
        self.port = 0
        self.resources: dict[str, Resource] = {}
        self.faults: dict[str, Fault] = {}
        self.requests: Counter[str] = Counter()  # per path, query ignored
        self.conditional: Counter[str] = Counter()  # per path: requests with validators
        self.hits: list[Hit] = []
        self.in_flight = 0
        self.max_in_flight = 0  # most requests handled at the same time
        self.peers: set[tuple] = set()  # client (address, port) pairs: one per TCP connection
        self._runner: web.AppRunner | None = None

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=0.1
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FeedServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def set_content(
        self,
        path: str,
        body: Body,
        *,
        content_type: str = "application/xml",
        etag: str | bool = True,
        last_modified: str | bool = True,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Serve ``body`` at ``path`` (may include ``?query``). True = automatic validators."""
        if etag is True:
            etag = (
                '"'
                + hashlib.sha1(body if isinstance(body, bytes) else path.encode()).hexdigest()[:16]
                + '"'
            )
        if last_modified is True:
            last_modified = DEFAULT_LAST_MODIFIED
        self.resources[path] = Resource(
            body, content_type, etag or None, last_modified or None, dict(headers or {})
        )

    def set_file(self, path: str, file: Path, **kwargs: object) -> None:
        kwargs.setdefault("content_type", content_type(file))
        self.set_content(path, file.read_bytes(), **kwargs)  # type: ignore[arg-type]

    def set_fault(self, path: str, **fields: object) -> Fault:
        fault = Fault(**fields)  # type: ignore[arg-type]
        self.faults[path] = fault
        return fault

    def clear_fault(self, path: str) -> None:
        self.faults.pop(path, None)

    def reset_counters(self) -> None:
        self.requests.clear()
        self.conditional.clear()
        self.hits.clear()
        self.max_in_flight = 0

    def set_channel(
        self,
        path: str,
        channel: str,
        posts: Mapping[int, str],
        *,
        page_size: int = 20,
        title: str = "Channel",
    ) -> None:
        """Serve ``posts`` (id → text, read at request time) as channel preview pages at ``path``."""

        def page(request: web.Request) -> bytes:
            before = request.query.get("before", "")
            ids = sorted(i for i in posts if not before.isdigit() or i < int(before))[-page_size:]
            more = bool(ids) and ids[0] > min(posts)  # as on t.me: none on the oldest page
            return render_channel_page(channel, [(i, posts[i]) for i in ids], title=title, more=more)

        self.set_content(
            path, page, content_type="text/html; charset=utf-8", etag=False, last_modified=False
        )

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.transport is not None:
            self.peers.add(request.transport.get_extra_info("peername"))
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await self._answer(request)
        finally:
            self.in_flight -= 1

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        conditional = "If-None-Match" in request.headers or "If-Modified-Since" in request.headers
        self.requests[request.path] += 1
        self.conditional[request.path] += conditional
        self.hits.append(
            Hit(request.path, request.query_string, conditional, dict(request.headers))
        )
        fault = self._take_fault(request.path)
        if fault is not None:
            if fault.delay:
                await asyncio.sleep(fault.delay)
            answer = await self._fault_response(request, fault)
            if answer is not None:
                return answer
        return await self._serve(request, fault)

    def _take_fault(self, path: str) -> Fault | None:
        fault = self.faults.get(path)
        if fault is not None and fault.times is not None:
            fault.times -= 1
            if fault.times <= 0:
                self.faults.pop(path, None)
        return fault

    async def _fault_response(
        self, request: web.Request, fault: Fault
    ) -> web.StreamResponse | None:
        if fault.reset:
            return reset_connection(request)
        if fault.redirect:
            location = fault.redirect if "://" in fault.redirect else self.url(fault.redirect)
            return web.Response(status=fault.redirect_status, headers={"Location": location})
        if fault.status:
            headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after else {}
            return web.Response(status=fault.status, text=f"error {fault.status}", headers=headers)
        if fault.huge:
            return await stream(request, b"x" * 65536, total=fault.huge)
        return None

    async def _serve(self, request: web.Request, fault: Fault | None) -> web.StreamResponse:
        resource = self._lookup(request)
        if resource is None:
            return web.Response(status=404, text="not found")
        headers = dict(resource.headers)
        headers.update(
            {
                k: v
                for k, v in (("ETag", resource.etag), ("Last-Modified", resource.last_modified))
                if v
            }
        )
        if not_modified(request, resource):
            return web.Response(status=304, headers=headers)
        body = resource.body(request) if callable(resource.body) else resource.body
        headers["Content-Type"] = resource.content_type
        if fault is not None and fault.drip:
            return await stream(
                request, body, chunk=fault.drip_chunk, pause=fault.drip, headers=headers
            )
        return web.Response(body=body, headers=headers)

    def _lookup(self, request: web.Request) -> Resource | None:
        if request.query_string and (
            found := self.resources.get(f"{request.path}?{request.query_string}")
        ):
            return found
        if found := self.resources.get(request.path):
            return found
        if self.root is None:
            return None
        file = (self.root / request.path.lstrip("/")).resolve()
        if not file.is_file() or not file.is_relative_to(self.root.resolve()):
            return None
        data = file.read_bytes()
        return Resource(
            data,
            content_type(file),
            '"' + hashlib.sha1(data).hexdigest()[:16] + '"',
            DEFAULT_LAST_MODIFIED,
        )
