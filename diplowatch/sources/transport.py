"""The transport under the sources' ``httpx.AsyncClient``: HTTP/1.1 over an aiohttp session.

Why not httpx's own (httpcore): with many sources its pool costs more than the request.
Every request and every release walks all pooled connections, asking each whether its
socket is readable through anyio's per-call attribute tables; in a profile of a poll cycle
where every source answers 304 that was most of the time. Over aiohttp that cycle went from
0.73–0.76 s to 0.38–0.42 s (the monitor benchmark's child, 3 runs before and after). The
Fetcher still speaks httpx: requests, responses, timeouts and errors are httpx's, so nothing
above this module changes.

Why not the httpx-aiohttp package, which does this: it maps every aiohttp connection error to
``httpx.ConnectTimeout`` (a reset server would be reported as a connect timeout) and exposes
no peer address, which the SSRF guard re-checks after connecting (``network_stream``).

The address check that stops DNS rebinding is in the connector's resolver (_GuardedResolver):
the name is looked up again to connect, and an answer with a non-public address ends the
request before any connection is opened. aiohttp's DNS cache is off, so every new connection
is checked against a fresh answer (its cost: one lookup per new connection, which the
Fetcher's own check already pays).
"""

from __future__ import annotations

import contextvars
import functools
import os
import socket
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager

import aiohttp
import httpx
from aiohttp.abc import AbstractResolver, ResolveResult

from diplowatch.sources.addresses import AddressRefused, is_public_address, refused_reason

# The address the current request's connection reached, set by _PeerConnector.connect (which
# aiohttp awaits in the task that sends the request).
_peer: contextvars.ContextVar[tuple | None] = contextvars.ContextVar("peer", default=None)
# Whether the current request may reach non-public addresses: the request's extension
# "allow_private" (the Fetcher's setting), read by the resolver in the same task.
_allow_private: contextvars.ContextVar[bool] = contextvars.ContextVar("allow_private",
                                                                      default=False)


class _GuardedResolver(AbstractResolver):
    """aiohttp's resolver, refusing every answer of a name that includes a non-public address
    (unless the request allows them). IP literals never get here: nothing to rebind."""

    def __init__(self) -> None:
        self._resolver = aiohttp.DefaultResolver()

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        answers = await self._resolver.resolve(host, port, family)
        if not _allow_private.get():
            for answer in answers:
                if not is_public_address(answer["host"]):
                    raise AddressRefused(refused_reason(host, answer["host"]))
        return answers

    async def close(self) -> None:
        await self._resolver.close()


class _PeerConnector(aiohttp.TCPConnector):
    async def connect(self, req, traces, timeout):
        connection = await super().connect(req, traces, timeout)
        transport = connection.transport
        _peer.set(transport.get_extra_info("peername") if transport is not None else None)
        return connection


class _Peer:
    """What httpx's ``network_stream`` extension offers the Fetcher: the connected address."""

    def __init__(self, address: tuple | None) -> None:
        self.address = address

    def get_extra_info(self, info: str) -> object:
        return self.address if info == "server_addr" else None


class _Body(httpx.AsyncByteStream):
    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self._response = response

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _as_httpx_errors():
            async for chunk in self._response.content.iter_any():
                yield chunk

    async def aclose(self) -> None:
        if self._response.content.at_eof():
            self._response.release()  # read to the end: the connection goes back to the pool
        else:
            self._response.close()  # cut short (a size cap): the rest is never read


class AiohttpTransport(httpx.AsyncBaseTransport):
    """httpx requests over one aiohttp session, created on first use inside the event loop.

    No cookies, no proxies from the environment, no redirects (the Fetcher follows them hop by
    hop), no decompression (httpx decodes, so the body cap counts decoded bytes).
    """

    def __init__(self, *, max_connections: int = 32, keepalive: float = 5.0) -> None:
        self.max_connections, self.keepalive = max_connections, keepalive
        self._session: aiohttp.ClientSession | None = None
        self._resolver: _GuardedResolver | None = None  # made with the session, in the loop

    def _open(self) -> aiohttp.ClientSession:
        self._resolver = _GuardedResolver()
        connector = _PeerConnector(limit=self.max_connections, keepalive_timeout=self.keepalive,
                                   ssl=httpx.create_ssl_context(), resolver=self._resolver,
                                   use_dns_cache=False)
        return aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar(),
                                     trust_env=False, auto_decompress=False)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._session is None:
            self._session = self._open()
        timeout = request.extensions.get("timeout", {})
        _peer.set(None)
        _allow_private.set(bool(request.extensions.get("allow_private")))
        with _as_httpx_errors():
            response = await self._session.request(
                request.method, str(request.url), headers=request.headers.multi_items(),
                data=request.content or None, allow_redirects=False,
                timeout=_timeout(timeout.get("connect"), timeout.get("read")),
            )
        extensions = {"network_stream": _Peer(_peer.get()), "http_version": b"HTTP/1.1"}
        if response.reason:
            extensions["reason_phrase"] = response.reason.encode("ascii", "replace")
        return httpx.Response(response.status, headers=response.raw_headers,
                              stream=_Body(response), request=request, extensions=extensions)

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            if self._resolver is not None:  # passed in: the connector leaves it open
                await self._resolver.close()
            self._session = self._resolver = None


@functools.lru_cache(maxsize=16)
def _timeout(connect: float | None, read: float | None) -> aiohttp.ClientTimeout:
    return aiohttp.ClientTimeout(sock_connect=connect, sock_read=read)  # frozen: shareable


@contextmanager
def _as_httpx_errors() -> Iterator[None]:
    """aiohttp's exceptions as the httpx exceptions the Fetcher turns into reasons."""
    try:
        yield
    except aiohttp.ClientConnectorDNSError as exc:
        if isinstance(exc.os_error, AddressRefused):
            raise httpx.ConnectError(str(exc.os_error)) from exc.os_error
        raise _map(exc) from exc
    except (aiohttp.ClientError, TimeoutError) as exc:
        raise _map(exc) from exc


def connect_failure(exc: aiohttp.ClientConnectorError) -> str:
    """Why a connection failed, in words a reader of /sources follows: 'connection refused',
    not aiohttp's 'Cannot connect to host h:443 ssl:default [Connect call failed (…)]'."""
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return "its TLS certificate is not valid"
    if isinstance(exc, aiohttp.ClientConnectorSSLError):
        return "the TLS handshake failed"
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return "the host name does not resolve"
    error = exc.os_error
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, TimeoutError):
        return "the connection timed out"
    if error.errno and error.errno > 0:
        return os.strerror(error.errno).lower()  # 'network is unreachable', 'no route to host'
    return "network error"


def _map(exc: BaseException) -> httpx.HTTPError:
    message = str(exc) or type(exc).__name__
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(message)
    if isinstance(exc, aiohttp.SocketTimeoutError):
        return httpx.ReadTimeout(message)
    if isinstance(exc, aiohttp.ServerTimeoutError | TimeoutError):
        return httpx.TimeoutException(message)
    if isinstance(exc, aiohttp.ClientConnectorError):
        return httpx.ConnectError(connect_failure(exc))
    if isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError
                  | aiohttp.ClientOSError):
        return httpx.ReadError(message)
    if isinstance(exc, aiohttp.ClientResponseError):  # a malformed status line or headers
        return httpx.RemoteProtocolError(message)
    return httpx.TransportError(message)
