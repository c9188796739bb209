"""Starting on a full disk, and with a Bot API that cannot be reached: one clear line naming
what is wrong and how to fix it (never "internal error"), retries where waiting helps.

The full disk is a real one: a 8 MiB tmpfs mounted for the test (root with CAP_SYS_ADMIN, as
in CI's container; skipped elsewhere), filled to the last byte.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from diplowatch import bot, cli
from diplowatch.config import Settings, parse_sources
from diplowatch.store import open_db
from diplowatch.store.sources import sync_sources
from tests.fakes.bot_api import TOKEN, FakeBotAPI

SOURCES = '[[sources]]\nname = "a"\nkind = "rss"\nurl = "http://127.0.0.1:9/feed"\n'


@pytest.fixture
def full_disk(tmp_path: Path):
    """A directory on its own 8 MiB file system holding a database, then filled up; yields
    (database, the filler file: delete it to free the disk)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()[:200]}")
    try:
        db_path = mount / "diplowatch.db"
        db = open_db(db_path)
        sync_sources(db, parse_sources(SOURCES, origin="t"), now=_now())
        db.close()  # the last connection: the WAL is checkpointed and removed
        filler = mount / "filler"
        with open(filler, "wb") as out:
            try:
                while True:
                    out.write(b"\0" * 65536)
                    out.flush()
            except OSError:
                pass
        yield db_path, filler
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _now():
    from datetime import UTC, datetime

    return datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def diplowatch(db_path: Path, *command: str) -> subprocess.CompletedProcess:
    sources = db_path.parent.parent / "sources.toml"
    sources.write_text(SOURCES)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    env |= {"DIPLOWATCH_DB": str(db_path), "DIPLOWATCH_SOURCES": str(sources)}
    return subprocess.run([sys.executable, "-m", "diplowatch", *command], env=env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_a_full_disk_at_start_is_named_with_its_fix_and_status_still_reports(full_disk):
    db_path, filler = full_disk
    full = (f"diplowatch: configuration error: the disk holding the database {db_path} is "
            "full (disk I/O error). Free some space and run the command again; nothing already "
            "stored was lost.\n")
    for command in (("poll", "--once"), ("run", "--headless")):
        done = diplowatch(db_path, *command)
        assert (done.returncode, done.stderr, done.stdout) == (2, full, ""), done.stderr

    status = diplowatch(db_path, "status")
    assert status.returncode == 0, status.stderr
    assert "Traceback" not in status.stderr
    assert status.stdout.startswith(f"DISK FULL   no room left beside {db_path}: nothing new "
                                    "can be stored (polls fail, alerts wait). Free some space; "
                                    "nothing already stored was lost.\n")
    assert "sources     1 (0 failing, 0 paused)" in status.stdout  # read from the full disk

    filler.unlink()
    assert diplowatch(db_path, "poll", "--once").returncode == 1  # polled: the source fails
    status = diplowatch(db_path, "status")
    assert status.returncode == 0 and "DISK FULL" not in status.stdout
    assert "sources     1 (1 failing, 0 paused)" in status.stdout
    check = sqlite3.connect(db_path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()


def refused_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def restore_logging():
    """cli.main installs diplowatch's logging on the root logger: put the test's back."""
    root = logging.getLogger()
    saved = list(root.handlers), root.level
    yield
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])


def test_an_unreachable_bot_api_at_start_is_retried_then_one_clear_line(
    tmp_path, monkeypatch, capsys, restore_logging
):
    port = refused_port()
    (tmp_path / "sources.toml").write_text("")
    monkeypatch.setenv("DIPLOWATCH_TELEGRAM_TOKEN", TOKEN)
    monkeypatch.setenv("DIPLOWATCH_TELEGRAM_API_URL", f"http://127.0.0.1:{port}/bot")
    monkeypatch.setenv("DIPLOWATCH_DB", str(tmp_path / "t.db"))
    monkeypatch.setenv("DIPLOWATCH_SOURCES", str(tmp_path / "sources.toml"))
    monkeypatch.setattr(bot, "START_RETRY_DELAYS", (0.05, 0.1, 0.2))
    assert cli.main(["run"]) == 2
    out, err = capsys.readouterr()
    *retries, last = err.splitlines()
    assert last == (f"diplowatch: configuration error: cannot reach the Bot API at "
                    f"http://127.0.0.1:{port}/bot (httpx.ConnectError: All connection attempts "
                    "failed); tried 4 times over 0s. Check the network (and "
                    "DIPLOWATCH_TELEGRAM_API_URL, if set), then start diplowatch again; alerts "
                    "stay queued meanwhile."), err
    assert [line.partition(" WARNING ")[2] for line in retries] == [
        f"diplowatch.bot: Bot API not reachable at http://127.0.0.1:{port}/bot "
        f"(httpx.ConnectError: All connection attempts failed); trying again in {delay}s"
        for delay in ("0.05", "0.1", "0.2")]
    assert "Traceback" not in err and out == "" and TOKEN.split(":")[1] not in err


async def test_the_bot_starts_when_the_bot_api_comes_up_late(tmp_path, monkeypatch):
    port = refused_port()
    (tmp_path / "sources.toml").write_text("")
    settings = Settings(token=TOKEN, api_url=f"http://127.0.0.1:{port}/bot",
                        db_path=tmp_path / "t.db", sources_path=tmp_path / "sources.toml")
    monkeypatch.setattr(bot, "START_RETRY_DELAYS", (0.2,) * 50)
    stop, up = asyncio.Event(), asyncio.Event()
    run = asyncio.create_task(bot.run_telegram(settings, stop=stop, started=lambda rt: up.set()))
    await asyncio.sleep(1.0)  # a few tries against nothing
    assert not run.done() and not up.is_set()
    async with FakeBotAPI(port=port) as api:
        api.inject_message(42, "/start")
        await asyncio.wait_for(up.wait(), 30)
        await api.wait_for_messages(1, timeout=30)
        stop.set()
        await asyncio.wait_for(run, 30)
    assert len(api.calls_to("getMe")) == 1  # the first try that reached it
