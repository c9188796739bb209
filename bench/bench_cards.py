"""One timeline or map card on a 3,000-act entity: the ledger read and the drawing, wall and CPU.

The ledger is bench_ledger's: the seed plus 100,000 synthetic acts (some 7,000 events and
3,000 drawn changes per entity). Each run is a new process that draws one card first (fonts,
shapes), then times the four targets in turn: the read (``timeline_data`` / ``map_data``) and
the drawing to PNG, as wall time (perf_counter) and CPU time (process_time), since the machine
is shared. ``BENCH_CARDS_TREES`` (``[label=]path[@pythonpath]:…``) compares code trees (e.g. a ``git
archive`` of the old code, a ``pip install --target`` of another matplotlib) run after run
in turn, so that their ratio is measured under the same load.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

RUNS = 7
NOW = datetime(2026, 3, 1, tzinfo=UTC)
ROOT = Path(__file__).parents[1]
CHILD = r'''
import json, sys, time
sys.path.insert(0, sys.argv[1])
from datetime import UTC, datetime
from diplowatch.charts import timeline, worldmap
from diplowatch.charts.layout import png_bytes
from diplowatch.store import open_db
NOW = datetime(2026, 3, 1, tzinfo=UTC)
db = open_db(sys.argv[2], readonly=True)
read, draw = ((timeline.timeline_data, timeline.timeline_figure) if sys.argv[3] == "timeline"
              else (worldmap.map_data, worldmap.map_figure))
png_bytes(draw(read(db, "XK", now=NOW)))
out = []
for target in ("XK", "PS", "TW", "donetsk-pr"):
    w0, c0 = time.perf_counter(), time.process_time()
    data = read(db, target, now=NOW)
    w1, c1 = time.perf_counter(), time.process_time()
    png_bytes(draw(data))
    w2, c2 = time.perf_counter(), time.process_time()
    out.append([w1 - w0, c1 - c0, w2 - w1, c2 - c1])
print(json.dumps(out))
'''


def _trees() -> list[str]:
    given = os.environ.get("BENCH_CARDS_TREES")
    return given.split(":") if given else [str(ROOT)]


def _child(tree: str, db: Path, kind: str) -> list[list[float]]:
    path, _, extra = tree.rpartition("=")[2].partition("@")
    env = dict(os.environ, PYTHONPATH=extra) if extra else None
    done = subprocess.run([sys.executable, "-c", CHILD, path, str(db), kind], capture_output=True,
                          text=True, check=True, env=env)
    return json.loads(done.stdout)


def _row(kind: str, tree: str, cards: list[list[float]]) -> str:
    ms = [[v * 1000 for v in card] for card in cards]
    wall, cpu = [c[0] + c[2] for c in ms], [c[1] + c[3] for c in ms]
    p95 = statistics.quantiles(wall, n=20, method="inclusive")[-1]
    return (f"| {kind} | {tree.partition('=')[0] if '=' in tree else f'`{tree}`'} | {len(ms)} | {statistics.median(c[1] for c in ms):.0f} | "
            f"{statistics.median(c[3] for c in ms):.0f} | **{statistics.median(cpu):.0f}** | "
            f"{statistics.median(wall):.0f} | {p95:.0f} | {max(wall):.0f} |")


def run() -> str:
    from bench.bench_ledger import N_EVENTS, write_csv
    from diplowatch import ledger
    from diplowatch.store import open_db

    trees = _trees()
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = open_db(tmp / "ledger.db")
        ledger.load_seed(db, now=NOW)
        write_csv(tmp / "events.csv", N_EVENTS)
        ledger.import_csv(db, tmp / "events.csv", now=NOW, origin="manual")
        db.close()
        for kind in ("timeline", "map"):
            cards: dict[str, list[list[float]]] = {t: [] for t in trees}
            for _ in range(RUNS):
                for tree in trees:
                    cards[tree] += _child(tree, tmp / "ledger.db", kind)
            rows += [_row(kind, tree, cards[tree]) for tree in trees]
    load = os.getloadavg()[0]
    return "\n".join([
        "## Timeline and map cards, read and draw (wall and CPU)",
        "",
        f"bench_ledger's ledger (seed + {N_EVENTS:,} synthetic acts, some 3,000 drawn changes per "
        f"entity); {RUNS} runs of a new process, each timing the four targets (XK, PS, TW, DPR) "
        "after one warm-up card. Medians over all cards; p95 and max of wall time. Load average "
        f"at the end: {load:.1f} on {os.cpu_count()} cores.",
        "",
        "| card | code | cards | read CPU ms | draw CPU ms | CPU ms | wall ms | wall p95 ms | wall max ms |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *rows,
    ])


if __name__ == "__main__":
    print(run())
