"""`diplowatch run`, `demo` and `poll --once`: the commands that start the monitor."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .. import ops, texts
from ..config import Settings
from ..models import UserError
from ..store import sources as source_store

if TYPE_CHECKING:
    from ..scheduler import PollOutcome


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    from ..bot import TokenInUse

    with contextlib.ExitStack() as held:
        try:  # one monitor per database: two would poll and send everything twice
            held.enter_context(ops.instance_lock(settings.db_path))
        except ops.AlreadyRunning as exc:
            print(f"diplowatch: {exc}", file=sys.stderr)
            return 2
        try:
            asyncio.run(run(settings, headless=args.headless, save_dir=args.files))
        except TokenInUse:  # logged where it was found; 2 keeps systemd from restarting
            return 2
    return 0


async def run(settings: Settings, *, headless: bool = False, save_dir: Path | None = None) -> None:
    """`diplowatch run`: monitor + Telegram bot, or monitor + console chat without a token
    (`--headless`: the monitor alone; alerts stay queued for when a token is set)."""
    if settings.token:
        from ..bot import run_telegram

        await run_telegram(settings)
        return
    from ..runtime import run_console_chat, run_monitor

    if headless:
        await run_monitor(settings)
    else:
        await run_console_chat(settings, save_dir=save_dir)


def cmd_demo(settings: Settings, args: argparse.Namespace) -> int:
    from ..demo import run_demo

    return asyncio.run(run_demo(settings))


def cmd_poll(settings: Settings, args: argparse.Namespace) -> int:
    try:  # a poll beside a running monitor would fetch and alert twice
        with ops.instance_lock(settings.db_path):
            outcomes = asyncio.run(_poll_once(settings, args.source))
    except ops.AlreadyRunning as exc:
        print(f"diplowatch: {exc}", file=sys.stderr)
        return 2
    for outcome in outcomes:
        print(texts.poll_outcome_line(outcome))
    return 1 if any(o.status == "error" for o in outcomes) else 0


async def _poll_once(settings: Settings, names: list[str] | None) -> list[PollOutcome]:
    from ..runtime import open_runtime

    async with open_runtime(settings) as rt:
        for name in names or []:
            if source_store.get_source(rt.db, name) is None:
                raise UserError(f"No source named {name!r}. See: diplowatch sources list")
        return await rt.monitor.poll_all(names)
