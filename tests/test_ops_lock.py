"""ops/lock.py: the single-instance lock, for `run` and `poll --once`, through other names
of the database too."""

from __future__ import annotations

import asyncio
import os
import sys

import pytest

from diplowatch import ops
from diplowatch.config import ConfigError
from tests.ops_setup import cli, cli_env


def test_a_second_holder_is_refused_with_the_database_named(tmp_path):
    db = tmp_path / "d.db"
    with ops.instance_lock(db) as lock:
        assert lock == tmp_path / "d.db.lock"
        assert lock.read_text().strip() == str(os.getpid())
        with pytest.raises(ops.AlreadyRunning) as caught, ops.instance_lock(db):
            pass
        message = str(caught.value)
        assert str(db.resolve()) in message and f"pid {os.getpid()}" in message
    with ops.instance_lock(db):  # released at the end of the block
        pass
    assert (tmp_path / "d.db.lock").exists()  # left in place on purpose


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_another_name_for_the_same_database_is_the_same_lock(tmp_path, link):
    db = tmp_path / "d.db"
    db.write_bytes(b"")
    other = tmp_path / "elsewhere" / "alias.db"
    other.parent.mkdir()
    (other.symlink_to if link == "symlink" else other.hardlink_to)(db)
    with ops.instance_lock(db), pytest.raises(ops.AlreadyRunning, match="already running"), \
            ops.instance_lock(other):
        pass


def test_poll_once_takes_the_lock_too(tmp_path, monkeypatch, capsys):
    from diplowatch import cli

    db = tmp_path / "d.db"
    monkeypatch.setenv("DIPLOWATCH_DB", str(db))
    with ops.instance_lock(db):
        assert cli.main(["poll", "--once"]) == 2
    assert "already running" in capsys.readouterr().err


def test_the_lock_is_per_database(tmp_path):
    with ops.instance_lock(tmp_path / "a.db"), ops.instance_lock(tmp_path / "b.db"):
        pass


def test_an_unwritable_lock_place_is_a_config_error(tmp_path):
    with (pytest.raises(ConfigError, match="DIPLOWATCH_DB=.*cannot create the lock file"),
          ops.instance_lock(tmp_path / "missing-dir" / "d.db")):
        pass


async def test_run_exits_2_when_another_instance_holds_the_database(tmp_path):
    db = tmp_path / "d.db"
    with ops.instance_lock(db):
        code, out, err = await cli("run", db=db, stdin=b"/help\n")
    assert code == 2
    assert err.startswith("diplowatch: another diplowatch is already running on the database "
                          f"{db.resolve()} (pid {os.getpid()})")
    assert err.count("\n") == 1 and "Traceback" not in err and out == ""
    # refused before touching the database (the holder's lock made it, empty)
    assert db.stat().st_size == 0 and not (tmp_path / "d.db-wal").exists()


async def test_two_real_run_processes(tmp_path):
    db = tmp_path / "d.db"
    first = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "diplowatch", "run", cwd=tmp_path, env=cli_env(db),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    try:
        lock = tmp_path / "d.db.lock"
        for _ in range(300):  # the first process writes its pid once it holds the lock
            if lock.exists() and lock.read_text().strip() == str(first.pid):
                break
            await asyncio.sleep(0.05)
        code, _, err = await cli("run", db=db, stdin=b"")
        assert code == 2 and f"(pid {first.pid})" in err and str(db.resolve()) in err
    finally:
        out, err = await asyncio.wait_for(first.communicate(b"/status\n"), timeout=60)
    assert first.returncode == 0 and "Status" in out.decode()
    code, out, _ = await cli("run", db=db, stdin=b"/status\n")  # free again
    assert code == 0 and "Status" in out
