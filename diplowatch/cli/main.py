"""`diplowatch`'s entry point: parse, read settings, run one command; errors become one line.

Only the chosen command's module is imported (see parser.py), so a command pays for what it
uses and no more.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Callable

from ..config import ConfigError, Settings, load_settings
from ..logs import setup_logging
from ..models import UserError
from .parser import build_parser
from .terminal import TerminalSafe

Command = Callable[[Settings, argparse.Namespace], "int | None"]


def main(argv: list[str] | None = None) -> int:
    # PTB 22: timedelta retry_after/timeouts now, instead of a deprecation warning per 429.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    parser = build_parser()
    args = parser.parse_args(argv)
    sys.stdout, sys.stderr = TerminalSafe.wrap(sys.stdout), TerminalSafe.wrap(sys.stderr)
    if not getattr(args, "func", None):
        getattr(args, "help_of", parser).print_help()  # 'diplowatch ledger': the ledger's help
        return 2
    settings: Settings | None = None
    try:
        settings = load_settings()
        TerminalSafe.secrets = (settings.token or "",)
        setup_logging(settings)
        return command(args.func)(settings, args) or 0
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
    except Exception as exc:  # a database fault (told apart without importing the store here) or a bug
        return _database_failed(exc, settings)


def command(name: str) -> Command:
    """The function a subcommand names ("module:function" in this package), imported now."""
    module, _, func = name.partition(":")
    found: Command = getattr(importlib.import_module(f"{__package__}.{module}"), func)
    return found


def _database_failed(exc: Exception, settings: Settings | None) -> int:
    """Disk full, read-only file, …: the fault named in one line; anything else is a bug."""
    if "diplowatch.store" not in sys.modules:  # no command opened the database
        return _internal_error(exc)
    from .. import texts
    from ..store import StoreError, storage_fault

    if not isinstance(exc, StoreError) or settings is None \
            or (fault := storage_fault(exc, settings.db_path)) is None:
        return _internal_error(exc)
    print(f"diplowatch: {texts.database_error(str(settings.db_path), fault, exc)}",
          file=sys.stderr)
    return 2


def _internal_error(exc: Exception) -> int:
    """A bug: one line for the user, the traceback in the debug log."""
    logging.getLogger(__name__).debug("internal error", exc_info=True)
    print(f"diplowatch: internal error: {type(exc).__name__}: {exc}. "
          "Run with DIPLOWATCH_LOG_LEVEL=DEBUG for details.", file=sys.stderr)
    return 70
