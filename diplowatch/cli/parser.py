"""The command line's grammar. Built without importing any command: each subcommand names
its function as "module:function" of this package, and main.py imports that module only
when the command runs (so `diplowatch extract` never loads the bot, the scheduler or charts).
"""

from __future__ import annotations

import argparse
from pathlib import Path

DESCRIPTION = (
    "diplowatch watches official statements and alerts subscribers when a state recognizes "
    "(or stops recognizing) a breakaway or partially recognized entity."
)
KINDS = ("rss", "telegram", "html")
SELECTORS = ("item", "link", "title-selector", "date")

Subparsers = argparse._SubParsersAction


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="diplowatch", description=DESCRIPTION)
    parser.add_argument("--version", action=_Version, nargs=0, default=argparse.SUPPRESS,
                        help="show program's version number and exit")
    sub = parser.add_subparsers(metavar="COMMAND")
    _add_monitor(sub)
    _add_sources(sub)
    p = _add(sub, "search", "archive:cmd_search", "full-text search over the archive, newest first")
    p.add_argument("words", nargs="+")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--source", help="only statements of this source")
    _add_extractor(sub)
    _add_ledger(sub)
    _add_maintenance(sub)
    return parser


class _Version(argparse.Action):
    """argparse's "version" action, but the installed version is looked up only when asked:
    importlib.metadata is slow to import, and most runs never print it."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"diplowatch {_version()}")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diplowatch")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _add(sub: Subparsers, name: str, func: str, help: str) -> argparse.ArgumentParser:
    """A subcommand whose function is ``func``, "module:function" in this package."""
    p = sub.add_parser(name, help=help, description=help)
    p.set_defaults(func=func)
    return p


def _action(actions: Subparsers, name: str, func: str, help: str) -> argparse.ArgumentParser:
    """An action of a command group ('sources add'): listed with ``help``, no description."""
    p = actions.add_parser(name, help=help)
    p.set_defaults(func=func)
    return p


def _group(sub: Subparsers, name: str, help: str) -> Subparsers:
    """'diplowatch ledger': a command of actions; alone, it prints its own help."""
    p = sub.add_parser(name, help=help)
    p.set_defaults(help_of=p)
    return p.add_subparsers(metavar="ACTION")


def _add_monitor(sub: Subparsers) -> None:
    p = _add(sub, "run", "monitor:cmd_run",
             "run the monitor, with the Telegram bot (token set) or a console chat")
    p.add_argument("--headless", action="store_true",
                   help="no console chat without a token: poll (and keep alerts queued) until stopped")
    p.add_argument("--files", metavar="DIR", type=Path,
                   help="console chat: save charts and exports here (default: a new temporary folder)")
    _add(sub, "demo", "monitor:cmd_demo",
         "offline demo: serve sample sources on 127.0.0.1 and poll them")
    p = _add(sub, "poll", "monitor:cmd_poll", "poll sources now")
    p.add_argument("--once", action="store_true", required=True, help="poll once and exit")
    p.add_argument("--source", action="append", metavar="NAME", help="only this source")


def _add_sources(sub: Subparsers) -> None:
    ss = _group(sub, "sources", "list, add, remove or import sources")
    _action(ss, "list", "sources:cmd_sources_list", "sources and their health")
    a = _action(ss, "add", "sources:cmd_sources_add", "add a source kept in the database")
    a.add_argument("name")
    a.add_argument("url")
    a.add_argument("--kind", choices=KINDS, default="rss")
    a.add_argument("--title")
    a.add_argument("--interval", default="5m")
    a.add_argument("--lang")
    a.add_argument("--official", action="store_true")
    _add_selectors(a)
    r = _action(ss, "remove", "sources:cmd_sources_remove",
             "remove a source added with 'sources add' or 'import'")
    r.add_argument("name")
    i = _action(ss, "import", "sources:cmd_sources_import", "import RSS/Atom feeds from an OPML file")
    i.add_argument("file")
    t = _action(ss, "test", "sources:cmd_sources_test",
             "fetch a source once and show what a poll would store (stores nothing)")
    t.add_argument("target", metavar="NAME|URL", help="a source's name, or a URL to try")
    t.add_argument("--kind", choices=KINDS,
                   help="default: the source's, else telegram for t.me/s/ URLs, html with "
                   "--item, else rss")
    _add_selectors(t)
    t.add_argument("--date-order", choices=("dmy", "mdy", "ymd"))
    t.add_argument("--fetch-pages", action="store_true", help="read each item's page too")
    t.add_argument("--lang")


def _add_selectors(p: argparse.ArgumentParser) -> None:
    for selector in SELECTORS:
        p.add_argument(f"--{selector}", help="CSS selector (html sources)")


def _add_extractor(sub: Subparsers) -> None:
    p = _add(sub, "extract", "extractor:cmd_extract",
             "extract recognition events: JSONL in, JSONL out")
    p.add_argument("file", nargs="?", help="JSONL input (default: stdin)")
    p = _add(sub, "eval", "extractor:cmd_eval", "score the extractor on labelled JSONL files")
    p.add_argument("files", nargs="+")
    p.add_argument("--fold", choices=("all", "tune", "holdout"), default="all",
                   help="score only the tuning or the held-out fold of each file (by url)")
    p.add_argument("--errors", action="store_true",
                   help="list the documents scored wrong (not for the held-out fold)")
    p.add_argument("--bands", action="store_true",
                   help="precision of the predicted events per confidence band")


def _add_ledger(sub: Subparsers) -> None:
    actions = _group(sub, "ledger", "the recognition ledger")
    i = _action(actions, "import", "ledger:cmd_ledger_import",
             "add recognition acts from a CSV (seed file format)")
    i.add_argument("file")
    actions = _group(sub, "labels", "administrators' review decisions as labelled data")
    e = _action(actions, "export", "extractor:cmd_labels_export",
             "write the decisions as eval JSONL (diplowatch eval reads it)")
    e.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    p = _add(sub, "export", "ledger:cmd_export",
             "write the recognition ledger as CSV or JSON to stdout")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    for name, what in (("timeline", "draw a PNG chart of an entity's recognitions over time"),
                       ("map", "draw a PNG world map: who recognizes an entity, withdrew, rejects")):
        p = _add(sub, name, f"ledger:cmd_{name}", what)
        p.add_argument("entity", nargs="+")
        p.add_argument("-o", "--output", required=True, metavar="FILE.png")


def _add_maintenance(sub: Subparsers) -> None:
    _add(sub, "reprocess", "archive:cmd_reprocess",
         "re-run the extractor over the archive (after an upgrade)")
    p = _add(sub, "backup", "operations:cmd_backup",
             "copy the database to FILE while it runs (checked, atomic)")
    p.add_argument("file", metavar="FILE")
    p = _add(sub, "status", "operations:cmd_status",
             "sources health, statements, queue, last errors, last poll")
    p.add_argument("--json", action="store_true", help="machine-readable output")
