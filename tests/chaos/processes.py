"""Process control: start ``diplowatch`` in its own process group, kill it (at once, or in
the middle of a write transaction, watching SQLite's WAL write lock), reap what it leaves."""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import signal
import struct
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from .config import TOKEN, WAL_WRITE_LOCK_BYTE, FeedHit, Life


class Processes:
    """Chaos's child processes (``proc``, one life at a time)."""

    def _env(self) -> dict[str, str]:
        assert self.api is not None
        env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
        env.update(
            DIPLOWATCH_TELEGRAM_TOKEN=TOKEN,
            DIPLOWATCH_TELEGRAM_API_URL=self.api.base_url,
            DIPLOWATCH_DB=str(self.db_path),
            DIPLOWATCH_SOURCES=str(self.workdir / "sources.toml"),
            DIPLOWATCH_ALLOW_PRIVATE_NETWORKS="1",
            DIPLOWATCH_SEND_RATE=str(self.cfg.send_rate),
            DIPLOWATCH_LOG_LEVEL="INFO",
            PTB_TIMEDELTA="1",
            PYTHONUNBUFFERED="1",
        )
        return env

    async def _spawn(self, *args: str) -> asyncio.subprocess.Process:
        with open(self.log_path, "ab") as log:
            log.write(f"\n===== chaos: diplowatch {' '.join(args)} at {datetime.now(UTC)}\n"
                      .encode())
            log.flush()
            return await asyncio.create_subprocess_exec(
                sys.executable, "-m", "diplowatch", *args, cwd=self.workdir, env=self._env(),
                stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=log,
                start_new_session=True,
            )

    @staticmethod
    def _group(pgid: int) -> list[int]:
        """Live processes of process group ``pgid`` (the child and what it forked)."""
        found = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rpartition(")")[2].split()
            if len(fields) > 2 and fields[0] != "Z" and int(fields[2]) == pgid:
                found.append(int(entry))
        return found

    async def _reap(self, life: Life, proc: asyncio.subprocess.Process) -> None:
        """Wait for the killed process; count helpers that outlive it by 5 s, then end them."""
        await proc.wait()
        deadline = time.monotonic() + 5
        while (left := self._group(proc.pid)) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        if left:
            life.orphans = len(left)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # only the group this test started
            for _ in range(50):
                if not self._group(proc.pid):
                    break
                await asyncio.sleep(0.1)

    def _kill(self, life: Life) -> None:
        if life.killed is None and self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.proc.pid, signal.SIGKILL)
            life.killed = time.monotonic()

    def _alive(self) -> bool:
        return self.proc is not None and self.proc.returncode is None

    async def _sleep_alive(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self._alive():
            await asyncio.sleep(min(0.01, max(0.0, deadline - time.monotonic())))

    def _kill_in_write_txn(self, life: Life, hit: FeedHit, hold_ms: float) -> str:
        """(Thread.) Kill once the bot has held SQLite's write lock for ``hold_ms`` without a
        break, i.e. in the middle of a write transaction (the ingest of a batch with its
        outbox rows is the longest one; 0 = at the first sighting). After 1.5 s, kill at any
        sighting of the lock; after 4 s, kill anyway."""
        shm = Path(f"{self.db_path}-shm")
        start = time.monotonic()
        try:
            fd = os.open(shm, os.O_RDONLY)
        except OSError:
            time.sleep(0.1)
            self._kill(life)
            return f"{hit.source}: no -shm, killed blind"
        pid = self.proc.pid if self.proc else -1
        query = struct.pack("hhqqi4x", fcntl.F_RDLCK, os.SEEK_SET, WAL_WRITE_LOCK_BYTE, 1, 0)
        try:
            held_since: float | None = None
            while time.monotonic() - start < 4.0 and self._alive():
                try:
                    answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
                except OSError:
                    break
                l_type, _, _, _, l_pid = struct.unpack("hhqqi4x", answer)
                now = time.monotonic()
                if l_type == fcntl.F_WRLCK and l_pid == pid:
                    held_since = held_since if held_since is not None else now
                    held = (now - held_since) * 1000
                    if held >= hold_ms or now - start > 1.5:
                        self._kill(life)
                        return (f"write txn held {held:.1f}ms, "
                                f"{(now - hit.at) * 1000:.0f}ms after GET {hit.source}")
                else:
                    held_since = None
                time.sleep(0.0001)
            self._kill(life)
            return f"no write txn in 4s after GET {hit.source}"
        finally:
            os.close(fd)

    async def _terminate(self, life: Life) -> None:
        """SIGTERM and a clean exit within 60 s, else a problem (and SIGKILL)."""
        assert self.proc is not None
        if self._alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                code = await asyncio.wait_for(self.proc.wait(), 60)
                if code != 0:
                    self.problem(life, f"diplowatch exited with {code} on SIGTERM")
            except TimeoutError:
                self.problem(life, "diplowatch did not stop within 60 s of SIGTERM")
                self._kill(life)
        else:
            self.problem(life, f"diplowatch exited by itself with code {self.proc.returncode}")
