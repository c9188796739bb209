"""Progress bars (cli/bars.py) of `diplowatch ledger import` and `diplowatch reprocess`, in the
real process: drawn on stderr when it is a terminal (a pty here), nothing extra in a pipe;
stdout, the summary, the same either way."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from diplowatch import ledger
from diplowatch.models import Statement
from diplowatch.store import open_db
from diplowatch.store.statements import add_statements

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)


def run(args: list[str], env: dict[str, str], *, terminal: bool) -> tuple[int, str, str]:
    """The command with stdout a pipe and stderr a pty (``terminal``) or a pipe."""
    full_env = {**os.environ, **env}
    command = [sys.executable, "-m", "diplowatch", *args]
    if not terminal:
        done = subprocess.run(command, env=full_env, capture_output=True, timeout=120)
        return done.returncode, done.stdout.decode(), done.stderr.decode()
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 24 × 100
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the last writer closed
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        done = subprocess.run(command, env=full_env, stdout=subprocess.PIPE, stderr=slave,
                              stdin=subprocess.DEVNULL, timeout=120)
    finally:
        os.close(slave)
        reader.join(10)
        os.close(master)
    return done.returncode, done.stdout.decode(), b"".join(chunks).decode(errors="replace")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "sources.toml").write_text("")
    db = open_db(tmp_path / "d.db")
    ledger.load_seed(db, now=NOW)
    add_statements(db, [Statement("mfa", f"g{n}", f"https://mfa.example/{n}", f"Title {n}",
                                  f"The minister met delegation {n}.", published_at=NOW)
                        for n in range(30)], now=NOW)
    with (tmp_path / "ledger.csv").open("w") as out:
        ledger.export_csv(db, out)
    db.close()
    return {"DIPLOWATCH_DB": str(tmp_path / "d.db"), "DIPLOWATCH_SOURCES": str(tmp_path / "sources.toml"),
            "DIPLOWATCH_LOG_LEVEL": "WARNING", "CSV": str(tmp_path / "ledger.csv")}


@pytest.mark.parametrize(("args", "label", "unit"), [
    (["ledger", "import", "{CSV}"], "Reading", "rows"),
    (["reprocess"], "Reprocessing", "statements"),
], ids=["ledger-import", "reprocess"])
def test_a_bar_on_a_terminal_and_nothing_in_a_pipe(env, args, label, unit):
    args = [a.format(**env) for a in args]
    code, out_tty, err_tty = run(args, env, terminal=True)
    assert code == 0, err_tty
    assert f"{label}: " in err_tty and unit in err_tty and "\r" in err_tty  # drawn, redrawn
    code, out_pipe, err_pipe = run(args, env, terminal=False)
    assert code == 0 and err_pipe == ""  # nothing extra where no one watches
    assert out_pipe == out_tty and "\r" not in out_pipe and label not in out_pipe
