"""A 304 (and a redirect) must hand the connection back to the pool: a cycle where every
source answers 304 should not open one TCP connection per source."""

import pytest

from diplowatch.sources.fetch import Fetcher, FetchError, make_client


async def test_conditional_gets_reuse_one_connection(feed_server):
    feed_server.set_content("/f.xml", b"<rss/>", content_type="application/rss+xml")
    feed_server.set_fault("/old.xml", redirect="/f.xml", times=None)
    async with make_client() as client:
        fetcher = Fetcher(client, allow_private=True)
        first = await fetcher.get(feed_server.url("/f.xml"))
        for _ in range(10):
            result = await fetcher.get(feed_server.url("/f.xml"), etag=first.etag)
            assert result.status == 304
        for _ in range(3):
            await fetcher.get(feed_server.url("/old.xml"), etag=first.etag)
    assert sum(feed_server.requests.values()) == 17
    assert len(feed_server.peers) == 1  # one TCP connection served all 17 requests


async def test_a_body_cut_at_the_cap_closes_its_connection(feed_server):
    """The rest of an oversized body is never read: that connection cannot be reused."""
    feed_server.set_content("/big.xml", b"x" * 100_000, content_type="application/rss+xml")
    feed_server.set_content("/f.xml", b"<rss/>", content_type="application/rss+xml")
    async with make_client() as client:
        fetcher = Fetcher(client, allow_private=True, max_bytes=1000)
        await fetcher.get(feed_server.url("/f.xml"))
        with pytest.raises(FetchError, match="larger than"):
            await fetcher.get(feed_server.url("/big.xml"))
        assert (await fetcher.get(feed_server.url("/f.xml"))).status == 200
    assert len(feed_server.peers) == 2
