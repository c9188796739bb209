"""The single-instance lock: one diplowatch process per database file."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from ..config import ConfigError
from ..texts import database_error


class AlreadyRunning(Exception):
    """Another process holds the database's instance lock; the message names the database."""


def lock_path(db_path: Path) -> Path:
    """Beside the real file: a symlink to the database finds the same lock file."""
    return Path(f"{os.path.realpath(db_path)}.lock")


@contextlib.contextmanager
def instance_lock(db_path: Path) -> Iterator[Path]:
    """Hold an exclusive, non-blocking ``flock`` on ``<db>.lock`` for the block.

    Raises AlreadyRunning at once if another process holds it. The lock goes with the process
    (crash, kill -9), so a leftover lock file is harmless and is never deleted: deleting it
    would let a third process lock a fresh file while the second still holds the old one.
    """
    path = lock_path(db_path)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise ConfigError(database_error(str(db_path), "full", exc.strerror)) from None
        raise ConfigError(f"DIPLOWATCH_DB={str(db_path)!r}: cannot create the lock file {path} "
                          f"({exc.strerror}). Point DIPLOWATCH_DB at a writable directory.") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            raise AlreadyRunning(
                f"another diplowatch is already running on the database {os.path.abspath(db_path)}"
                + (f" (pid {holder})" if holder else "")
                + ". Stop it first, or set DIPLOWATCH_DB to another database file."
            ) from None
        with contextlib.suppress(OSError):  # the pid only informs; a full disk is told below
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        with _database_flock(db_path):
            yield path
    finally:
        os.close(fd)  # releases the lock


@contextlib.contextmanager
def _database_flock(db_path: Path) -> Iterator[None]:
    """An flock on the database file itself, so that a hard link (another name, another lock
    file) is still the same database. flock and SQLite's POSIX locks do not interact on Linux;
    this descriptor is closed only when the block ends, after the database is closed."""
    try:
        fd = os.open(db_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError:
        yield  # the store reports an unwritable database in its own words
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyRunning(
                f"another diplowatch is already running on the database {os.path.abspath(db_path)} "
                "(under another name: a hard link or a copy of the path). Stop it first."
            ) from None
        yield
    finally:
        os.close(fd)


def _read_pid(fd: int) -> int | None:
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return int(text) if text.isascii() and text.isdigit() else None
