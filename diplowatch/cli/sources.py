"""`diplowatch sources list|add|remove|import|test`."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from .. import texts
from ..clock import utcnow
from ..config import Settings, load_sources, source_from_dict
from ..database import open_store
from ..models import NoSuchSource, Source, UserError
from ..store import sources as source_store

if TYPE_CHECKING:
    from ..sources.check import SourceCheck


def cmd_sources_list(settings: Settings, args: argparse.Namespace) -> int:
    from ..runtime import open_runtime

    async def sync() -> list:
        async with open_runtime(settings, polls=False) as rt:
            return source_store.list_sources(rt.db)

    rows = asyncio.run(sync())
    print(texts.sources_table(rows, now=utcnow()))
    return 0


def cmd_sources_add(settings: Settings, args: argparse.Namespace) -> int:
    entry = {"name": args.name, "url": args.url, "kind": args.kind, "interval": args.interval,
             "official": args.official, "title": args.title or args.name}
    entry |= {k: v for k, v in (("lang", args.lang), ("item", args.item), ("link", args.link),
                                ("title_sel", args.title_selector), ("date", args.date)) if v}
    if "title_sel" in entry:
        entry["title"] = entry.pop("title_sel")
    source = source_from_dict(entry, where="sources add")
    source_store.add_source(open_store(settings), source, now=utcnow(), origin="cli")
    print(f"Added source {source.name} ({source.kind}) {source.url}")
    return 0


def cmd_sources_remove(settings: Settings, args: argparse.Namespace) -> int:
    try:
        source_store.remove_source(open_store(settings), args.name)
    except NoSuchSource as exc:
        raise UserError(f"{exc} See the list with: diplowatch sources list") from None
    print(f"Removed source {args.name}. Its statements stay in the archive.")
    return 0


def cmd_sources_import(settings: Settings, args: argparse.Namespace) -> int:
    from ..opml import import_opml

    added, skipped = import_opml(open_store(settings), Path(args.file), now=utcnow())
    print(f"Imported {len(added)} feed(s)" + (":" if added else "."))
    for line in added:
        print(f"  {line}")
    if skipped:
        print(f"Skipped {len(skipped)}:")
    for line in skipped:
        print(f"  {line}")
    return 0


def cmd_sources_test(settings: Settings, args: argparse.Namespace) -> int:
    from ..sources.check import source_to_test

    overrides = {"item": args.item, "link": args.link, "title": args.title_selector,
                 "date": args.date, "date_order": args.date_order, "lang": args.lang,
                 "fetch_pages": True if args.fetch_pages else None}
    source = source_to_test(args.target, known=_known_source(settings, args.target),
                            kind=args.kind, settings=overrides)
    check = asyncio.run(_test_source(settings, source))
    print(texts.source_check(check))
    return 1 if check.reason else 0


def _known_source(settings: Settings, name: str) -> Source | None:
    """The source called ``name`` in the sources file, else in the database (if there is
    one): a test must not create a database."""
    if "://" in name:
        return None
    found = next((s for s in load_sources(settings.sources_path) if s.name == name), None)
    if found is None and settings.db_path.exists():
        stored = source_store.get_source(open_store(settings), name)
        found = stored[0] if stored else None
    return found


async def _test_source(settings: Settings, source: Source) -> SourceCheck:
    from ..sources import Fetcher, close_parse_pool, make_client
    from ..sources.check import check_source

    async with make_client() as client:
        try:
            return await check_source(Fetcher(client, allow_private=settings.allow_private),
                                      source, now=utcnow())
        finally:
            close_parse_pool()
