"""`diplowatch backup`: an online, checked copy of the live database that replaces the
destination only when complete."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..models import UserError
from ..store import StoreError
from ..store.backup import copy_and_check


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int  # bytes
    statements: int


def backup(db_path: Path, dest: Path) -> BackupResult:
    """Copy the live database to ``dest`` with SQLite's online backup API.

    The copy is written to a temporary file beside ``dest``, checked with
    ``PRAGMA integrity_check`` and only then renamed over ``dest``, so ``dest`` is either the
    old file or a complete, checked copy. Raises UserError with the reason otherwise.
    """
    db_path, dest = Path(db_path), Path(dest)
    _check_backup_paths(db_path, dest)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp",
                                        dir=dest.parent)
    except OSError as exc:
        raise UserError(f"cannot write the backup {dest}: {exc.strerror}.") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        statements = copy_and_check(db_path, tmp)
        _fsync(tmp)
        os.replace(tmp, dest)
        _fsync(dest.parent)
    except StoreError as exc:
        raise UserError(f"backup of {db_path} failed: {exc}. {dest} was not changed.") from None
    except OSError as exc:
        raise UserError(f"cannot write the backup {dest}: {exc.strerror}.") from None
    finally:
        tmp.unlink(missing_ok=True)
    return BackupResult(dest, dest.stat().st_size, statements)


def _check_backup_paths(db_path: Path, dest: Path) -> None:
    if not db_path.is_file():
        raise UserError(f"no database at {db_path} (DIPLOWATCH_DB): nothing to back up.")
    if dest.is_dir():
        raise UserError(f"{dest} is a directory. Give a file name, e.g. "
                        f"{dest / 'diplowatch-backup.db'}")
    if not dest.parent.is_dir():
        raise UserError(f"cannot write the backup {dest}: directory {dest.parent} does not exist.")
    if dest.exists() and dest.resolve() == db_path.resolve():
        raise UserError(f"{dest} is the database itself. Back up to another file.")
    for suffix in ("-wal", "-shm", "-journal", ".lock"):
        if dest.resolve() == Path(f"{db_path.resolve()}{suffix}"):
            raise UserError(f"{dest} belongs to the live database. Back up to another file.")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
