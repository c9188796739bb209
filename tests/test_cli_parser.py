"""The parser names each command's function as "module:function" (cli/parser.py): every name
must resolve, or that command would fail only when someone runs it."""

from __future__ import annotations

import argparse

from diplowatch.cli import build_parser
from diplowatch.cli.main import command


def leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(command words, its parser) for every runnable command, 'sources add' included."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from leaves(sub, (*path, name))
    if path and parser.get_default("func"):
        yield path, parser


def test_every_command_names_a_function_that_exists():
    found = {" ".join(path): command(p.get_default("func")) for path, p in leaves(build_parser())}
    assert all(callable(f) for f in found.values())
    assert {"run", "extract", "sources add", "ledger import", "labels export", "status"} <= set(found)


def test_a_group_alone_prints_its_own_help():
    args = build_parser().parse_args(["ledger"])
    assert args.help_of.prog == "diplowatch ledger" and not getattr(args, "func", None)
