"""SSRF: sources (and links found in their pages) never reach non-public addresses.

Names are resolved by an injected resolver (no DNS in tests); where a request must not
leave, a MockTransport records whether it did. DNS rebinding is played against the local
feed server: the resolver says "public", the connection lands on loopback.
"""

from __future__ import annotations

import asyncio
import socket
from datetime import UTC, datetime

import httpx
import pytest

from diplowatch.models import Source, SourceState
from diplowatch.sources import fetch_source
from diplowatch.sources.addresses import is_public_address, resolve
from diplowatch.sources.budget import InlineParser
from diplowatch.sources.fetch import Fetcher, FetchError, make_client
from tests.fakes.feed_server import FeedServer

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
PUBLIC = "93.184.216.34"
PRIVATE_ANSWERS = [
    "10.0.0.1", "172.16.0.1", "192.168.1.1", "127.0.0.1", "127.255.255.254", "0.0.0.0",
    "169.254.169.254",  # cloud metadata
    "100.64.0.1", "198.18.0.1", "192.0.0.1", "240.0.0.1", "255.255.255.255", "224.0.0.1",
    "::1", "::", "fd00::1", "fc00::1", "fe80::1", "fe80::1%eth0", "ff02::1", "2001:db8::1",
    "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:169.254.169.254", "::ffff:10.0.0.1",
    "::127.0.0.1",  # IPv4-compatible (deprecated)
    "::ffff:0:127.0.0.1",  # SIIT IPv4-translated
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    "64:ff9b:1::a00:1",  # local-use NAT64 prefix
    "2002:7f00:1::1", "2002:a9fe:a9fe::",  # 6to4 of loopback and of the metadata address
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
]


class Recorder:
    """A MockTransport that answers 200 and remembers every host it was asked for."""

    def __init__(self, answers: dict[str, httpx.Response] | None = None) -> None:
        self.hosts: list[str] = []
        self.answers = answers or {}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.hosts.append(request.url.host)
        return self.answers.get(request.url.host, httpx.Response(200, content=FEED))


def resolver_for(table: dict[str, list[str]]):
    async def resolver(host: str, port: int) -> list[str]:
        return table[host]

    return resolver


@pytest.mark.parametrize("address", PRIVATE_ANSWERS)
async def test_names_resolving_to_private_addresses_are_refused(address: str) -> None:
    recorder = Recorder()
    async with httpx.AsyncClient(transport=httpx.MockTransport(recorder)) as http:
        fetcher = Fetcher(http, resolver=resolver_for({"feeds.example": [address]}))
        with pytest.raises(FetchError, match="refusing to fetch feeds.example: it resolves to "
                                             "non-public address"):
            await fetcher.get("https://feeds.example/rss")
    assert recorder.hosts == []


async def test_one_private_answer_among_public_ones_is_enough_to_refuse() -> None:
    recorder = Recorder()
    table = {"feeds.example": [PUBLIC, "2606:4700::1111", "10.1.2.3"]}
    async with httpx.AsyncClient(transport=httpx.MockTransport(recorder)) as http:
        with pytest.raises(FetchError, match="10.1.2.3"):
            await Fetcher(http, resolver=resolver_for(table)).get("https://feeds.example/rss")
    assert recorder.hosts == []


@pytest.mark.parametrize("address", [PUBLIC, "2606:4700::1111", "::ffff:93.184.216.34",
                                     "64:ff9b::5db8:d822", "2002:5db8:d822::1"])
async def test_public_answers_are_fetched(address: str) -> None:
    recorder = Recorder()
    async with httpx.AsyncClient(transport=httpx.MockTransport(recorder)) as http:
        fetcher = Fetcher(http, resolver=resolver_for({"feeds.example": [address]}))
        assert (await fetcher.get("https://feeds.example/rss")).body == FEED
    assert recorder.hosts == ["feeds.example"]


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/",
    "http://[0:0:0:0:0:ffff:7f00:1]/", "http://[fe80::1]/", "http://169.254.169.254/latest/",
    "http://2130706433/", "http://0x7f000001/", "http://127.1/", "http://0/",
    "http://0177.0.0.1/", "http://localhost/", "http://LOCALHOST:8080/", "http://localhost./",
])
async def test_literal_and_odd_address_forms_never_leave(url: str) -> None:
    """Addresses written in the URL itself, in every spelling the system resolver accepts
    (decimal, hex, short forms resolve locally, without DNS)."""
    recorder = Recorder()
    async with httpx.AsyncClient(transport=httpx.MockTransport(recorder)) as http:
        with pytest.raises(FetchError, match="non-public|could not resolve|invalid URL"):
            await Fetcher(http, resolver=resolve).get(url)
    assert recorder.hosts == []


@pytest.mark.parametrize("location", [
    "http://127.0.0.1:8080/admin", "http://[::1]/", "http://[::ffff:10.0.0.1]/",
    "http://169.254.169.254/latest/meta-data/", "http://intranet.example/",
    "//intranet.example/feed",  # scheme-relative
    "file:///etc/passwd", "gopher://127.0.0.1:25/", "ftp://feeds.example/",
])
async def test_redirects_to_private_or_non_http_targets_are_refused(location: str) -> None:
    recorder = Recorder({"feeds.example": httpx.Response(302, headers={"Location": location})})
    table = {"feeds.example": [PUBLIC], "intranet.example": ["10.0.0.5"]}
    async with httpx.AsyncClient(transport=httpx.MockTransport(recorder)) as http:
        with pytest.raises(FetchError, match="refusing to fetch|invalid URL"):
            await Fetcher(http, resolver=resolver_for(table)).get("https://feeds.example/rss")
    assert recorder.hosts == ["feeds.example"]  # the first hop only


async def test_redirect_chain_checks_the_last_hop_too() -> None:
    hops = {f"h{i}.example": httpx.Response(301, headers={"Location": f"https://h{i + 1}.example/"})
            for i in range(3)}
    recorder = Recorder(hops)
    table = {"h0.example": [PUBLIC], "h1.example": [PUBLIC], "h2.example": [PUBLIC],
             "h3.example": ["192.168.0.10"]}
    async with httpx.AsyncClient(transport=httpx.MockTransport(recorder)) as http:
        with pytest.raises(FetchError, match="h3.example.*192.168.0.10"):
            await Fetcher(http, resolver=resolver_for(table)).get("https://h0.example/")
    assert recorder.hosts == ["h0.example", "h1.example", "h2.example"]


class CountingServer:
    """A loopback HTTP server that counts the connections it accepts (and answers a feed)."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host, self.connections = host, 0

    async def __aenter__(self) -> CountingServer:
        self._server = await asyncio.start_server(self._serve, self.host, 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._server.close()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(FEED), FEED))
        await writer.drain()
        writer.close()


async def test_dns_answer_changing_between_check_and_connect() -> None:
    """Rebinding: our lookup says public, the connect-time lookup says loopback. The resolver
    under the connection refuses it, so the private address is never connected to."""
    async with CountingServer() as server, make_client(connect_timeout=2, read_timeout=2) as http:
        fetcher = Fetcher(http, resolver=resolver_for({"localhost": [PUBLIC]}))
        for _ in range(2):
            with pytest.raises(FetchError, match="refusing to fetch localhost: it resolves "
                                                 "to non-public address 127.0.0.1"):
                await fetcher.get(f"http://localhost:{server.port}/feed.xml")
        assert server.connections == 0
        allowed = Fetcher(http, allow_private=True)  # the same client, private allowed
        assert (await allowed.get(f"http://localhost:{server.port}/feed.xml")).body == FEED
        assert server.connections == 1


def _ipv6_loopback_name() -> str | None:
    """A name the system resolves to ::1 (from /etc/hosts), if there is one."""
    for name in ("localhost", "ip6-localhost", "localhost6", "ip6-loopback"):
        try:
            if any(i[4][0] == "::1" for i in socket.getaddrinfo(name, 80, socket.AF_INET6)):
                return name
        except OSError:
            continue
    return None


async def test_rebinding_over_ipv6_loopback() -> None:
    name = _ipv6_loopback_name()
    if name is None:
        pytest.skip("no name resolves to ::1 here")
    async with CountingServer(host="::1") as server, make_client(connect_timeout=2) as http:
        fetcher = Fetcher(http, resolver=resolver_for({name: ["2606:4700::1111"]}))
        with pytest.raises(FetchError, match="resolves to non-public address ::1"):
            await fetcher.get(f"http://{name}:{server.port}/feed.xml")
    assert server.connections == 0


class _Peer:
    """Stands in for httpcore's network stream: reports the address connected to."""

    def __init__(self, address: tuple) -> None:
        self.address = address

    def get_extra_info(self, info: str) -> object:
        return self.address if info == "server_addr" else None


@pytest.mark.parametrize("peer", [("::1", 80, 0, 0), ("::ffff:127.0.0.1", 80, 0, 0),
                                  ("fe80::1%lo", 80, 0, 1), ("10.0.0.7", 443),
                                  ("64:ff9b::a9fe:a9fe", 80, 0, 0)])
async def test_the_connected_peer_is_checked_in_every_address_form(peer: tuple) -> None:
    def transport(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=FEED, extensions={"network_stream": _Peer(peer)})

    async with httpx.AsyncClient(transport=httpx.MockTransport(transport)) as http:
        fetcher = Fetcher(http, resolver=resolver_for({"feeds.example": [PUBLIC]}))
        with pytest.raises(FetchError, match="connected to non-public address"):
            await fetcher.get("https://feeds.example/rss")


async def test_links_found_in_a_page_are_checked_like_sources() -> None:
    """fetch_pages follows the links of a listing: a hostile page pointing at the metadata
    service gets nothing fetched; the statement keeps its title."""
    listing = (b'<html><body><article class="n"><a href="http://169.254.169.254/latest/">'
               b"Statement</a></article></body></html>")
    recorder = Recorder({"press.example": httpx.Response(200, content=listing)})
    source = Source("mfa", "html", "https://press.example/news", selectors={"item": "article.n"},
                    fetch_pages=True)
    async with httpx.AsyncClient(transport=httpx.MockTransport(recorder)) as http:
        fetcher = Fetcher(http, resolver=resolver_for({"press.example": [PUBLIC]}))
        fetched = await fetch_source(fetcher, source, SourceState("mfa"), now=NOW,
                                     parser=InlineParser())
    assert recorder.hosts == ["press.example"]
    assert [s.title for s in fetched.statements] == ["Statement"]


async def test_allow_private_is_the_only_way_in(feed_server: FeedServer) -> None:
    feed_server.set_content("/feed.xml", FEED)
    async with make_client() as http:
        with pytest.raises(FetchError, match="non-public"):
            await Fetcher(http).get(feed_server.url("/feed.xml"))
        assert (await Fetcher(http, allow_private=True).get(feed_server.url("/feed.xml"))).body == FEED


def test_the_client_ignores_proxy_settings_from_the_environment(monkeypatch) -> None:
    """A proxy would connect for us and make the peer check meaningless."""
    monkeypatch.setenv("HTTPS_PROXY", "http://10.0.0.1:3128")
    monkeypatch.setenv("HTTP_PROXY", "http://10.0.0.1:3128")
    client = make_client()
    assert client._trust_env is False
    assert not client._mounts


@pytest.mark.parametrize("address", PRIVATE_ANSWERS)
def test_is_public_address_refuses_every_private_form(address: str) -> None:
    assert not is_public_address(address)
