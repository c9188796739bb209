"""Poll cycle over 1,000 sources × 20 items from loopback, and the same cycle all-304.

The feed server runs in its own process; every measured cycle runs in a fresh child process
(`python -m bench.bench_monitor child …`) so CPU seconds and peak RSS are the cycle's own.
CPU includes the parse workers, read from /proc (they are the forkserver's children, which
RUSAGE_CHILDREN never sees).
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from bench.proc import bytes_written, tree_cpu

SOURCES, ITEMS, RUNS = 1000, 20, int(os.environ.get("BENCH_RUNS", 3))
HOSTS = 8  # distinct loopback addresses, so the per-host limit of 2 is realistic


def feed(n: int) -> bytes:
    base = datetime(2026, 11, 1, tzinfo=UTC)
    items = "".join(
        f"<item><guid>urn:bench:{n}:{i}</guid><title>Statement {i} of ministry {n}</title>"
        f"<link>http://mfa{n}.example/press/{i}</link>"
        f"<pubDate>{format_datetime(base + timedelta(hours=i))}</pubDate>"
        f"<description>&lt;p&gt;The Ministry of Foreign Affairs informs that consultations "
        f"on item {i} were held with the delegation; the parties discussed trade, education "
        f"and the humanitarian situation in the region.&lt;/p&gt;</description></item>"
        for i in range(ITEMS)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Ministry {n}</title><link>http://mfa{n}.example/</link>{items}"
            "</channel></rss>").encode()


def serve(port: int, body: Callable[[int], bytes] = feed) -> None:
    """Serve `body(n)` at /feed/n for n < SOURCES on HOSTS loopback addresses (ETag → 304)."""
    from aiohttp import web

    bodies = {n: body(n) for n in range(SOURCES)}

    async def handle(request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        etag = f'"v1-{n}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(body=bodies[n], content_type="application/rss+xml",
                            headers={"ETag": etag})

    app = web.Application()
    app.router.add_get("/feed/{n}", handle)

    async def main() -> None:
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        for h in range(HOSTS):
            await web.TCPSite(runner, f"127.0.0.{h + 1}", port).start()
        print("ready", flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


def sources_toml(port: int) -> str:
    return "".join(
        f'[[sources]]\nname = "s{n}"\nkind = "rss"\nurl = "http://127.0.0.{n % HOSTS + 1}:{port}'
        f'/feed/{n}"\ninterval = "5m"\n\n' for n in range(SOURCES)
    )


def child(db: str, sources: str, cycles: int, inline: bool) -> None:
    """Run `cycles` poll cycles; print JSON of the last one's wall, CPU and peak RSS."""
    from diplowatch.config import load_settings
    from diplowatch.runtime import open_runtime
    from diplowatch.sources import rss
    from diplowatch.sources.budget import POOL_PARSER, InlineParser, parse_in_budget

    settings = load_settings({"DIPLOWATCH_DB": db, "DIPLOWATCH_SOURCES": sources,
                              "DIPLOWATCH_ALLOW_PRIVATE_NETWORKS": "1", "DIPLOWATCH_LOG_LEVEL": "ERROR"})

    async def main() -> dict:
        async with open_runtime(settings, parser=InlineParser() if inline else POOL_PARSER) as rt:
            if not inline:  # a running monitor's workers are up: start them outside the cycle
                await parse_in_budget(rss.parse, feed(0), source="warm-up")
            for _ in range(cycles):
                cpu0, wall0, written0 = tree_cpu(os.getpid()), time.perf_counter(), bytes_written()
                own0 = time.process_time()
                outcomes = await rt.monitor.poll_all()
                wall = time.perf_counter() - wall0
                cpu = tree_cpu(os.getpid()) - cpu0  # with the parse workers (forkserver's children)
                own = time.process_time() - own0  # this process alone
                written = bytes_written() - written0
            errors = [o.reason for o in outcomes if o.status == "error"]
            size = sum(p.stat().st_size for p in Path(db).parent.glob(Path(db).name + "*"))
            return {"wall": wall, "cpu": cpu, "main_cpu": own, "written_mib": written / 2**20,
                    "db_mib": size / 2**20, "new": sum(o.new for o in outcomes),
                    "statuses": sorted({o.status for o in outcomes}), "errors": errors[:3]}

    result = asyncio.run(main())
    result["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def feedparser_only_cpu() -> float:
    import feedparser

    bodies = [feed(n) for n in range(SOURCES)]
    start = time.process_time()
    for body in bodies:
        feedparser.parse(body)
    return time.process_time() - start


def bare_aiohttp_304_cpu(port: int) -> float:
    """CPU of the 304 cycle's requests alone: 1,000 conditional GETs with a bare aiohttp client,
    64 at a time and 2 per host as the Fetcher runs them, connections already open."""
    import aiohttp

    async def cycle(session: aiohttp.ClientSession) -> float:
        slots = asyncio.Semaphore(64)

        async def get(n: int) -> None:
            async with slots, session.get(f"http://127.0.0.{n % HOSTS + 1}:{port}/feed/{n}",
                                          headers={"If-None-Match": f'"v1-{n}"'}) as response:
                await response.read()
                assert response.status == 304

        start = time.process_time()
        await asyncio.gather(*(get(n) for n in range(SOURCES)))
        return time.process_time() - start

    async def main() -> float:
        connector = aiohttp.TCPConnector(limit=32, limit_per_host=2)
        async with aiohttp.ClientSession(connector=connector) as session:
            await cycle(session)  # opens the connections
            return await cycle(session)

    return asyncio.run(main())


def run_child(tmp: Path, run: int, port_file: Path, cycles: int, inline: bool) -> dict:
    db = tmp / f"run{run}-{cycles}-{inline}.db"
    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_monitor", "child", str(db), str(port_file),
         str(cycles), "1" if inline else "0"],
        capture_output=True, text=True, cwd=Path(__file__).parents[1], check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run() -> str:
    port = 18000 + os.getpid() % 1000
    server = subprocess.Popen([sys.executable, "-m", "bench.bench_monitor", "serve", str(port)],
                              stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[1])
    try:
        assert server.stdout is not None and server.stdout.readline().strip() == "ready"
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            sources = tmp / "sources.toml"
            sources.write_text(sources_toml(port))
            rows = _measure(tmp, sources, port)
    finally:
        server.terminate()
        server.wait()
    return _report(rows)


def _measure(tmp: Path, sources: Path, port: int) -> dict[str, list]:
    rows: dict[str, list] = {"full": [], "full_inline": [], "304": [], "fp": [], "bare": []}
    for run_no in range(RUNS):
        rows["full"].append(run_child(tmp, run_no, sources, 1, inline=False))
        rows["full_inline"].append(run_child(tmp, run_no, sources, 1, inline=True))
        rows["304"].append(run_child(tmp, run_no, sources, 2, inline=False))
        rows["fp"].append(feedparser_only_cpu())
        rows["bare"].append(bare_aiohttp_304_cpu(port))
    return rows


def _report(rows: dict[str, list]) -> str:
    med = lambda key, field: statistics.median(r[field] for r in rows[key])  # noqa: E731
    fp = statistics.median(rows["fp"])
    ratios = [f["cpu"] / p for f, p in zip(rows["full_inline"], rows["fp"], strict=True)]
    ratios_pool = [f["cpu"] / p for f, p in zip(rows["full"], rows["fp"], strict=True)]
    ratios_304 = [n["wall"] / f["wall"] for n, f in zip(rows["304"], rows["full"], strict=True)]
    cpu304 = [n["cpu"] / f["cpu"] for n, f in zip(rows["304"], rows["full"], strict=True)]
    first = rows["full"][0]
    return "\n".join([
        f"## Poll cycle: {SOURCES} sources × {ITEMS} items from loopback ({HOSTS} hosts)",
        "",
        f"Medians of {RUNS} runs, each in a fresh process with a fresh database.",
        "",
        "| cycle | wall s | CPU s | of which this process | peak RSS MiB |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| full, parse in worker pool (production) | {med('full', 'wall'):.2f} | {med('full', 'cpu'):.2f} | {med('full', 'main_cpu'):.2f} | {med('full', 'rss_mib'):.0f} |",
        f"| full, parse inline | {med('full_inline', 'wall'):.2f} | {med('full_inline', 'cpu'):.2f} | {med('full_inline', 'main_cpu'):.2f} | {med('full_inline', 'rss_mib'):.0f} |",
        f"| every source answers 304 | {med('304', 'wall'):.2f} | {med('304', 'cpu'):.2f} | {med('304', 'main_cpu'):.2f} | {med('304', 'rss_mib'):.0f} |",
        f"| feedparser alone on the same bytes | | {fp:.2f} | | |",
        "",
        f"- statements stored by a full cycle: {first['new']} (statuses {first['statuses']}, errors {first['errors']}); "
        f"bytes written: {med('full', 'written_mib'):,.0f} MiB for a {med('full', 'db_mib'):.0f} MiB database; "
        f"a 304 cycle: {med('304', 'written_mib'):.1f} MiB",
        f"- whole-cycle CPU ÷ feedparser-only CPU, parse inline (the cycle's own work): median **{statistics.median(ratios):.2f}** (goal ≤ 1.5); runs {', '.join(f'{r:.2f}' for r in ratios)}",
        f"- the same with the worker pool, counting its workers (the work plus process isolation): median **{statistics.median(ratios_pool):.2f}**; runs {', '.join(f'{r:.2f}' for r in ratios_pool)}",
        f"- 304 cycle ÷ full cycle (pool), wall: median **{statistics.median(ratios_304):.3f}** (goal ≤ 0.1); runs {', '.join(f'{r:.3f}' for r in ratios_304)}; CPU: {statistics.median(cpu304):.3f}",
        "",
        "The feedparser-only figure is `feedparser.parse` with its defaults. diplowatch calls it",
        "without its HTML sanitizer and URI rewriting (entry HTML becomes plain text through",
        "`html_to_text`, which drops scripts and styles), which takes about 30 % off its share.",
        "The pool's workers are started before the measured cycle, as in a running monitor.",
        "",
        "What brought the cycle here (25 Nov 2026): polls finishing together share one commit",
        "(`store/group.py`; before, 1,000 commits wrote about 1,000 MiB for a 20 MiB database);",
        "savepoint journals stay in memory (`temp_store`); the sources' httpx client runs over",
        "aiohttp (`sources/transport.py`), since httpcore's pool cost more than the request.",
        f"The same 1,000 conditional GETs through a bare aiohttp client take {statistics.median(rows['bare']):.2f} s of CPU",
        f"(median; the 304 cycle: {med('304', 'cpu'):.2f} s): the rest of a 304 cycle is httpx's request and response",
        "layers, the Fetcher's checks, the poll's bookkeeping and its (grouped, not fsync'd) commit.",
        "With the worker pool, the cycle costs more CPU than inline (pickling, pebble's threads,",
        "two more interpreters) but finishes sooner: parsing runs on both cores.",
    ])


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(int(sys.argv[2]))
    elif sys.argv[1] == "child":
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5] == "1")
