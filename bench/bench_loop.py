"""The event loop under attack, and the memory of `diplowatch run` under hostile sources.

1. Loop lag: a task asks for a 10 ms sleep over and over and records how late it wakes, while
   one poll runs over a 1,000-item feed of 10 KB texts (1,000 keyword subscriptions stored),
   a gzip bomb, a link farm (fetch_pages, 30 pages of 9 MiB nested tags), a feed of invalid
   character references, and an adversary runs the worst accepted search every second
   (200,000 statements stored). The real Monitor, parser workers and read threads; the
   sources are served by a child process, so serving costs the loop nothing.
2. Peak RSS: the real `diplowatch run --headless` process polling the same sources; VmHWM of
   the main process and of its largest parser worker, read from /proc after the first polls.
"""

from __future__ import annotations

import asyncio
import gc
import gzip
import os
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.bench_keywords import corpus

RUNS = int(os.environ.get("BENCH_RUNS", 3))
STATEMENTS = 200_000
WORST_SEARCH = "sta* ministry foreign affairs delegation talks cooperation trade"
PAGES = 30


def _feed(items: list[tuple[str, str]]) -> bytes:
    body = "".join(f"<item><guid>urn:{g}</guid><title>{g}</title><description>{t}</description>"
                   "</item>" for g, t in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t'
            f"</title>{body}</channel></rss>").encode()


def bodies() -> dict[str, tuple[bytes, dict[str, str]]]:
    _, texts = corpus()
    links = "".join(f'<li class="n"><a href="/farm/{i}">Page {i}</a></li>' for i in range(PAGES))
    huge = b"<html><body>" + b"<div><span>" * 850_000
    out = {
        "/big.xml": (_feed([(f"big{i}", t) for i, t in enumerate(texts)]), {}),
        "/bomb.xml": (gzip.compress(b"\0" * (300 << 20), compresslevel=9),
                      {"Content-Encoding": "gzip"}),
        "/refs.xml": (_feed([(f"r{i}", "&#55357;&#56832; &#x110000; &#99999999999;")
                             for i in range(200)]), {}),
        "/farm/": (f"<html><body><ul>{links}</ul></body></html>".encode(), {}),
    }
    out.update({f"/farm/{i}": (huge, {}) for i in range(PAGES)})
    return out


def serve(port: int) -> None:
    from aiohttp import web

    served = bodies()

    async def handle(request: web.Request) -> web.Response:
        body, headers = served[request.path]
        kind = "text/html" if request.path.startswith("/farm") else "application/rss+xml"
        return web.Response(body=body, content_type=kind, headers=headers)

    app = web.Application()
    app.router.add_get("/{tail:.*}", handle)

    async def main() -> None:
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        print("ready", flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


ALL = ("big", "bomb", "refs", "farm")


def sources_toml(port: int, names: tuple[str, ...] = ALL) -> str:
    base = f"http://127.0.0.1:{port}"
    rss = "".join(f'[[sources]]\nname = "{n}"\nkind = "rss"\nurl = "{base}/{n}.xml"\n\n'
                  for n in names if n != "farm")
    return rss + (f'[[sources]]\nname = "farm"\nkind = "html"\nurl = "{base}/farm/"\n'
                  'item = "li.n"\nlink = "a"\ntitle = "a"\nfetch_pages = true\n'
                  if "farm" in names else "")


def prepare_db(path: Path, port: int) -> None:
    from bench.bench_search import build
    from diplowatch.config import parse_sources
    from diplowatch.store import chats, open_db
    from diplowatch.store.sources import sync_sources

    build(path, n=STATEMENTS)
    db, now = open_db(path), datetime.now(UTC)
    keywords, _ = corpus()
    with db.atomic():
        for n, keyword in enumerate(sorted(keywords)):
            chats.upsert_chat(db, 1000 + n, type="private", title="", now=now)
            chats.add_subscription(db, 1000 + n, "keyword", keyword, now=now)
    sync_sources(db, parse_sources(sources_toml(port), origin="bench"), now=now)
    db.close()


async def one_poll(path: Path) -> dict:
    from diplowatch.runtime import freeze_startup_heap
    from diplowatch.scheduler import Monitor
    from diplowatch.sources import make_client
    from diplowatch.sources.fetch import Fetcher
    from diplowatch.store import open_db
    from diplowatch.store.readers import Readers
    from diplowatch.store.statements import search

    db = open_db(path)
    searches, lags, stop = Readers(db), [], asyncio.Event()
    gc_pauses = _GcPauses()

    async def sample() -> None:
        while not stop.is_set():
            t0 = time.perf_counter()
            await asyncio.sleep(0.01)
            lags.append((time.perf_counter() - t0 - 0.01) * 1000)

    async def adversary() -> list[float]:
        took = []
        while not stop.is_set():
            t0 = time.perf_counter()
            await searches.run(search, WORST_SEARCH)
            took.append((time.perf_counter() - t0) * 1000)
            await asyncio.sleep(1)
        return took

    gc.callbacks.append(gc_pauses)
    async with make_client() as client:
        monitor = Monitor(db, Fetcher(client, allow_private=True), readers=Readers(db))
        await monitor.parser.start()  # as runtime.open_runtime does
        freeze_startup_heap()
        tasks = [asyncio.create_task(sample()), asyncio.create_task(adversary())]
        t0 = time.perf_counter()
        outcomes = await monitor.poll_all()
        wall = time.perf_counter() - t0
        stop.set()
        _, search_ms = await asyncio.gather(*tasks)
        monitor.close()
    gc.callbacks.remove(gc_pauses)
    gc.unfreeze()  # the next run starts from the same heap
    searches.close()
    queued = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    db.close()
    lags.sort()
    return {"p50": lags[len(lags) // 2], "p99": lags[int(len(lags) * 0.99)], "max": lags[-1],
            "gc_max": gc_pauses.longest, "gc_total": gc_pauses.total,
            "wall": wall, "searches": len(search_ms), "search_max": max(search_ms), "queued": queued,
            "outcomes": {o.source: (o.status, o.new, (o.reason or "")[:60]) for o in outcomes}}


class _GcPauses:
    """gc.callbacks: the longest and the total time of the garbage collector's runs (ms). A
    collection holds the GIL, so a long one stalls the loop whatever thread triggered it."""

    def __init__(self) -> None:
        self.longest = self.total = 0.0
        self._start = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.perf_counter()
            return
        took = (time.perf_counter() - self._start) * 1000
        self.longest, self.total = max(self.longest, took), self.total + took


def _vm_hwm(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _descendants(root: int) -> list[int]:
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry)] = int(stat[1])
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        kids = [p for p, pp in parents.items() if pp == pid]
        found += kids
        todo += kids
    return found


def run_rss(tmp: Path, port: int, names: tuple[str, ...]) -> dict:
    """`diplowatch run --headless` until every source has been polled once; VmHWM in MiB."""
    (tmp / "sources.toml").write_text(sources_toml(port, names))
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    env |= {"DIPLOWATCH_DB": str(tmp / "run.db"), "DIPLOWATCH_SOURCES": str(tmp / "sources.toml"),
            "DIPLOWATCH_ALLOW_PRIVATE_NETWORKS": "1", "DIPLOWATCH_LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen([sys.executable, "-m", "diplowatch", "run", "--headless"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker_peak, t0 = 0.0, time.monotonic()
    try:
        while time.monotonic() - t0 < 300 and _polled(tmp / "run.db") < len(names):
            worker_peak = max([worker_peak, *(_vm_hwm(p) for p in _descendants(proc.pid)
                                              if Path(f"/proc/{p}").exists())])
            time.sleep(0.2)
        main_peak = _vm_hwm(proc.pid)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
    return {"main": main_peak, "worker": worker_peak, "seconds": time.monotonic() - t0,
            "polled": _polled(tmp / "run.db")}


def _polled(db_path: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM sources WHERE last_poll_at IS NOT NULL"
                                ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def run() -> str:
    from diplowatch.sources import close_parse_pool

    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "bench.bench_loop", "serve", str(port)],
                                  stdout=subprocess.PIPE, text=True)
        try:
            assert server.stdout is not None and server.stdout.readline().strip() == "ready"
            base = tmp / "base.db"
            prepare_db(base, port)
            polls = []
            for n in range(RUNS):
                shutil.copy(base, tmp / f"poll{n}.db")
                polls.append(asyncio.run(one_poll(tmp / f"poll{n}.db")))
                close_parse_pool()
            rss: dict[str, list[dict]] = {"bomb": [], "all": []}
            for n in range(RUNS):
                for what, names in (("bomb", ("bomb",)), ("all", ALL)):
                    (tmp / f"rss-{what}{n}").mkdir()
                    rss[what].append(run_rss(tmp / f"rss-{what}{n}", port, names))
        finally:
            server.terminate()
            server.wait(10)
    return _report(polls, rss)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _report(polls: list[dict], rss: dict[str, list[dict]]) -> str:
    med = lambda key, rows: statistics.median(r[key] for r in rows)  # noqa: E731
    outcome = ", ".join(f"{s} {st} ({new} new{'; ' + why if why else ''})"
                        for s, (st, new, why) in sorted(polls[0]["outcomes"].items()))
    return "\n".join([
        "## Event loop and memory under hostile sources",
        "",
        f"One poll of a 1,000-item feed of 10 KB texts against 1,000 keyword subscriptions, a "
        f"gzip bomb (300 MiB of zeros in about 300 kB), a link farm "
        f"({PAGES} linked pages of 9 MiB nested tags) and a feed of invalid character "
        f"references, with {STATEMENTS:,} statements stored and `/search {WORST_SEARCH}` (the "
        f"worst accepted shape: 8 words, one 3-letter prefix) every second in a read thread. "
        f"{RUNS} runs; the loop's lag is how late a 10 ms sleep wakes.",
        "",
        "| run | loop lag p50 ms | p99 ms | max ms | longest GC run ms | all GC runs s | poll wall s "
        "| searches | slowest search ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *[f"| {n + 1} | {p['p50']:.1f} | {p['p99']:.1f} | {p['max']:.1f} | {p['gc_max']:.0f} | "
          f"{p['gc_total'] / 1000:.1f} | {p['wall']:.1f} | {p['searches']} | "
          f"{p['search_max']:.0f} |" for n, p in enumerate(polls)],
        "",
        f"Median loop lag p99: **{med('p99', polls):.1f} ms** (goal ≤ 100 ms). Outcomes of the "
        f"first run: {outcome}.",
        "",
        f"Longest stall (the max column), median of the runs: **{med('max', polls):.0f} ms**. "
        f"The keyword subscriptions of this corpus match about 170 keywords per text, so the big "
        f"feed's batch queues {polls[0]['queued']:,} outbox rows. Polled batches are written by "
        "the group commit's own thread on its own connection, in chunks of bounded cost "
        "(docs/reliability.md), so the loop goes on meanwhile. Before (3 Dec 2026, the whole "
        "batch in one transaction on the loop's connection): p99 90–154 ms, max 18.9–67.6 s. "
        "The longest stalls left are garbage collections (a collection holds the GIL whichever "
        "thread set it off; the GC columns): before the runtime froze the start-up heap "
        "(`runtime.freeze_startup_heap`, 4 Dec 2026), 5 one-off runs of this benchmark's "
        "`one_poll` on a loaded machine (a throwaway script, not part of `make bench`) "
        "machine gave (longest stall, longest collection) 315/298, 350/349, 175/178, 831/307 "
        "and 841/149 ms: in three the longest stall was a collection; with it, 2 runs gave "
        "81/46 and 124/66 ms. The other long stall was the first parse starting the parse "
        "pool on the loop: the forkserver imports the parsers and each worker's start waits for "
        "it (in one-off runs of `one_poll` like those above, asyncio's debug mode named one "
        "266 ms step of a poll task, and cProfile of the loop's thread two blocking reads of "
        "139 ms; with the pool started before the poll, 2 such runs had no step over 150 ms "
        "and longest stalls of 83 and 105 ms). The runtime now "
        "starts it in a thread as it opens (`PoolParser.start`), as this benchmark "
        "does.",
        "",
        f"Peak RSS (VmHWM) of `diplowatch run --headless` until every source was polled once, "
        f"{RUNS} runs (goal < 300 MiB): with the gzip bomb alone, main process median "
        f"**{med('main', rss['bomb']):.0f} MiB** (max {max(r['main'] for r in rss['bomb']):.0f}); "
        f"with all four sources **{med('main', rss['all']):.0f} MiB** "
        f"(max {max(r['main'] for r in rss['all']):.0f}), largest parser worker "
        f"{med('worker', rss['all']):.0f} MiB, every source polled within "
        f"{max(r['seconds'] for r in rss['all']):.0f} s. Before (3 Dec 2026): 125 MiB with the "
        "bomb alone, 416 MiB with all four, when the link farm's thirty 9 MiB pages were all "
        "fetched at once and held until a parser worker took them.",
    ])


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(int(sys.argv[2]))
    else:
        print(run())
