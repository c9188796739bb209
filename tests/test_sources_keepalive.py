"""A 304 (and a redirect) must hand the connection back to the pool: a cycle where every
source answers 304 should not open one TCP connection per source."""

import httpcore._backends.anyio as backend

from diplowatch.sources.fetch import Fetcher, make_client


async def test_conditional_gets_reuse_one_connection(feed_server, monkeypatch):
    connects = []
    original = backend.AnyIOBackend.connect_tcp

    async def counting(self, *args, **kwargs):
        connects.append(args)
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(backend.AnyIOBackend, "connect_tcp", counting)
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
    assert len(connects) == 1
