"""`diplowatch extract`, `eval` and `labels export`: the extractor and its labelled data.

`extract` and `eval` touch no database: this module imports the store only for `labels`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import Settings
from ..models import UserError


def cmd_extract(settings: Settings, args: argparse.Namespace) -> int:
    from ..extract.commands import run_extract

    if args.file is None:
        return run_extract(sys.stdin, sys.stdout)
    try:
        with open(args.file, encoding="utf-8", errors="replace") as infile:
            return run_extract(infile, sys.stdout)
    except OSError as exc:
        raise UserError(f"cannot read {args.file}: {exc.strerror}") from None


def cmd_eval(settings: Settings, args: argparse.Namespace) -> int:
    from ..extract.commands import run_eval

    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        raise UserError(f"no such file: {', '.join(missing)}")
    return run_eval(args.files, sys.stdout, fold=args.fold, errors=args.errors, bands=args.bands)


def cmd_labels_export(settings: Settings, args: argparse.Namespace) -> int:
    from ..database import open_store
    from ..labels import export_labels

    if args.output is None:
        export_labels(open_store(settings), sys.stdout)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8") as out:
            count = export_labels(open_store(settings), out)
    except OSError as exc:
        raise UserError(f"cannot write {args.output}: {exc.strerror}") from None
    print(f"Wrote {count} labelled document(s) to {args.output}; score them with "
          f"diplowatch eval {args.output}", file=sys.stderr)
    return 0
