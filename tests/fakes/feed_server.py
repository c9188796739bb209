"""A local HTTP server for feeds, channel pages and press pages, with injectable faults.

Usable without pytest (the demo, e2e tests)::

    server = FeedServer(root=Path("tests/data"))        # optional directory fallback
    base = await server.start()                           # "http://127.0.0.1:<port>"
    server.set_content("/feed.xml", b"<rss>…</rss>")     # ETag + Last-Modified, 304s
    server.set_fault("/feed.xml", status=503, retry_after="120")
    ...
    await server.stop()

Content is looked up by ``path?query`` first, then by ``path``; a callable body gets the
request. Faults: ``delay`` (seconds before answering), ``status`` (+``retry_after``),
``reset`` (close with TCP RST), ``huge`` (stream that many bytes), ``drip`` (seconds between
``drip_chunk``-byte writes), ``redirect`` (a path or an absolute URL; two redirects make a loop),
``times`` (the fault applies to the next N requests only).

``set_channel`` serves a fake public channel preview (``t.me/s/<channel>`` layout) with
``?before=`` paging over a dict of posts the test can change between polls;
``render_channel_page`` builds such a page.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import mimetypes
import socket
import struct
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

from aiohttp import web

Body = bytes | Callable[[web.Request], bytes]
DEFAULT_LAST_MODIFIED = format_datetime(datetime(2026, 11, 25, 8, 0, tzinfo=UTC), usegmt=True)
_TYPES = {".xml": "application/xml", ".rss": "application/rss+xml", ".atom": "application/atom+xml"}


@dataclass
class Fault:
    delay: float = 0.0
    status: int | None = None
    retry_after: str | None = None
    reset: bool = False
    huge: int = 0
    drip: float = 0.0
    drip_chunk: int = 16
    redirect: str | None = None
    redirect_status: int = 302
    times: int | None = None


@dataclass
class Resource:
    body: Body
    content_type: str = "application/xml"
    etag: str | None = None  # None: no ETag header
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    path: str
    query: str
    conditional: bool
    headers: dict[str, str]


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
        kwargs.setdefault("content_type", _content_type(file))
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
            return _reset(request)
        if fault.redirect:
            location = fault.redirect if "://" in fault.redirect else self.url(fault.redirect)
            return web.Response(status=fault.redirect_status, headers={"Location": location})
        if fault.status:
            headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after else {}
            return web.Response(status=fault.status, text=f"error {fault.status}", headers=headers)
        if fault.huge:
            return await _stream(request, b"x" * 65536, total=fault.huge)
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
        if _not_modified(request, resource):
            return web.Response(status=304, headers=headers)
        body = resource.body(request) if callable(resource.body) else resource.body
        headers["Content-Type"] = resource.content_type
        if fault is not None and fault.drip:
            return await _stream(
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
            _content_type(file),
            '"' + hashlib.sha1(data).hexdigest()[:16] + '"',
            DEFAULT_LAST_MODIFIED,
        )


def _content_type(file: Path) -> str:
    return (
        _TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    )


def _not_modified(request: web.Request, resource: Resource) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {tag.strip() for tag in if_none_match.split(",")}
        return bool(resource.etag) and ("*" in tags or resource.etag in tags)
    since = request.headers.get("If-Modified-Since")
    if since and resource.last_modified:
        try:
            return parsedate_to_datetime(resource.last_modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


def _reset(request: web.Request) -> web.StreamResponse:
    """Drop the connection with a TCP RST, before any response byte."""
    transport = request.transport
    sock = transport.get_extra_info("socket") if transport else None
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    if transport is not None:
        transport.abort()
    return web.Response(status=500)


async def _stream(
    request: web.Request,
    body: bytes,
    *,
    total: int | None = None,
    chunk: int = 65536,
    pause: float = 0.0,
    headers: dict[str, str] | None = None,
) -> web.StreamResponse:
    """Write ``body`` in chunks (repeated up to ``total`` bytes), pausing between chunks."""
    response = web.StreamResponse(headers=headers)
    await response.prepare(request)
    sent, limit = 0, total if total is not None else len(body)
    try:
        while sent < limit:
            piece = body[sent % len(body) :][:chunk][: limit - sent]
            await response.write(piece)
            sent += len(piece)
            if pause:
                await asyncio.sleep(pause)
        await response.write_eof()
    except (ConnectionError, RuntimeError):
        pass  # the client gave up, as it should
    return response


def render_channel_page(
    channel: str,
    posts: list[tuple[int, str]],
    *,
    title: str = "Channel",
    posted_at: Callable[[int], datetime] = lambda i: (
        datetime(2026, 11, 1, tzinfo=UTC) + timedelta(minutes=i)
    ),
    more: bool = True,
) -> bytes:
    """A channel preview page in the t.me/s layout; ``\\n`` in a post's text becomes <br/>.
    ``more``: the "more" link to older posts, which t.me leaves out on the oldest page."""
    link = ""
    if posts and more:
        oldest = min(i for i, _ in posts)
        link = f'<a class="tme_messages_more js-messages_more" data-before="{oldest}" href="/s/{channel}?before={oldest}"></a>'
    items = "\n".join(_render_post(channel, i, text, posted_at(i)) for i, text in posts)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><main class="tgme_main">'
        f'<div class="tgme_channel_info_header_title"><span dir="auto">{html.escape(title)}</span></div>'
        f'<section class="tgme_channel_history js-message_history">{link}\n{items}</section>'
        "</main></body></html>"
    ).encode()


def _render_post(channel: str, post_id: int, text: str, when: datetime) -> str:
    body = "<br/>".join(html.escape(line) for line in text.split("\n"))
    return (
        '<div class="tgme_widget_message_wrap js-widget_message_wrap">'
        f'<div class="tgme_widget_message js-widget_message" data-post="{channel}/{post_id}">'
        f'<div class="tgme_widget_message_text js-message_text" dir="auto">{body}</div>'
        f'<span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/{channel}/{post_id}">'
        f'<time datetime="{when.isoformat()}" class="time"></time></a></span></div></div>'
    )
