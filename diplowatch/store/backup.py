"""The copy behind `diplowatch backup`: SQLite's online backup API, then an integrity check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..models import UserError
from .readonly import connect_readonly


def copy_and_check(db_path: Path, tmp: Path) -> int:
    """Copy the live database at ``db_path`` into the new file ``tmp`` as one self-contained
    file and check it; the number of statements in the copy. UserError when the copy fails
    its integrity check; sqlite3.Error when the copy cannot be made."""
    source = connect_readonly(db_path)
    try:
        copy = sqlite3.connect(tmp)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            problems = [row[0] for row in copy.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise UserError(f"the copy failed its integrity check ({'; '.join(problems[:3])}); "
                                "the backup was not written. Check the database with "
                                f"sqlite3 {db_path} 'PRAGMA integrity_check'.")
            return copy.execute("SELECT count(*) FROM statements").fetchone()[0]
        finally:
            copy.close()
    finally:
        source.close()
