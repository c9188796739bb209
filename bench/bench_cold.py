"""Cold start of a one-shot command: `diplowatch extract` on one line, in a new process each
run — wall time, CPU time and peak RSS, median of RUNS, this tree against BASELINE (main before
issue 11's restructuring, when `import diplowatch.cli` loaded the bot, the scheduler and the
HTTP clients). Issue 11 target: ≤ 0.3 s wall, ≤ 50 MiB."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
BASELINE = "940993e"  # main just before the restructuring
TRIE_BASELINE = "fa76593"  # after it, before the gazetteer trie was saved (trie_file.py)
RUNS = 7
LINE = json.dumps({"id": 1, "text": "North Korea recognizes the independence of the "
                   "Donetsk People's Republic."}) + "\n"


def once(tree: Path, work: Path) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MiB) of `python -m diplowatch extract` run from ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree), "DIPLOWATCH_DB": str(work / "cold.db"),
           "DIPLOWATCH_SOURCES": str(work / "sources.toml")}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "diplowatch", "extract"], cwd=work, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    proc.stdin.write(LINE.encode())  # type: ignore[union-attr]
    proc.stdin.close()  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not all children's
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, f"diplowatch extract failed from {tree}"
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def baseline_tree(commit: str, into: Path) -> Path | None:
    """``commit``'s diplowatch/ unpacked into ``into``; None when the clone lacks the commit."""
    archive = subprocess.run(["git", "archive", commit, "diplowatch"], cwd=ROOT,
                             capture_output=True)
    if archive.returncode != 0:
        return None
    tar = into / f"{commit}.tar"
    tar.write_bytes(archive.stdout)
    with tarfile.open(tar) as unpack:
        unpack.extractall(into / commit, filter="data")
    return into / commit


def run() -> str:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
        work = Path(tmp)
        (work / "sources.toml").write_text("")
        trees = {}
        for name, commit in (("before the restructuring", BASELINE),
                             ("before the saved trie", TRIE_BASELINE)):
            if (old := baseline_tree(commit, work)) is not None:
                trees[f"{name} ({commit})"] = old
        trees["this tree"] = ROOT
        for tree in trees.values():
            once(tree, work)  # warm-up: bytecode compiled, files in the page cache
        samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in trees}
        for _ in range(RUNS):  # interleaved: a noisy neighbour hits both alike
            for name, tree in trees.items():
                samples[name].append(once(tree, work))
    return table(samples, load=load)


def table(samples: dict[str, list[tuple[float, float, float]]], *, load: float) -> str:
    lines = ["## Cold start: `diplowatch extract` on one line", "",
             f"A new process per run (`python -m diplowatch extract`, one JSONL line on stdin), "
             f"median of {RUNS} runs, the trees interleaved. Target (issue 11): "
             "≤ 0.3 s wall, ≤ 50 MiB peak RSS. CPU s is user + system time: on a shared machine "
             f"wall time is mostly waiting for a core (load average {load:.1f} at the start), and CPU "
             "time is inflated too (issue 11 measured the old tree at 0.96 s wall, 107 MiB).",
             "",
             "| tree | wall s | CPU s | peak RSS MiB |", "| --- | --- | --- | --- |"]
    for name, runs in samples.items():
        wall, cpu, rss = (statistics.median(r[i] for r in runs) for i in range(3))
        lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
