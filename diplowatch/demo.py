"""`diplowatch demo`: an offline tour through the production code path.

Serves the bundled sample sources from a loopback HTTP server (with ETag/Last-Modified, so
unchanged sources answer 304), polls them, publishes one new channel post, polls again, and
prints what was archived and what changed. Uses a fresh database in a temporary folder unless
DIPLOWATCH_DB is set.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

from . import texts
from .config import Settings, parse_sources
from .delivery import Sender, SendPolicy, console_send
from .handlers import Deps, dispatch
from .handlers.console import SaveFolder, format_reply, parse_line, run_console
from .runtime import Runtime, deps_for, open_runtime
from .store import sources as source_store
from .store import statements as statement_store
from .store.sources import sync_sources

ROUTES = {
    "/s/demo_head": ("channel.html", "text/html; charset=utf-8"),
    "/mfa-en.xml": ("mfa-en.xml", "application/rss+xml"),
    "/agency-uk.xml": ("agency-uk.xml", "application/atom+xml"),
    "/ru/press": ("press-ru.html", "text/html; charset=utf-8"),
}


def demo_file(name: str) -> bytes:
    return resources.files("diplowatch.data").joinpath("demo", name).read_bytes()


@dataclasses.dataclass
class Page:
    body: bytes
    ctype: str
    modified: str  # Last-Modified


class DemoSite:
    """Path → Page; answers conditional GETs with 304."""

    def __init__(self) -> None:
        self.pages = {path: Page(demo_file(f), ctype, formatdate(usegmt=True))
                      for path, (f, ctype) in ROUTES.items()}
        self.hits: list[tuple[str, int]] = []

    def publish(self) -> None:
        """A new channel post (a recognition) and a new agency entry (an old one, repeated)."""
        self._insert("/s/demo_head", b"</section>", "channel-new-post.html")
        self._insert("/agency-uk.xml", b"  <entry>", "agency-new-entry.xml")

    def _insert(self, path: str, marker: bytes, name: str) -> None:
        page = self.pages[path]
        new = demo_file(name)
        page.body = page.body.replace(marker, new + marker, 1)
        page.modified = formatdate(usegmt=True)

    def handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                page = site.pages.get(self.path.split("?")[0])
                if page is None:
                    self.send_error(404)
                    site.hits.append((self.path, 404))
                    return
                body = page.body
                etag = f'"{hashlib.sha1(body).hexdigest()[:16]}"'
                status = 304 if self.headers.get("If-None-Match") == etag else 200
                site.hits.append((self.path, status))
                self.send_response(status)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", page.modified)
                self.send_header("Content-Type", page.ctype)
                self.send_header("Content-Length", "0" if status == 304 else str(len(body)))
                self.end_headers()
                if status == 200:
                    self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        return Handler


@contextlib.contextmanager
def serve(site: DemoSite) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), site.handler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


async def run_demo(settings: Settings) -> int:
    if not os.environ.get("DIPLOWATCH_LOG_LEVEL"):
        logging.getLogger().setLevel(logging.WARNING)  # the demo prints its own story
    site = DemoSite()
    with serve(site) as base, tempfile.TemporaryDirectory(prefix="diplowatch-demo-") as tmp:
        db_path = Path(os.environ.get("DIPLOWATCH_DB") or Path(tmp) / "demo.db")
        settings = dataclasses.replace(settings, db_path=db_path, allow_private=True)
        template = demo_file("sources.toml").decode("utf-8").replace("{base}", base)
        sources = parse_sources(template, origin="demo sources")
        print(texts.DEMO_INTRO.format(base=base, db=db_path, n=len(sources)))
        async with open_runtime(settings) as rt:
            sync_sources(rt.db, sources, now=rt.clock())
            await _round(rt, "1. First poll of every source", site)
            deps = deps_for(rt)
            await _console(deps, "2. A subscriber (this console) follows the DPR", "/subscribe dpr")
            site.publish()
            print(texts.DEMO_PUBLISHED)
            await _round(rt, "3. Second poll (validators sent; unchanged sources answer 304)", site)
            print("\n== 4. Alerts delivered to the subscriber")
            sender = Sender(rt.db, console_send(lambda t: print(texts.indent(t))),
                            policy=SendPolicy(private_interval=0), clock=rt.clock)
            stats = await sender.drain_once(now=rt.clock())
            print(texts.DEMO_DELIVERED.format(n=stats.messages))
            await _console(deps, "5. Asking the bot", "/recognized dpr")
            _show_archive(rt)
            if sys.stdin.isatty():
                print(texts.DEMO_CHAT)
                await run_console(deps, out=lambda t: print(texts.indent(t)))
    return 0


async def _console(deps: Deps, heading: str, line: str) -> None:
    print(f"\n== {heading}\n  > {line}")
    request = parse_line(line)
    assert request is not None, "the demo's own lines are commands"
    reply = await dispatch(deps, request)
    print(texts.indent(format_reply(reply, save_dir=SaveFolder(None), request=request)))


async def _round(rt: Runtime, heading: str, site: DemoSite) -> None:
    print(f"\n== {heading}")
    site.hits.clear()
    for outcome in await rt.monitor.poll_all():
        print("  " + texts.poll_outcome_line(outcome))
    codes = ", ".join(f"{path} → {status}" for path, status in site.hits)
    print(f"  HTTP: {codes}")


def _show_archive(rt: Runtime) -> None:
    print(f"\n== 6. The archive ({statement_store.count_statements(rt.db)} statements)")
    for statement in statement_store.latest_statements(rt.db, limit=20):
        when = statement.published_at.strftime("%Y-%m-%d %H:%M") if statement.published_at else "?"
        print(f"  {when}  [{statement.source}] {texts.one_line(statement.title or statement.text)}")
    print('\n== 7. Search: "признала"')
    print(texts.indent(texts.search_results_plain(statement_store.search(rt.db, "признала"))))
    print("\n" + texts.sources_table(source_store.list_sources(rt.db), now=rt.clock()))
