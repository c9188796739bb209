"""`make bench`: run every bench/bench_*.py module's run() and write docs/benchmarks.md.

`python -m bench NAME…` runs only the named modules (e.g. `python -m bench monitor`) and
updates their sections, keeping the others.
"""

from __future__ import annotations

import importlib
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
OUT = ROOT / "docs" / "benchmarks.md"
HEADER = "# Benchmarks\n\nWritten by `make bench` (`python -m bench`). Figures are medians over several runs unless said; ratios are measured in the same run. The machine is shared and noisy.\n"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=ROOT).stdout.strip() or "uncommitted"
    changed = subprocess.run(["git", "status", "--porcelain", "--", ".", ":!docs/benchmarks.md"],
                             capture_output=True, text=True, cwd=ROOT).stdout.strip()
    commit += " with uncommitted changes" if changed else ""
    return (f"Machine: {cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM; "
            f"{platform.system()} {platform.release()}; Python {platform.python_version()}; "
            f"commit {commit}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.")


def sections(text: str) -> dict[str, str]:
    parts = re.split(r"(?m)^(?=<!-- bench:)", text)
    out = {}
    for part in parts:
        m = re.match(r"<!-- bench:(\w+) -->\n", part)
        if m:
            out[m[1]] = part
    return out


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem.removeprefix("bench_") for p in Path(__file__).parent.glob("bench_*.py"))
    new = {}
    for name in names:
        print(f"== bench {name}", flush=True)
        module = importlib.import_module(f"bench.bench_{name}")
        body = module.run().strip()
        new[name] = f"<!-- bench:{name} -->\n{body}\n\n_{machine()}_\n\n"
        print(body, flush=True)
    # Read the file only now: a benchmark takes minutes, and another run may have written
    # its own section meanwhile.
    done = {**(sections(OUT.read_text("utf-8")) if OUT.exists() else {}), **new}
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(HEADER + "\n" + "".join(done[k] for k in sorted(done)), "utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
