"""The full history in one database: 1,000,000 statements (bench_search's generator) and the
seed plus 100,000 ledger events (bench_ledger's synthetic acts). `/recognized` and its list
button through `dispatch()` (what the console and Telegram run, the Bot API round trip
excluded), and the timeline and the map through the bot's ChartCache: cold (a new cache per
request, so the ledger is read and the card drawn) and cached. A child process times the
first map a fresh process draws, which also loads the country shapes.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.bench_ledger import N_EVENTS, write_csv
from bench.bench_search import N, build

RUNS, CHART_RUNS, FIRST_RUNS = 50, 10, 3
PASSES = 3  # the whole measurement, repeated on the same database
NOW = datetime(2026, 3, 1, tzinfo=UTC)
COMMANDS = ["/recognized kosovo", "/recognized palestine", "/recognized taiwan", "/recognized dpr",
            "/recognized abkhazia", "/recognized western sahara"]
PAGE = "rec:list:name:XK:2"  # the full list by name, page 3
CHART_TARGETS = ("XK", "PS", "TW", "donetsk-pr")
FIRST_MAP = (
    "import sys, time\nt0 = time.perf_counter()\nfrom datetime import UTC, datetime\n"
    "from diplowatch import charts\nfrom diplowatch.store import open_db\n"
    "png = charts.map_png(open_db(sys.argv[1]), 'XK', now=datetime(2026, 3, 1, tzinfo=UTC))\n"
    "print(time.perf_counter() - t0)\n"
)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]  # never above the max


Timing = tuple[str, list[float], str]  # what, the times of one pass (ms), the goal


def _row(passes: list[Timing]) -> str:
    """One operation over the passes: the median of their p50s and of their p95s, the range of
    the p95s, and the slowest single run."""
    name, _, goal = passes[0]
    p50 = statistics.median(statistics.median(t) for _, t, _ in passes)
    p95s = [_p95(t) for _, t, _ in passes]
    slowest = max(max(t) for _, t, _ in passes)
    return (f"| {name} | {len(passes)} × {len(passes[0][1])} | {p50:.1f} | {statistics.median(p95s):.1f} "
            f"({min(p95s):.1f}–{max(p95s):.1f}) | {slowest:.1f} | {goal} |")


async def _timed(make, runs: int) -> list[float]:
    times = []
    for i in range(runs):
        t0 = time.perf_counter()
        await make(i)
        times.append((time.perf_counter() - t0) * 1000)
    return times


async def measure(db) -> list[Timing]:
    from diplowatch.charts.cache import ChartCache
    from diplowatch.config import Settings
    from diplowatch.handlers import dispatch
    from diplowatch.handlers.console import parse_line
    from diplowatch.handlers.core import Deps, Request

    deps = Deps(db, Settings(), lambda: NOW)
    rows = []
    for line in COMMANDS:
        await dispatch(deps, parse_line(line))  # warm-up: gazetteer, morphology
        rows.append((f"`{line}`", await _timed(lambda _, line=line: dispatch(deps, parse_line(line)), RUNS),
                     "p95 ≤ 50 ms"))
    button = Request(0, 0, "", callback=PAGE)
    rows.append((f"button `{PAGE}`", await _timed(lambda _: dispatch(deps, button), RUNS), "p95 ≤ 50 ms"))
    for kind in ("timeline", "map"):
        await ChartCache().png(db, kind, "XK", now=NOW)  # the shapes and fonts, loaded once per process

        def cold(i, kind=kind):
            return ChartCache().png(db, kind, CHART_TARGETS[i % len(CHART_TARGETS)], now=NOW)

        rows.append((f"{kind}, cold (read + draw), targets in turn", await _timed(cold, CHART_RUNS), "≤ 1 s"))
        cache = ChartCache()
        await cache.png(db, kind, "XK", now=NOW)
        rows.append((f"{kind}, cached", await _timed(lambda _, c=cache, k=kind: c.png(db, k, "XK", now=NOW), RUNS),
                     "≤ 1 s"))
    return rows


def first_map(path: Path) -> list[float]:
    return [float(subprocess.run([sys.executable, "-c", FIRST_MAP, str(path)], capture_output=True, text=True,
                                 check=True).stdout) * 1000 for _ in range(FIRST_RUNS)]


def run() -> str:
    from diplowatch import ledger
    from diplowatch.store import open_db

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        path = tmp / "history.db"
        build_s = build(path)
        db = open_db(path)
        ledger.load_seed(db, now=NOW)
        write_csv(tmp / "events.csv", N_EVENTS)
        ledger.import_csv(db, tmp / "events.csv", now=NOW, origin="manual")
        events = db.execute("SELECT count(*) FROM events").fetchone()[0]
        statements = db.execute("SELECT count(*) FROM statements").fetchone()[0]
        passes = [asyncio.run(measure(db)) for _ in range(PASSES)]
        db.close()
        passes.append([("first map of a new process (imports, shapes, draw)", first_map(path), "—")])
    rows = [_row([p[i] for p in passes[:PASSES]]) for i in range(len(passes[0]))] + [_row(passes[-1])]
    return "\n".join([
        f"## The full history: {statements:,} statements and {events:,} ledger events",
        "",
        f"One database: bench_search's {N:,} statements (built in {build_s:.0f} s) and the seed plus "
        f"{N_EVENTS:,} synthetic acts from bench_ledger. Commands through `dispatch()` after one "
        "warm-up; charts through `ChartCache.png` as the bot calls it. \"Cold\" is a new cache per "
        "request (the ledger read and the card drawn in the worker thread; the country shapes "
        f"already loaded), \"cached\" a repeat before the ledger changes. The measurement is made "
        f"{PASSES} times over (passes × runs): p50 and p95 are the medians of the passes' figures, "
        "with the range of the p95s; max is the slowest single run.",
        "",
        "| operation | runs | p50 ms | p95 ms (range) | max ms | goal |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
        *rows,
    ])


if __name__ == "__main__":
    print(run())
