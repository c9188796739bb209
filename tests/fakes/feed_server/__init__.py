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

from .channel import render_channel_page
from .faults import Fault
from .resources import DEFAULT_LAST_MODIFIED, Hit, Resource
from .server import FeedServer

__all__ = ["DEFAULT_LAST_MODIFIED", "Fault", "FeedServer", "Hit", "Resource",
           "render_channel_page"]
