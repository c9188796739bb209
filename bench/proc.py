"""CPU seconds of a process tree and bytes a process wrote, read from /proc (Linux)."""

from __future__ import annotations

import os
from pathlib import Path


def _stats() -> dict[int, tuple[int, float]]:
    """pid → (ppid, CPU seconds incl. reaped children) for every process we can read."""
    ticks = os.sysconf("SC_CLK_TCK")
    out = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[int(entry)] = (int(fields[1]), sum(int(f) for f in fields[11:15]) / ticks)
    return out


def tree_cpu(root: int) -> float:
    """CPU seconds of ``root`` and all its live descendants (and their reaped children).

    The parse pool's workers are children of multiprocessing's forkserver, not of this
    process, so RUSAGE_CHILDREN never sees them; /proc does."""
    stats = _stats()
    kids: dict[int, list[int]] = {}
    for pid, (ppid, _) in stats.items():
        kids.setdefault(ppid, []).append(pid)
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            total += stats[pid][1]
            todo += kids.get(pid, [])
    return total


def bytes_written() -> int:
    """Bytes this process handed to write() so far (wchar): files (WAL frames, checkpoints)
    and sockets alike."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("wchar:"):
            return int(line.split()[1])
    return 0
