"""Command handling time with 1,000,000 statements stored (fake server round trip excluded):
`dispatch()` — parsing, name resolution, queries and rendering — p50/p95 per command."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.bench_search import N, build

RUNS = 50
COMMANDS = ["/recognized kosovo", "/recognized dpr", "/recognized Абхазию", "/recognizes russia",
            "/latest 10", "/search recognition kosovo", "/search ministry", "/statements",
            "/statements s7", "/status", "/sources", "/subscriptions", "/subscribe dpr",
            "/help", "/recognized atlantis"]


async def measure(db_path: Path) -> list[tuple[str, float, float]]:
    from diplowatch.config import Settings
    from diplowatch.handlers import dispatch
    from diplowatch.handlers.console import parse_line
    from diplowatch.ledger import load_seed
    from diplowatch.store import open_db

    db = open_db(db_path)
    load_seed(db, now=datetime.now(UTC))
    from diplowatch.handlers.core import Deps

    deps = Deps(db, Settings(), lambda: datetime.now(UTC))
    _populate(db)
    rows = []
    for line in COMMANDS:
        request = parse_line(line)
        await dispatch(deps, request)  # warm caches (gazetteer, morphology)
        times = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            await dispatch(deps, parse_line(line))
            times.append((time.perf_counter() - t0) * 1000)
        rows.append((line, statistics.median(times), statistics.quantiles(times, n=20)[-1]))
    db.close()
    return rows


def _populate(db) -> None:
    """The statements' sources exist (so /statements s7 and /sources do real work), and the
    console chat follows a few things (so /subscriptions lists them)."""
    from diplowatch.config import source_from_dict
    from diplowatch.store import chats
    from diplowatch.store.sources import add_source

    now = datetime.now(UTC)
    for n in range(500):
        add_source(db, source_from_dict({"name": f"s{n}", "kind": "rss",
                                         "url": f"https://s{n}.example/feed"}, where="bench"), now=now)
    for value in ("XK", "abkhazia", "south-ossetia", "PS", "TW"):
        chats.add_subscription(db, 0, "entity", value, now=now)


def run() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "commands.db"
        build(path)
        rows = asyncio.run(measure(path))
    worst = max(p95 for _, _, p95 in rows)
    return "\n".join([
        f"## Command handling with {N:,} statements stored",
        "",
        f"`dispatch()` per command (the Bot API round trip excluded), {RUNS} runs each, after one warm-up.",
        "",
        "| command | p50 ms | p95 ms |",
        "| --- | ---: | ---: |",
        *[f"| `{line}` | {p50:.1f} | {p95:.1f} |" for line, p50, p95 in rows],
        "",
        f"Worst p95: **{worst:.1f} ms** (goal ≤ 50 ms).",
    ])
