"""`diplowatch backup` and `diplowatch status`: the database's operator."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .. import ops
from ..clock import utcnow
from ..config import Settings


def cmd_backup(settings: Settings, args: argparse.Namespace) -> int:
    result = ops.backup(settings.db_path, Path(args.file))
    print(f"Backed up {settings.db_path} to {result.path} ({result.size} bytes, "
          f"{result.statements} statements, integrity ok).")
    return 0


def cmd_status(settings: Settings, args: argparse.Namespace) -> int:
    db = ops.open_readonly(settings.db_path)
    try:
        now = utcnow()
        report = ops.status_report(db, now=now, db_path=settings.db_path)
    finally:
        db.close()
    print(json.dumps(report, indent=2, ensure_ascii=False) if args.json
          else ops.status_text(report, now=now))
    return 0
