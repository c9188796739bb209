"""Ledger with 100,000 events: p50/p95 of `status_of`, `timeline_png`, `map_png` and `record`, and CSV import.

Synthetic acts (every UN member × every entity, random acts and dates from 1990 on) are written
as a recognitions CSV and imported through `ledger.import_csv` on top of the seed, so they go
through the same validation, staging and derivation as a real import. A second database takes a
1,000,000-row import to show the streaming import's throughput and peak memory.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

N_EVENTS = 100_000
N_IMPORT = 1_000_000
RUNS = 50
NOW = datetime(2026, 3, 1, tzinfo=UTC)
TARGETS = ("XK", "PS", "TW", "donetsk-pr", "abkhazia", "somaliland")
HEADER = "actor,target,act,date,date_precision,source_url,note\n"


def write_csv(path: Path, n: int, seed: int = 5) -> None:
    from diplowatch.names import ENTITIES, UN_MEMBERS

    rng = random.Random(seed)
    actors = sorted(UN_MEMBERS)
    acts = ("recognize",) * 14 + ("withdraw",) * 5 + ("reject",)
    first = date(1990, 1, 1).toordinal()
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for i in range(n):
            when = date.fromordinal(first + rng.randrange(12_800)).isoformat()
            actor, target = rng.choice(actors), rng.choice(ENTITIES)
            target = "XK" if target == actor else target  # Afghanistan and the Taliban's AF
            out.write(f"{actor},{target},{rng.choice(acts)},{when},day,"
                      f"https://bench.example/{i},synthetic\n")


def timed(fn, runs: int = RUNS) -> list[float]:
    times = []
    for i in range(runs):
        t0 = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def _row(name: str, times: list[float], goal: str) -> str:
    return f"| {name} | {len(times)} | {statistics.median(times):.1f} | {_p95(times):.1f} | {goal} |"


def measure(db) -> list[str]:
    from diplowatch import charts, ledger
    from diplowatch.models import Event
    from diplowatch.names import UN_MEMBERS

    rows = [_row(f"`status_of({t})`", timed(lambda _, t=t: ledger.status_of(db, t)), "≤ 50 ms")
            for t in TARGETS]
    png = timed(lambda i: charts.timeline_png(db, TARGETS[i % len(TARGETS)], now=NOW), 20)
    rows.append(_row("`timeline_png` (1200×675, targets in turn, ~3,000 acts each)", png, "≤ 1 s"))
    charts.map_png(db, "XK", now=NOW)  # loads the country shapes (once per process)
    png = timed(lambda i: charts.map_png(db, TARGETS[i % len(TARGETS)], now=NOW), 20)
    rows.append(_row("`map_png` (1200×675, targets in turn)", png, "≤ 1 s"))

    actors = sorted(UN_MEMBERS)

    def record(i: int) -> None:
        act = "withdraw" if i % 3 == 0 else "recognize"
        event = Event(actors[i * 7 % len(actors)], TARGETS[i % len(TARGETS)], act)
        with db.atomic():
            ledger.record(db, [event], statement_id=None, source="bench", source_url=None,
                          official=bool(i % 2), reported_at=NOW + timedelta(minutes=i), now=NOW + timedelta(minutes=i))

    rows.append(_row("`record` (one act, in a transaction)", timed(record, 200), "—"))
    return rows


def import_million(tmp: Path) -> str:
    path = tmp / "million.csv"
    write_csv(path, N_IMPORT, seed=11)
    script = (
        "import re, sys, time\nfrom datetime import UTC, datetime\nfrom diplowatch import ledger\n"
        "from diplowatch.store import open_db\ndb = open_db(sys.argv[1])\nt0 = time.perf_counter()\n"
        "r = ledger.import_csv(db, sys.argv[2], now=datetime(2026, 3, 1, tzinfo=UTC), origin='manual')\n"
        "peak = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())\n"
        "print(r.inserted, time.perf_counter() - t0, int(peak.group(1)) // 1024 if peak else -1)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp / "million.db"), str(path)],
                          capture_output=True, text=True, check=True)
    inserted, seconds, peak = done.stdout.split()
    size = path.stat().st_size / 2**20
    return (f"Import of a {int(inserted):,}-row CSV ({size:.0f} MiB): **{float(seconds):.1f} s**, "
            f"peak memory {peak} MiB (streamed: rows are validated and staged in batches).")


def run() -> str:
    from diplowatch import ledger
    from diplowatch.store import open_db

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = open_db(tmp / "ledger.db")
        ledger.load_seed(db, now=NOW)
        write_csv(tmp / "events.csv", N_EVENTS)
        t0 = time.perf_counter()
        result = ledger.import_csv(db, tmp / "events.csv", now=NOW, origin="manual")
        import_s = time.perf_counter() - t0
        events = db.execute("SELECT count(*) FROM events").fetchone()[0]
        rows = measure(db)
        db.close()
        million = import_million(tmp)
    return "\n".join([
        f"## Ledger with {events:,} events",
        "",
        f"{result.inserted:,} synthetic acts (UN members × {len(ledger.ENTITIES)} entities, random acts and "
        f"dates since 1990) imported on top of the seed in {import_s:.1f} s; {result.pairs:,} "
        "(actor, target) statuses derived.",
        "",
        "| operation | runs | p50 ms | p95 ms | goal |",
        "| --- | ---: | ---: | ---: | --- |",
        *rows,
        "",
        million,
        "",
        "With 1,000,000 statements beside the ledger, and through the bot's commands and chart "
        "cache: see the full-history benchmark.",
    ])


if __name__ == "__main__":
    print(run())
