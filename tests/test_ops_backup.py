"""ops/backup.py: `diplowatch backup` of a live database, restoring one, and the failures."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from diplowatch import ops
from diplowatch.models import UserError
from diplowatch.store import chats, open_db, outbox
from diplowatch.store import sources as source_store
from diplowatch.store import statements as statement_store
from tests.ops_setup import cli, live_db_path


@pytest.fixture
def db_path(tmp_path) -> Path:
    return live_db_path(tmp_path)


def test_backup_copies_a_live_database_and_restores(db_path, tmp_path):
    writer = sqlite3.connect(db_path)  # committed in the WAL, not yet checkpointed
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE sources SET title = 'changed after start' WHERE name = 'alpha'")
    writer.commit()
    writer.execute("BEGIN IMMEDIATE")  # and a write transaction still open: not in the copy
    writer.execute("DELETE FROM subscriptions")
    dest = tmp_path / "backups" / "b.db"
    dest.parent.mkdir()
    result = ops.backup(db_path, dest)
    writer.rollback()
    writer.close()
    assert result.path == dest and result.statements == 5 and result.size == dest.stat().st_size
    assert oct(dest.stat().st_mode & 0o777) == "0o600"  # chat ids inside: owner only
    assert sorted(p.name for p in dest.parent.iterdir()) == ["b.db"]  # one file, no temp left

    restored = tmp_path / "restored.db"  # restore = copy back, then start diplowatch on it
    shutil.copyfile(dest, restored)
    db = open_db(restored)
    assert statement_store.count_statements(db) == 5
    assert [h.title for h in statement_store.search(db, "referendum", limit=10)][0] == "Title 4"
    assert source_store.get_source(db, "alpha")[0].title == "changed after start"
    assert [s.kind for s in chats.list_subscriptions(db, 1)] == ["all"]
    assert outbox.state_counts(db)["possibly_delivered"] == 1
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_backup_replaces_an_older_backup(db_path, tmp_path):
    dest = tmp_path / "b.db"
    dest.write_bytes(b"old backup")
    ops.backup(db_path, dest)
    assert dest.read_bytes()[:16] == b"SQLite format 3\x00"


def test_a_failed_backup_leaves_the_old_one_and_no_temp_file(db_path, tmp_path):
    dest = tmp_path / "out" / "b.db"
    dest.parent.mkdir()
    dest.write_bytes(b"old backup")
    data = bytearray(db_path.read_bytes())
    data[4096 * 3: 4096 * 6] = b"\xff" * (4096 * 3)  # wreck some pages
    broken = tmp_path / "broken.db"
    broken.write_bytes(bytes(data))
    with pytest.raises(UserError, match="integrity check|backup of .* failed"):
        ops.backup(broken, dest)
    assert dest.read_bytes() == b"old backup"
    assert [p.name for p in dest.parent.iterdir()] == ["b.db"]


@pytest.mark.parametrize(("target", "says"), [
    ("{tmp}", "is a directory. Give a file name"),
    ("{tmp}/no/such/dir/b.db", "directory .* does not exist"),
    ("{db}", "is the database itself"),
    ("{db}-wal", "belongs to the live database"),
    ("/proc/diplowatch-backup.db", "cannot write the backup /proc/diplowatch-backup.db"),
])
def test_backup_errors_are_clear(db_path, tmp_path, target, says):
    with pytest.raises(UserError, match=says):
        ops.backup(db_path, Path(target.format(tmp=tmp_path, db=db_path)))


def test_backup_of_a_missing_database(tmp_path):
    with pytest.raises(UserError, match="no database at .*nothing to back up"):
        ops.backup(tmp_path / "none.db", tmp_path / "b.db")
    assert not (tmp_path / "none.db").exists()


async def test_backup_command(db_path, tmp_path):
    code, out, err = await cli("backup", str(tmp_path / "copy.db"), db=db_path)
    assert code == 0 and "5 statements, integrity ok" in out, err
    code, out, err = await cli("backup", "/proc/x.db", db=db_path)
    assert code == 1 and err.startswith("diplowatch: cannot write the backup /proc/x.db")
    assert err.count("\n") == 1
