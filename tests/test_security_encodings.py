"""Content-Encoding bombs (issue 13): the decoded size is capped while decoding, one layer of
content-coding at most, through the real client against a loopback server."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from collections.abc import AsyncIterator

import httpx
import pytest

from diplowatch.sources.fetch import Fetcher, FetchError, make_client
from tests.fakes.feed_server import FeedServer

FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>MFA</title><item>'
        b"<guid>1</guid><title>Nicaragua recognizes Abkhazia</title></item></channel></rss>")
CAP = 1024 * 1024


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(connect_timeout=1.0, read_timeout=2.0) as http:
        yield http


@pytest.fixture
def fetcher(client: httpx.AsyncClient) -> Fetcher:
    return Fetcher(client, allow_private=True, total_timeout=10.0, max_bytes=CAP)


def bomb(size: int) -> bytes:
    """`size` zero bytes gzipped: about a thousandth of the size on the wire."""
    return gzip.compress(b"\0" * size, compresslevel=9)


async def test_a_gzip_bomb_stops_at_the_decoded_cap_without_expanding(feed_server: FeedServer,
                                                                      fetcher: Fetcher):
    body = bomb(300 * 1024 * 1024)  # 300 MiB of zeros in about 300 kB
    assert len(body) < CAP
    feed_server.set_content("/bomb.xml", body, headers={"Content-Encoding": "gzip"})
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match="larger than 1 MiB"):
            await fetcher.get(feed_server.url("/bomb.xml"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * CAP  # it used to hold the whole 300 MiB at once


async def test_nested_encodings_are_refused(feed_server: FeedServer, fetcher: Fetcher):
    body = gzip.compress(gzip.compress(b"\0" * (50 * 1024 * 1024)))
    feed_server.set_content("/twice.xml", body, headers={"Content-Encoding": "gzip, gzip"})
    with pytest.raises(FetchError, match="encoded 2 times over"):
        await fetcher.get(feed_server.url("/twice.xml"))


@pytest.mark.parametrize(("coding", "encode"), [
    ("gzip", gzip.compress),
    ("deflate", zlib.compress),  # zlib-wrapped, as RFC 9110 says
    ("deflate", lambda b: zlib.compress(b)[2:-4]),  # raw deflate, as some servers send
    ("identity", lambda b: b),
])
async def test_honest_encodings_still_decode(feed_server: FeedServer, fetcher: Fetcher,
                                             coding, encode):
    feed_server.set_content("/f.xml", encode(FEED), headers={"Content-Encoding": coding})
    assert (await fetcher.get(feed_server.url("/f.xml"))).body == FEED


async def test_unknown_or_corrupt_encodings_give_a_reason(feed_server: FeedServer,
                                                         fetcher: Fetcher):
    feed_server.set_content("/br.xml", FEED, headers={"Content-Encoding": "br"})
    with pytest.raises(FetchError, match="unsupported content-coding 'br'"):
        await fetcher.get(feed_server.url("/br.xml"))
    feed_server.set_content("/bad.xml", b"\x1f\x8b" + b"junk" * 10,
                            headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="gzip body is corrupt"):
        await fetcher.get(feed_server.url("/bad.xml"))
