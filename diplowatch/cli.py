"""The `diplowatch` command. Each subcommand is a small function; errors become one line."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import bot, texts
from .clock import utcnow
from .config import ConfigError, Settings, load_settings, redact, source_from_dict
from .models import NoSuchSource, Source, UserError
from .store import sources as source_store
from .store import statements as statement_store
from .store import storage_fault

if TYPE_CHECKING:
    from .sources.check import SourceCheck


def main(argv: list[str] | None = None) -> int:
    # PTB 22: timedelta retry_after/timeouts now, instead of a deprecation warning per 429.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    parser = build_parser()
    args = parser.parse_args(argv)
    sys.stdout, sys.stderr = TerminalSafe.wrap(sys.stdout), TerminalSafe.wrap(sys.stderr)
    if not getattr(args, "func", None):
        getattr(args, "help_of", parser).print_help()  # 'diplowatch ledger': the ledger's help
        return 2
    try:
        settings = load_settings()
        TerminalSafe.secrets = (settings.token or "",)
        bot.setup_logging(settings)
        return args.func(settings, args) or 0
    except ConfigError as exc:
        print(f"diplowatch: configuration error: {exc}", file=sys.stderr)
        return 2
    except UserError as exc:
        print(f"diplowatch: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # 'diplowatch status --json | head': the reader has gone
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except sqlite3.Error as exc:
        if (fault := storage_fault(exc, settings.db_path)) is None:
            return _internal_error(exc)
        print(f"diplowatch: {texts.database_error(str(settings.db_path), fault, exc)}",
              file=sys.stderr)
        return 2
    except Exception as exc:
        return _internal_error(exc)


# C0 controls but tab and newline, DEL and the C1 block: ESC/OSC sequences in a title or an
# HTTP reason phrase would otherwise reach the operator's terminal (and could rewrite it).
_CONTROLS = dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)])


class TerminalSafe:
    """A text stream that drops control characters from everything written to it. Every
    command prints through it: statements, source names, reasons, the console chat."""

    secrets: tuple[str, ...] = ()  # the configured token, once settings are read

    def __init__(self, stream) -> None:
        self._stream = stream

    @classmethod
    def wrap(cls, stream):
        return stream if isinstance(stream, cls) or stream is None else cls(stream)

    def write(self, text: str) -> int:
        self._stream.write(redact(text.translate(_CONTROLS), self.secrets))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _internal_error(exc: Exception) -> int:
    """A bug: one line for the user, the traceback in the debug log."""
    logging.getLogger(__name__).debug("internal error", exc_info=True)
    print(f"diplowatch: internal error: {type(exc).__name__}: {exc}. "
          "Run with DIPLOWATCH_LOG_LEVEL=DEBUG for details.", file=sys.stderr)
    return 70


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diplowatch")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="diplowatch", description=texts.CLI_DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"diplowatch {_version()}")
    sub = parser.add_subparsers(metavar="COMMAND")

    def add(name: str, func: Callable, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(func=func)
        return p

    p = add("run", cmd_run, "run the monitor, with the Telegram bot (token set) or a console chat")
    p.add_argument("--headless", action="store_true",
                   help="no console chat without a token: poll (and keep alerts queued) until stopped")
    p.add_argument("--files", metavar="DIR", type=Path,
                   help="console chat: save charts and exports here (default: a new temporary folder)")
    add("demo", cmd_demo, "offline demo: serve sample sources on 127.0.0.1 and poll them")
    p = add("poll", cmd_poll, "poll sources now")
    p.add_argument("--once", action="store_true", required=True, help="poll once and exit")
    p.add_argument("--source", action="append", metavar="NAME", help="only this source")
    _add_sources_parser(sub)
    p = add("search", cmd_search, "full-text search over the archive, newest first")
    p.add_argument("words", nargs="+")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--source", help="only statements of this source")
    p = add("extract", cmd_extract, "extract recognition events: JSONL in, JSONL out")
    p.add_argument("file", nargs="?", help="JSONL input (default: stdin)")
    p = add("eval", cmd_eval, "score the extractor on labelled JSONL files")
    p.add_argument("files", nargs="+")
    p.add_argument("--fold", choices=("all", "tune", "holdout"), default="all",
                   help="score only the tuning or the held-out fold of each file (by url)")
    p.add_argument("--errors", action="store_true",
                   help="list the documents scored wrong (not for the held-out fold)")
    p.add_argument("--bands", action="store_true",
                   help="precision of the predicted events per confidence band")
    p = sub.add_parser("ledger", help="the recognition ledger")
    p.set_defaults(help_of=p)
    ls = p.add_subparsers(metavar="ACTION")
    i = ls.add_parser("import", help="add recognition acts from a CSV (seed file format)")
    i.set_defaults(func=cmd_ledger_import)
    i.add_argument("file")
    p = sub.add_parser("labels", help="administrators' review decisions as labelled data")
    p.set_defaults(help_of=p)
    ls = p.add_subparsers(metavar="ACTION")
    e = ls.add_parser("export", help="write the decisions as eval JSONL (diplowatch eval reads it)")
    e.set_defaults(func=cmd_labels_export)
    e.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    p = add("export", cmd_export, "write the recognition ledger as CSV or JSON to stdout")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p = add("timeline", cmd_timeline, "draw a PNG chart of an entity's recognitions over time")
    p.add_argument("entity", nargs="+")
    p.add_argument("-o", "--output", required=True, metavar="FILE.png")
    p = add("map", cmd_map, "draw a PNG world map: who recognizes an entity, withdrew, rejects")
    p.add_argument("entity", nargs="+")
    p.add_argument("-o", "--output", required=True, metavar="FILE.png")
    add("reprocess", cmd_reprocess, "re-run the extractor over the archive (after an upgrade)")
    p = add("backup", cmd_backup, "copy the database to FILE while it runs (checked, atomic)")
    p.add_argument("file", metavar="FILE")
    p = add("status", cmd_status, "sources health, statements, queue, last errors, last poll")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def _add_sources_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sources", help="list, add, remove or import sources")
    p.set_defaults(help_of=p)
    ss = p.add_subparsers(metavar="ACTION")
    ss.add_parser("list", help="sources and their health").set_defaults(func=cmd_sources_list)
    a = ss.add_parser("add", help="add a source kept in the database")
    a.set_defaults(func=cmd_sources_add)
    a.add_argument("name")
    a.add_argument("url")
    a.add_argument("--kind", choices=("rss", "telegram", "html"), default="rss")
    a.add_argument("--title")
    a.add_argument("--interval", default="5m")
    a.add_argument("--lang")
    a.add_argument("--official", action="store_true")
    for selector in ("item", "link", "title-selector", "date"):
        a.add_argument(f"--{selector}", help="CSS selector (html sources)")
    r = ss.add_parser("remove", help="remove a source added with 'sources add' or 'import'")
    r.set_defaults(func=cmd_sources_remove)
    r.add_argument("name")
    i = ss.add_parser("import", help="import RSS/Atom feeds from an OPML file")
    i.set_defaults(func=cmd_sources_import)
    i.add_argument("file")
    t = ss.add_parser("test", help="fetch a source once and show what a poll would store "
                      "(stores nothing)")
    t.set_defaults(func=cmd_sources_test)
    t.add_argument("target", metavar="NAME|URL", help="a source's name, or a URL to try")
    t.add_argument("--kind", choices=("rss", "telegram", "html"),
                   help="default: the source's, else telegram for t.me/s/ URLs, html with "
                   "--item, else rss")
    for selector in ("item", "link", "title-selector", "date"):
        t.add_argument(f"--{selector}", help="CSS selector (html sources)")
    t.add_argument("--date-order", choices=("dmy", "mdy", "ymd"))
    t.add_argument("--fetch-pages", action="store_true", help="read each item's page too")
    t.add_argument("--lang")


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    from . import ops

    with contextlib.ExitStack() as held:
        try:  # one monitor per database: two would poll and send everything twice
            held.enter_context(ops.instance_lock(settings.db_path))
        except ops.AlreadyRunning as exc:
            print(f"diplowatch: {exc}", file=sys.stderr)
            return 2
        try:
            asyncio.run(bot.run(settings, headless=args.headless, save_dir=args.files))
        except bot.TokenInUse:  # logged where it was found; 2 keeps systemd from restarting
            return 2
    return 0


def cmd_demo(settings: Settings, args: argparse.Namespace) -> int:
    from .demo import run_demo

    return asyncio.run(run_demo(settings))


def cmd_poll(settings: Settings, args: argparse.Namespace) -> int:
    from . import ops

    try:  # a poll beside a running monitor would fetch and alert twice
        with ops.instance_lock(settings.db_path):
            outcomes = asyncio.run(_poll_once(settings, args.source))
    except ops.AlreadyRunning as exc:
        print(f"diplowatch: {exc}", file=sys.stderr)
        return 2
    for outcome in outcomes:
        print(texts.poll_outcome_line(outcome))
    return 1 if any(o.status == "error" for o in outcomes) else 0


async def _poll_once(settings: Settings, names: list[str] | None) -> list:
    async with bot.open_runtime(settings) as rt:
        for name in names or []:
            if source_store.get_source(rt.db, name) is None:
                raise UserError(f"No source named {name!r}. See: diplowatch sources list")
        return await rt.monitor.poll_all(names)


def _db(settings: Settings):
    return bot.open_store(settings)


def cmd_sources_list(settings: Settings, args: argparse.Namespace) -> int:
    async def sync() -> list:
        async with bot.open_runtime(settings) as rt:
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
    source_store.add_source(_db(settings), source, now=utcnow(), origin="cli")
    print(f"Added source {source.name} ({source.kind}) {source.url}")
    return 0


def cmd_sources_remove(settings: Settings, args: argparse.Namespace) -> int:
    try:
        source_store.remove_source(_db(settings), args.name)
    except NoSuchSource as exc:
        raise UserError(f"{exc} See the list with: diplowatch sources list") from None
    print(f"Removed source {args.name}. Its statements stay in the archive.")
    return 0


def cmd_sources_import(settings: Settings, args: argparse.Namespace) -> int:
    from .opml import import_opml

    added, skipped = import_opml(_db(settings), Path(args.file), now=utcnow())
    print(f"Imported {len(added)} feed(s)" + (":" if added else "."))
    for line in added:
        print(f"  {line}")
    if skipped:
        print(f"Skipped {len(skipped)}:")
    for line in skipped:
        print(f"  {line}")
    return 0


def cmd_sources_test(settings: Settings, args: argparse.Namespace) -> int:
    from .sources.check import source_to_test

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
    from .config import load_sources

    found = next((s for s in load_sources(settings.sources_path) if s.name == name), None)
    if found is None and settings.db_path.exists():
        stored = source_store.get_source(_db(settings), name)
        found = stored[0] if stored else None
    return found


async def _test_source(settings: Settings, source: Source) -> SourceCheck:
    from .sources import Fetcher, close_parse_pool, make_client
    from .sources.check import check_source

    async with make_client() as client:
        try:
            return await check_source(Fetcher(client, allow_private=settings.allow_private),
                                      source, now=utcnow())
        finally:
            close_parse_pool()


def cmd_search(settings: Settings, args: argparse.Namespace) -> int:
    hits = statement_store.search(_db(settings), " ".join(args.words), limit=args.limit,
                                  source=args.source)
    print(texts.search_results_plain(hits))
    return 0


def cmd_extract(settings: Settings, args: argparse.Namespace) -> int:
    from .extract.commands import run_extract

    if args.file is None:
        return run_extract(sys.stdin, sys.stdout)
    try:
        with open(args.file, encoding="utf-8", errors="replace") as infile:
            return run_extract(infile, sys.stdout)
    except OSError as exc:
        raise UserError(f"cannot read {args.file}: {exc.strerror}") from None


def cmd_eval(settings: Settings, args: argparse.Namespace) -> int:
    from .extract.commands import run_eval

    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        raise UserError(f"no such file: {', '.join(missing)}")
    return run_eval(args.files, sys.stdout, fold=args.fold, errors=args.errors, bands=args.bands)


def cmd_ledger_import(settings: Settings, args: argparse.Namespace) -> int:
    from . import ledger

    result = ledger.import_csv(_db(settings), args.file, now=utcnow(), origin="manual")
    print(f"Imported {result.inserted} act(s) from {result.rows} row(s); "
          f"{result.duplicates} already known; {result.pairs} statuses updated.")
    return 0


def cmd_labels_export(settings: Settings, args: argparse.Namespace) -> int:
    from .labels import export_labels

    if args.output is None:
        export_labels(_db(settings), sys.stdout)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8") as out:
            count = export_labels(_db(settings), out)
    except OSError as exc:
        raise UserError(f"cannot write {args.output}: {exc.strerror}") from None
    print(f"Wrote {count} labelled document(s) to {args.output}; score them with "
          f"diplowatch eval {args.output}", file=sys.stderr)
    return 0


def cmd_export(settings: Settings, args: argparse.Namespace) -> int:
    from . import ledger

    (ledger.export_json if args.format == "json" else ledger.export_csv)(_db(settings), sys.stdout)
    return 0


def cmd_timeline(settings: Settings, args: argparse.Namespace) -> int:
    return _chart(settings, args, "timeline")


def cmd_map(settings: Settings, args: argparse.Namespace) -> int:
    return _chart(settings, args, "map")


def _chart(settings: Settings, args: argparse.Namespace, kind: str) -> int:
    from . import charts, names
    from .resolve import resolve_entity

    if Path(args.output).suffix.lower() != ".png":
        raise UserError(f"{args.output}: the {kind} is a PNG image; name the file .png "
                        "(e.g. -o kosovo.png).")
    entity = resolve_entity(" ".join(args.entity), tip=f"Try: diplowatch {kind} kosovo -o kosovo.png")
    draw = charts.map_png if kind == "map" else charts.timeline_png
    png = draw(_db(settings), entity, now=utcnow())
    try:
        Path(args.output).write_bytes(png)
    except OSError as exc:
        raise UserError(f"cannot write {args.output}: {exc.strerror}") from None
    print(f"Wrote {args.output}: {names.display(entity)}")
    return 0


def cmd_reprocess(settings: Settings, args: argparse.Namespace) -> int:
    from .reprocess import reprocess_archive

    totals = reprocess_archive(_db(settings), now=utcnow(), progress=print)
    print(texts.reprocess_summary(totals))
    return 0


def cmd_backup(settings: Settings, args: argparse.Namespace) -> int:
    from . import ops

    result = ops.backup(settings.db_path, Path(args.file))
    print(f"Backed up {settings.db_path} to {result.path} ({result.size} bytes, "
          f"{result.statements} statements, integrity ok).")
    return 0


def cmd_status(settings: Settings, args: argparse.Namespace) -> int:
    import json

    from . import ops

    db = ops.open_readonly(settings.db_path)
    try:
        now = utcnow()
        report = ops.status_report(db, now=now, db_path=settings.db_path)
    finally:
        db.close()
    print(json.dumps(report, indent=2, ensure_ascii=False) if args.json
          else ops.status_text(report, now=now))
    return 0
