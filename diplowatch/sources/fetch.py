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
from dataclasses import dataclass

import httpx

from diplowatch.clock import Clock, utcnow
from diplowatch.sources.addresses import (
    AddressRefused,
    Resolver,
    is_public_address,
    refused_reason,
    resolve,
)
from diplowatch.sources.body import read_capped
from diplowatch.sources.fetch_errors import (
    FetchError,
    retry_after_seconds,
    status_error,
    transport_reason,
)
from diplowatch.sources.transport import AiohttpTransport

log = logging.getLogger(__name__)

USER_AGENT = "diplowatch/0.1 (+https://github.com/diplowatch)"
MAX_BYTES = 10 * 1024 * 1024
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d{1,10})", re.IGNORECASE)


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
                raise FetchError(transport_reason(exc, host, self.client.timeout)) from exc

    def _check_peer(self, response: httpx.Response, host: str) -> None:
        """Re-check the address actually connected to (DNS may change after our lookup)."""
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if not self.allow_private and peer and not is_public_address(str(peer[0])):
            raise FetchError(f"refusing to fetch {host}: connected to non-public address {peer[0]}")

    async def _handle(self, response: httpx.Response, url: httpx.URL) -> FetchResult | _Redirect:
        status = response.status_code
        if status in REDIRECT_STATUSES and response.headers.get("location"):
            # drained, so that the connection is reused
            await read_capped(response, url.host, self.max_bytes)
            return _Redirect(str(url.join(response.headers["location"])))
        if status >= 400:
            raise status_error(response, url.host, clock=self._clock)
        if status == 304:  # no body by definition; the transport pools its connection
            return self._result(response, url, b"")
        if not 200 <= status < 300:
            raise FetchError(f"unexpected HTTP {status} from {url.host}", status=status)
        return self._result(response, url, await read_capped(response, url.host, self.max_bytes))

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
            retry_after=retry_after_seconds(headers.get("retry-after"), clock=self._clock),
            content_type=headers.get("content-type"),
        )


@functools.lru_cache(maxsize=4096)
def _parse_url(url: str) -> httpx.URL:
    """The same source URLs come round every poll, and httpx parses URLs in Python: once each."""
    return httpx.URL(url)


def _max_age(cache_control: str | None) -> int | None:
    match = _MAX_AGE.search(cache_control or "")
    return int(match[1]) if match else None


def _host_of(url: str) -> str:
    try:
        return httpx.URL(url).host or url
    except (httpx.InvalidURL, TypeError, ValueError):
        return url
