"""HTTP fetching for sources: one shared httpx client, SSRF guard, caps, conditional GET.

Every hop of a redirect chain is checked (scheme, resolved addresses, the connected peer);
bodies are streamed and cut at ``max_bytes``; at most ``per_host`` requests run per host.
"""

from __future__ import annotations

import asyncio
import functools
import http.cookiejar
import ipaddress
import logging
import re
import zlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC
from email.utils import parsedate_to_datetime

import httpx

from diplowatch.clock import Clock, utcnow
from diplowatch.models import SourceError
from diplowatch.sources.addresses import (
    AddressRefused,
    Resolver,
    is_public_address,
    refused_reason,
    resolve,
)
from diplowatch.sources.transport import AiohttpTransport

log = logging.getLogger(__name__)

USER_AGENT = "diplowatch/0.1 (+https://github.com/diplowatch)"
MAX_BYTES = 10 * 1024 * 1024
MAX_RETRY_AFTER = 86_400
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d{1,10})", re.IGNORECASE)


class FetchError(SourceError):
    """A failed fetch; ``status`` is the HTTP status if there was one, ``retry_after`` seconds."""

    def __init__(self, reason: str, *, status: int | None = None, retry_after: int | None = None):
        super().__init__(reason)
        self.status = status
        self.retry_after = retry_after

    def __reduce__(self):  # keep attributes across pickling (worker processes)
        return (_rebuild_fetch_error, (str(self), self.status, self.retry_after))


def _rebuild_fetch_error(reason: str, status: int | None, retry_after: int | None) -> FetchError:
    return FetchError(reason, status=status, retry_after=retry_after)


@dataclass(frozen=True)
class FetchResult:
    status: int  # 200 or 304
    body: bytes
    url: str  # after redirects
    etag: str | None = None
    last_modified: str | None = None
    max_age: int | None = None  # Cache-Control max-age, seconds
    retry_after: int | None = None
    content_type: str | None = None


@dataclass(frozen=True)
class _Redirect:
    location: str


class NoCookies(http.cookiejar.CookieJar):
    """Sources get no cookies back: every poll is the same request, and no site can carry
    state from one poll to the next. (It also saves httpx's cookie parsing on every response.)"""

    def extract_cookies(self, response: object, request: object) -> None:
        return None


def make_client(*, connect_timeout: float = 10.0, read_timeout: float = 20.0) -> httpx.AsyncClient:
    """The one client for all sources, over aiohttp (transport.py says why). Redirects are
    followed by Fetcher, hop by hop.

    ``trust_env=False``: a proxy from the environment would make the address checks moot.
    """
    return httpx.AsyncClient(
        timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT},
        cookies=NoCookies(),
        transport=AiohttpTransport(max_connections=32),
        trust_env=False,
    )


class Fetcher:
    """GETs URLs for sources through one injected ``httpx.AsyncClient``."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        allow_private: bool = False,
        max_bytes: int = MAX_BYTES,
        max_redirects: int = 5,
        per_host: int = 2,
        total_timeout: float = 60.0,
        resolver: Resolver = resolve,
        clock: Clock = utcnow,
    ) -> None:
        self.client = client
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.per_host = per_host
        self.total_timeout = total_timeout
        self._resolver = resolver
        self._clock = clock
        self._slots: dict[str, asyncio.Semaphore] = {}

    async def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """200 with the body, or 304 when the validators still match. Raises FetchError."""
        headers = {"Accept": "*/*", "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            async with asyncio.timeout(self.total_timeout):
                return await self._follow(url, headers)
        except TimeoutError:
            raise FetchError(
                f"timed out after {self.total_timeout:g}s fetching {_host_of(url)}"
            ) from None

    async def _follow(self, url: str, headers: dict[str, str]) -> FetchResult:
        seen: set[str] = set()
        current = url
        for _hop in range(self.max_redirects + 1):
            if current in seen:
                raise FetchError(f"redirect loop at {current}")
            seen.add(current)
            target = await self._checked(current)
            outcome = await self._request(target, headers)
            if isinstance(outcome, FetchResult):
                return outcome
            current = outcome.location
        raise FetchError(f"too many redirects (more than {self.max_redirects}) from {url}")

    async def _checked(self, url: str) -> httpx.URL:
        """``url`` parsed, if it is http(s) and its host resolves only to allowed addresses."""
        try:
            target = _parse_url(url)
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise FetchError(f"invalid URL {url!r}") from exc
        if target.scheme not in ("http", "https") or not target.host:
            raise FetchError(f"refusing to fetch {url!r}: only http and https URLs are allowed")
        if not self.allow_private:
            await self._check_host(
                target.host, target.port or (443 if target.scheme == "https" else 80)
            )
        return target

    async def _check_host(self, host: str, port: int) -> None:
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            try:
                addresses = await self._resolver(host, port)
            except (OSError, UnicodeError) as exc:
                raise FetchError(f"could not resolve {host}: {exc}") from exc
        if not addresses:
            raise FetchError(f"could not resolve {host}")
        for address in addresses:
            if not is_public_address(address):
                raise FetchError(refused_reason(host, address))

    def _slot(self, host: str) -> asyncio.Semaphore:
        return self._slots.setdefault(host.lower(), asyncio.Semaphore(self.per_host))

    async def _request(self, url: httpx.URL, headers: dict[str, str]) -> FetchResult | _Redirect:
        host = url.host
        async with self._slot(host):
            try:
                # the transport checks the addresses again as it connects (DNS rebinding)
                async with self.client.stream("GET", url, headers=headers, extensions={
                        "allow_private": self.allow_private}) as response:
                    self._check_peer(response, host)
                    return await self._handle(response, url)
            except httpx.HTTPError as exc:
                if isinstance(exc.__cause__, AddressRefused):
                    raise FetchError(str(exc.__cause__)) from exc
                raise FetchError(self._transport_reason(exc, host)) from exc

    def _check_peer(self, response: httpx.Response, host: str) -> None:
        """Re-check the address actually connected to (DNS may change after our lookup)."""
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if not self.allow_private and peer and not is_public_address(str(peer[0])):
            raise FetchError(f"refusing to fetch {host}: connected to non-public address {peer[0]}")

    async def _handle(self, response: httpx.Response, url: httpx.URL) -> FetchResult | _Redirect:
        status = response.status_code
        if status in REDIRECT_STATUSES and response.headers.get("location"):
            await self._read_capped(response, url.host)  # drained, the connection is reused
            return _Redirect(str(url.join(response.headers["location"])))
        if status >= 400:
            raise self._status_error(response, url.host)
        if status == 304:  # no body by definition; the transport pools its connection
            return self._result(response, url, b"")
        if not 200 <= status < 300:
            raise FetchError(f"unexpected HTTP {status} from {url.host}", status=status)
        return self._result(response, url, await self._read_capped(response, url.host))

    def _result(self, response: httpx.Response, url: httpx.URL, body: bytes) -> FetchResult:
        headers = dict(response.headers.items())  # one pass; httpx scans all per lookup
        log.debug("fetched url=%s status=%s bytes=%d", url, response.status_code, len(body))
        return FetchResult(
            status=304 if response.status_code == 304 else 200,
            body=body,
            url=str(url),
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
            max_age=_max_age(headers.get("cache-control")),
            retry_after=self._retry_after(headers.get("retry-after")),
            content_type=headers.get("content-type"),
        )

    async def _read_capped(self, response: httpx.Response, host: str) -> bytes:
        """The body, decoded here rather than by httpx: its decoders expand a chunk in full
        before anyone can count it (a 204 kB gzip bomb became 296 MiB). The cap counts decoded
        bytes as they are produced, and at most one content-coding layer is accepted."""
        too_big = f"response from {host} is larger than {_size(self.max_bytes)} (cut off)"
        declared = response.headers.get("content-length", "")
        if declared.isascii() and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(too_big)
        decoder = _Decoder(response.headers.get("content-encoding", ""), host)
        chunks: list[bytes] = []
        size = 0
        async for raw in _raw(response):
            for chunk in decoder.feed(raw, self.max_bytes - size + 1):
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(too_big)
                chunks.append(chunk)
        return b"".join(chunks)

    def _status_error(self, response: httpx.Response, host: str) -> FetchError:
        status = response.status_code
        retry_after = self._retry_after(response.headers.get("retry-after"))
        reason = f"HTTP {status} {response.reason_phrase or ''}".rstrip() + f" from {host}"
        if retry_after is not None:
            reason += f" (retry after {retry_after}s)"
        return FetchError(reason, status=status, retry_after=retry_after)

    def _transport_reason(self, exc: httpx.HTTPError, host: str) -> str:
        timeout = self.client.timeout
        if isinstance(exc, httpx.ConnectTimeout):
            return f"timed out after {timeout.connect:g}s connecting to {host}"
        if isinstance(exc, httpx.ReadTimeout):
            return f"timed out after {timeout.read:g}s waiting for {host}"
        if isinstance(exc, httpx.TimeoutException):
            return f"timed out talking to {host}"
        if isinstance(exc, httpx.ConnectError):
            return f"could not connect to {host} ({_brief(exc)})"
        if isinstance(exc, httpx.ReadError | httpx.WriteError | httpx.RemoteProtocolError):
            detail = " ".join(str(exc).split())[:120]
            return f"connection reset by {host}" + (f" ({detail})" if detail else "")
        return f"request to {host} failed: {_brief(exc)}"

    def _retry_after(self, value: str | None) -> int | None:
        if not value:
            return None
        value = value.strip()
        if value.isascii() and value.isdigit():
            return min(int(value), MAX_RETRY_AFTER)
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = int((when - self._clock()).total_seconds())
        return max(0, min(seconds, MAX_RETRY_AFTER))


async def _raw(response: httpx.Response) -> AsyncIterator[bytes]:
    """The undecoded body; a response built with its content already read (a test's mock
    transport answering twice) gives that content."""
    if response.is_stream_consumed:
        yield response.content
        return
    async for raw in response.aiter_raw():
        yield raw


class _Decoder:
    """identity, gzip or deflate, decoded with a bound on the output of every step."""

    def __init__(self, header: str, host: str) -> None:
        codings = [c.strip().lower() for c in header.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1:
            raise FetchError(f"refusing the response from {host}: it is encoded {len(codings)} "
                             f"times over ({header.strip()[:60]}); one content-coding is accepted")
        self.coding = codings[0] if codings else "identity"
        if self.coding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise FetchError(f"refusing the response from {host}: unsupported content-coding "
                             f"{self.coding[:30]!r} (gzip and deflate are accepted)")
        self._zlib: zlib._Decompress | None = None

    def feed(self, data: bytes, room: int) -> Iterator[bytes]:
        """Decoded pieces of ``data``, none longer than ``room`` at the time it is made."""
        if self.coding == "identity":
            yield data
            return
        if self._zlib is None:
            wbits = 16 + zlib.MAX_WBITS if self.coding != "deflate" else (
                zlib.MAX_WBITS if data[:1] and data[0] & 0x0F == 8 else -zlib.MAX_WBITS)
            self._zlib = zlib.decompressobj(wbits)  # deflate: zlib-wrapped or raw, as sent
        try:
            while data:
                piece = self._zlib.decompress(data, max(1, room))
                yield piece
                room -= len(piece)
                data = self._zlib.unconsumed_tail
        except zlib.error as exc:
            raise FetchError(f"the {self.coding} body is corrupt ({exc})") from None


@functools.lru_cache(maxsize=4096)
def _parse_url(url: str) -> httpx.URL:
    """The same source URLs come round every poll; httpx parses them in Python (~50 µs)."""
    return httpx.URL(url)


def _max_age(cache_control: str | None) -> int | None:
    match = _MAX_AGE.search(cache_control or "")
    return int(match[1]) if match else None


def _host_of(url: str) -> str:
    try:
        return httpx.URL(url).host or url
    except (httpx.InvalidURL, TypeError, ValueError):
        return url


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:g} MiB" if n >= 1024 * 1024 else f"{n} bytes"


def _brief(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:120]
    return text or type(exc).__name__
