"""Fetcher through the local feed server (and httpx.MockTransport where DNS must be faked)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import httpx
import pytest

from diplowatch.sources import transport
from diplowatch.sources.addresses import is_public_address
from diplowatch.sources.fetch import USER_AGENT, Fetcher, FetchError, make_client
from tests.fakes.feed_server import FeedServer


class _ConnKey:  # what aiohttp's ClientConnectorError reads of the connection it failed
    host, port, ssl = "127.0.0.1", 9, False


FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(connect_timeout=1.0, read_timeout=0.3) as http:
        yield http


@pytest.fixture
def fetcher(client: httpx.AsyncClient) -> Fetcher:
    return Fetcher(client, allow_private=True, total_timeout=5.0)


async def test_conditional_get_answers_304_on_the_second_poll(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    feed_server.set_content("/feed.xml", FEED, headers={"Cache-Control": "public, max-age=600"})
    first = await fetcher.get(feed_server.url("/feed.xml"))
    assert (first.status, first.body, first.max_age) == (200, FEED, 600)
    assert first.etag and first.last_modified
    second = await fetcher.get(
        feed_server.url("/feed.xml"), etag=first.etag, last_modified=first.last_modified
    )
    assert (second.status, second.body) == (304, b"")
    assert feed_server.requests["/feed.xml"] == 2
    assert feed_server.conditional["/feed.xml"] == 1
    sent = feed_server.hits[-1].headers
    assert sent["If-None-Match"] == first.etag
    assert sent["If-Modified-Since"] == first.last_modified
    assert sent["User-Agent"] == USER_AGENT


async def test_cookies_set_by_a_source_are_never_sent_back(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    feed_server.set_content("/feed.xml", FEED, headers={"Set-Cookie": "session=abc; Path=/"})
    await fetcher.get(feed_server.url("/feed.xml"))
    await fetcher.get(feed_server.url("/feed.xml"))
    assert len(feed_server.hits) == 2
    assert "Cookie" not in feed_server.hits[-1].headers
    assert not fetcher.client.cookies


async def test_if_modified_since_alone(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.set_content("/feed.xml", FEED, etag=False)
    first = await fetcher.get(feed_server.url("/feed.xml"))
    assert first.etag is None
    second = await fetcher.get(feed_server.url("/feed.xml"), last_modified=first.last_modified)
    assert second.status == 304


@pytest.mark.parametrize(
    ("status", "retry_after", "reason"),
    [
        (404, None, "HTTP 404 Not Found from 127.0.0.1"),
        (500, None, "HTTP 500 Internal Server Error from 127.0.0.1"),
        (429, "120", "HTTP 429 Too Many Requests from 127.0.0.1 (retry after 120s)"),
        (503, "30", "HTTP 503 Service Unavailable from 127.0.0.1 (retry after 30s)"),
    ],
)
async def test_error_statuses_are_named(
    feed_server: FeedServer, fetcher: Fetcher, status: int, retry_after: str | None, reason: str
) -> None:
    feed_server.set_fault("/x", status=status, retry_after=retry_after)
    with pytest.raises(FetchError) as caught:
        await fetcher.get(feed_server.url("/x"))
    assert str(caught.value) == reason
    assert caught.value.status == status
    assert caught.value.retry_after == (int(retry_after) if retry_after else None)


async def test_retry_after_as_http_date(feed_server: FeedServer, client: httpx.AsyncClient) -> None:
    from datetime import UTC, datetime

    fetcher = Fetcher(
        client, allow_private=True, clock=lambda: datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    )
    feed_server.set_fault("/x", status=503, retry_after="Wed, 25 Nov 2026 08:05:00 GMT")
    with pytest.raises(FetchError) as caught:
        await fetcher.get(feed_server.url("/x"))
    assert caught.value.retry_after == 300


async def test_read_timeout(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.set_content("/slow", FEED)
    feed_server.set_fault("/slow", delay=1.0)
    with pytest.raises(FetchError, match=r"^timed out after 0\.3s waiting for 127\.0\.0\.1$"):
        await fetcher.get(feed_server.url("/slow"))


async def test_slow_drip_hits_the_total_deadline(
    feed_server: FeedServer, client: httpx.AsyncClient
) -> None:
    feed_server.set_content("/drip", FEED * 20)
    feed_server.set_fault("/drip", drip=0.05, drip_chunk=8)
    fetcher = Fetcher(client, allow_private=True, total_timeout=0.5)
    with pytest.raises(FetchError, match=r"^timed out after 0\.5s fetching 127\.0\.0\.1$"):
        await fetcher.get(feed_server.url("/drip"))


async def test_connection_reset(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.set_fault("/reset", reset=True)
    with pytest.raises(FetchError, match=r"^connection reset by 127\.0\.0\.1"):
        await fetcher.get(feed_server.url("/reset"))


async def raw_server(answer: bytes) -> asyncio.Server:
    """A TCP server on 127.0.0.1 that reads the request, writes ``answer`` and hangs up."""
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(answer)
        await writer.drain()
        writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


@pytest.mark.parametrize("answer", [b"SPAM/1.1 200 OK\r\n\r\n", b"HTTP/1.1 200 OK\r\nX: " + b"a" * 70_000,
                                    b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"])
async def test_broken_answers_are_a_reason(fetcher: Fetcher, answer: bytes) -> None:
    """A garbled status line, an endless header, a body shorter than declared."""
    server = await raw_server(answer)
    port = server.sockets[0].getsockname()[1]
    try:
        with pytest.raises(FetchError, match=r"^connection reset by 127\.0\.0\.1"):
            await fetcher.get(f"http://127.0.0.1:{port}/feed.xml")
    finally:
        server.close()


@pytest.mark.parametrize(("raised", "expected"), [
    (aiohttp.ConnectionTimeoutError("connect"), httpx.ConnectTimeout),
    (aiohttp.SocketTimeoutError("read"), httpx.ReadTimeout),
    (TimeoutError(), httpx.TimeoutException),
    (aiohttp.ServerDisconnectedError(), httpx.ReadError),
    (aiohttp.ClientPayloadError("cut"), httpx.ReadError),
    (aiohttp.ClientOSError(104, "reset"), httpx.ReadError),
    (aiohttp.ClientConnectorError(_ConnKey(), OSError(111, "refused")), httpx.ConnectError),
])
def test_transport_errors_become_the_httpx_errors_the_fetcher_words(raised, expected) -> None:
    with pytest.raises(httpx.HTTPError) as caught, transport._as_httpx_errors():
        raise raised
    assert type(caught.value) is expected and caught.value.__cause__ is raised


async def test_connection_refused(fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match=r"^could not connect to 127\.0\.0\.1"):
        await fetcher.get("http://127.0.0.1:9/feed.xml")


async def test_connect_timeout_reason() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("timed out", request=request)

    async with httpx.AsyncClient(
        transport=httpx.MockTransport(refuse), timeout=httpx.Timeout(10.0)
    ) as http:
        fetcher = Fetcher(http, allow_private=True)
        with pytest.raises(FetchError, match=r"^timed out after 10s connecting to feeds\.example$"):
            await fetcher.get("https://feeds.example/rss")


async def test_body_over_the_cap_is_cut(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.set_fault("/huge", huge=50 * 1024 * 1024)
    with pytest.raises(
        FetchError, match=r"^response from 127\.0\.0\.1 is larger than 10 MiB \(cut off\)$"
    ):
        await fetcher.get(feed_server.url("/huge"))


async def test_declared_length_over_the_cap_is_refused_early(
    feed_server: FeedServer, client: httpx.AsyncClient
) -> None:
    feed_server.set_content("/big", b"x" * 5000)
    fetcher = Fetcher(client, allow_private=True, max_bytes=1000)
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        await fetcher.get(feed_server.url("/big"))


async def test_redirect_is_followed(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.set_content("/new.xml", FEED)
    feed_server.set_fault("/old.xml", redirect="/new.xml", redirect_status=301)
    result = await fetcher.get(feed_server.url("/old.xml"))
    assert (result.status, result.url) == (200, feed_server.url("/new.xml"))


async def test_redirect_to_another_local_port(feed_server: FeedServer, fetcher: Fetcher) -> None:
    async with FeedServer() as other:
        other.set_content("/moved.xml", FEED)
        feed_server.set_fault("/feed.xml", redirect=other.url("/moved.xml"))
        result = await fetcher.get(feed_server.url("/feed.xml"))
    assert result.url == other.url("/moved.xml")
    assert other.requests["/moved.xml"] == 1


async def test_redirect_loop(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.set_fault("/a", redirect="/b")
    feed_server.set_fault("/b", redirect="/a")
    with pytest.raises(FetchError, match=r"^redirect loop at http://127\.0\.0\.1:\d+/a$"):
        await fetcher.get(feed_server.url("/a"))


async def test_too_many_redirects(feed_server: FeedServer, fetcher: Fetcher) -> None:
    for hop in range(7):
        feed_server.set_fault(f"/r{hop}", redirect=f"/r{hop + 1}")
    with pytest.raises(FetchError, match=r"^too many redirects \(more than 5\)"):
        await fetcher.get(feed_server.url("/r0"))
    assert feed_server.requests["/r6"] == 0


async def test_redirect_to_another_scheme_is_refused(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    feed_server.set_fault("/x", redirect="file:///etc/passwd")
    with pytest.raises(FetchError, match="only http and https"):
        await fetcher.get(feed_server.url("/x"))


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://feeds.example/x", "gopher://x/", "not a url"]
)
async def test_only_http_urls(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(FetchError):
        await fetcher.get(url)


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
async def test_loopback_refused_without_allow_private(
    feed_server: FeedServer, client: httpx.AsyncClient, host: str
) -> None:
    feed_server.set_content("/feed.xml", FEED)
    fetcher = Fetcher(client)
    with pytest.raises(
        FetchError, match=rf"^refusing to fetch {host}: it resolves to non-public address"
    ):
        await fetcher.get(f"http://{host}:{feed_server.port}/feed.xml")
    assert feed_server.requests["/feed.xml"] == 0


async def test_the_connect_time_lookup_is_checked_too(
    feed_server: FeedServer, client: httpx.AsyncClient
) -> None:
    """DNS said "public" to our check, loopback to the connect (DNS rebinding): refused as the
    connection is made, so nothing is sent."""

    async def lying_resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34"]

    feed_server.set_content("/feed.xml", FEED)
    fetcher = Fetcher(client, resolver=lying_resolver)
    with pytest.raises(FetchError, match="resolves to non-public address 127.0.0.1"):
        await fetcher.get(f"http://localhost:{feed_server.port}/feed.xml")
    assert feed_server.requests["/feed.xml"] == 0


async def test_every_redirect_hop_is_checked() -> None:
    """A public host redirecting to loopback or to a name resolving to a private address."""
    answers = {
        "feeds.example": httpx.Response(302, headers={"Location": "http://127.0.0.1:8080/admin"}),
        "news.example": httpx.Response(301, headers={"Location": "http://intranet.example/"}),
    }
    addresses = {
        "feeds.example": ["93.184.216.34"],
        "news.example": ["93.184.216.35"],
        "intranet.example": ["10.0.0.5"],
    }
    seen: list[str] = []

    def transport(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.host)
        return answers[request.url.host]

    async def resolver(host: str, port: int) -> list[str]:
        return addresses[host]

    async with httpx.AsyncClient(transport=httpx.MockTransport(transport)) as http:
        fetcher = Fetcher(http, resolver=resolver)
        with pytest.raises(FetchError, match="refusing to fetch 127.0.0.1"):
            await fetcher.get("https://feeds.example/rss")
        with pytest.raises(FetchError, match="refusing to fetch intranet.example: .* 10.0.0.5"):
            await fetcher.get("https://news.example/rss")
    assert seen == ["feeds.example", "news.example"]


async def test_unresolvable_host(client: httpx.AsyncClient) -> None:
    async def nxdomain(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    with pytest.raises(FetchError, match="^could not resolve feeds.invalid"):
        await Fetcher(client, resolver=nxdomain).get("https://feeds.invalid/rss")


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("169.254.1.1", False),
        ("127.0.0.1", False),
        ("0.0.0.0", False),
        ("100.64.0.1", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("::", False),
        ("fe80::1%eth0", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:10.1.2.3", False),
        ("::ffff:8.8.8.8", True),
        ("2002:7f00:1::", False),  # 6to4 wrapping 127.0.0.1
        ("64:ff9b::a00:1", False),  # NAT64 wrapping 10.0.0.1
        ("not-an-ip", False),
    ],
)
def test_is_public_address(address: str, public: bool) -> None:
    assert is_public_address(address) is public


async def test_at_most_two_requests_per_host(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.set_content("/feed.xml", FEED)
    feed_server.set_fault("/feed.xml", delay=0.1)
    await asyncio.gather(*(fetcher.get(feed_server.url("/feed.xml")) for _ in range(6)))
    assert feed_server.requests["/feed.xml"] == 6
    assert feed_server.max_in_flight == 2


async def test_fault_for_a_number_of_requests(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.set_content("/feed.xml", FEED)
    feed_server.set_fault("/feed.xml", status=503, times=1)
    with pytest.raises(FetchError):
        await fetcher.get(feed_server.url("/feed.xml"))
    assert (await fetcher.get(feed_server.url("/feed.xml"))).status == 200


def test_source_urls_are_parsed_once() -> None:
    """The URL cache is on _parse_url (it had slid onto the body reader, keeping up to 4,096
    responses alive and parsing every URL afresh)."""
    from diplowatch.sources import body, fetch

    assert fetch._parse_url("https://a.example/f") is fetch._parse_url("https://a.example/f")
    assert not hasattr(body._raw, "cache_info")
