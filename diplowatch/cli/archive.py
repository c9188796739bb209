"""`diplowatch search` and `diplowatch reprocess`: the archive of statements."""

from __future__ import annotations

import argparse

from .. import texts
from ..clock import utcnow
from ..config import Settings
from ..database import open_store


def cmd_search(settings: Settings, args: argparse.Namespace) -> int:
    from ..store import statements as statement_store

    hits = statement_store.search(open_store(settings), " ".join(args.words), limit=args.limit,
                                  source=args.source)
    print(texts.search_results_plain(hits))
    return 0


def cmd_reprocess(settings: Settings, args: argparse.Namespace) -> int:
    from ..reprocess import reprocess_archive
    from ..store.statements import count_statements
    from .bars import bars

    db = open_store(settings)
    with bars(statements=("Reprocessing", "statements")) as shown:
        total = count_statements(db)
        totals = reprocess_archive(
            db, now=utcnow(), progress=lambda n: shown.advance("statements", n, total))
    print(texts.reprocess_summary(totals))
    return 0
