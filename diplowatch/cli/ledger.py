"""`diplowatch ledger import`, `export`, `timeline` and `map`: the recognition ledger."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..clock import utcnow
from ..config import Settings
from ..database import open_store
from ..models import UserError


def cmd_ledger_import(settings: Settings, args: argparse.Namespace) -> int:
    from .. import ledger
    from .bars import bars

    with bars(rows=("Reading", "rows"), statuses=("Updating statuses", "pairs")) as shown:
        result = ledger.import_csv(open_store(settings), args.file, now=utcnow(),
                                   origin="manual", progress=shown.advance)
    print(f"Imported {result.inserted} act(s) from {result.rows} row(s); "
          f"{result.duplicates} already known; {result.pairs} statuses updated.")
    return 0


def cmd_export(settings: Settings, args: argparse.Namespace) -> int:
    from .. import ledger

    (ledger.export_json if args.format == "json" else ledger.export_csv)(open_store(settings),
                                                                        sys.stdout)
    return 0


def cmd_timeline(settings: Settings, args: argparse.Namespace) -> int:
    return _chart(settings, args, "timeline")


def cmd_map(settings: Settings, args: argparse.Namespace) -> int:
    return _chart(settings, args, "map")


def _chart(settings: Settings, args: argparse.Namespace, kind: str) -> int:
    from .. import charts, names
    from ..names.resolve import resolve_entity

    if Path(args.output).suffix.lower() != ".png":
        raise UserError(f"{args.output}: the {kind} is a PNG image; name the file .png "
                        "(e.g. -o kosovo.png).")
    entity = resolve_entity(" ".join(args.entity), tip=f"Try: diplowatch {kind} kosovo -o kosovo.png")
    draw = charts.map_png if kind == "map" else charts.timeline_png
    png = draw(open_store(settings), entity, now=utcnow())
    try:
        Path(args.output).write_bytes(png)
    except OSError as exc:
        raise UserError(f"cannot write {args.output}: {exc.strerror}") from None
    print(f"Wrote {args.output}: {names.display(entity)}")
    return 0
