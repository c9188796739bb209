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

    totals = reprocess_archive(open_store(settings), now=utcnow(), progress=print)
    print(texts.reprocess_summary(totals))
    return 0
