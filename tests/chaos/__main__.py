"""``python -m tests.chaos --kills 20``: the crash test; exit 0 = nothing lost, 1 = a problem."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from .config import MODES, ChaosConfig
from .harness import run_chaos


def _target(value: str) -> float | None:
    return None if value.lower() in ("off", "none") else float(value)


def _parser(defaults: ChaosConfig) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tests.chaos",
        description="kill -9 `diplowatch run` at random moments and check nothing is lost.")
    parser.add_argument("--kills", type=int, default=defaults.kills)
    parser.add_argument("--chats", type=int, default=defaults.chats, help="subscribed chats")
    parser.add_argument("--rss", type=int, default=defaults.rss_sources, help="RSS sources")
    parser.add_argument("--telegram", type=int, default=defaults.telegram_sources,
                        help="Telegram channel sources")
    parser.add_argument("--rate", type=float, default=defaults.send_rate,
                        help="DIPLOWATCH_SEND_RATE and the fake Bot API's global limit")
    parser.add_argument("--publish-every", type=float, default=defaults.publish_every,
                        help="mean seconds between two new statements")
    parser.add_argument("--recognitions", type=float, default=defaults.recognition_share,
                        help="share of new statements that are new recognitions")
    parser.add_argument("--modes", default="", help=f"comma-separated kill moments, cycled "
                        f"(default: shuffled rounds of {','.join(MODES)})")
    parser.add_argument("--max-repeated-messages-per-kill", type=_target,
                        default=defaults.max_repeated_messages_per_kill,
                        help="target for messages repeated after a kill, on average ('off': "
                        "report only); a kill may never repeat more messages than the sender "
                        "has in flight")
    parser.add_argument("--max-duplicates-per-kill", type=_target,
                        default=defaults.max_duplicates_per_kill,
                        help="target for duplicate (chat, alert) deliveries per kill, on "
                        "average; a repeated message repeats every alert merged into it "
                        "(default: report only)")
    parser.add_argument("--retraction", action="store_true",
                        help="retraction mode instead: kill -9 while the corrections of a "
                        "retracted alert go out (tests/chaos/retraction.py)")
    parser.add_argument("--runs", type=int, default=10, help="retraction mode: runs")
    parser.add_argument("--kills-per-run", type=int, default=3, help="retraction mode: kills per run")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where the database, log and report.json go (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir after a pass")
    parser.add_argument("--quiet", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser(ChaosConfig())
    args = parser.parse_args(argv)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()] or None
    if modes and (bad := [m for m in modes if m not in MODES]):
        parser.error(f"unknown mode(s) {bad}; choose from {', '.join(MODES)}")
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    if args.retraction:
        return _retraction(args)
    config = ChaosConfig(
        kills=args.kills, chats=args.chats, rss_sources=args.rss,
        telegram_sources=args.telegram, send_rate=args.rate, publish_every=args.publish_every,
        recognition_share=args.recognitions, seed=args.seed, workdir=args.workdir,
        keep=args.keep, modes=modes, max_duplicates_per_kill=args.max_duplicates_per_kill,
        max_repeated_messages_per_kill=args.max_repeated_messages_per_kill,
        quiet=args.quiet,
    )
    report = asyncio.run(run_chaos(config))
    print()
    print(report.summary())
    return 0 if report.ok else 1


def _retraction(args: argparse.Namespace) -> int:
    from .retraction import RetractionConfig, run_retraction_chaos

    config = RetractionConfig(runs=args.runs, chats=args.chats if args.chats != ChaosConfig().chats else 1000,
                              kills_per_run=args.kills_per_run, send_rate=args.rate, seed=args.seed,
                              workdir=args.workdir, quiet=args.quiet)
    results = asyncio.run(run_retraction_chaos(config))
    failed = [r for r in results if r.problems]
    kills = sum(len(r.kills) for r in results)
    repeats = sum(sum(r.repeats_by_kill.values()) for r in results)
    print(f"\nretraction mode: {len(results)} runs, {kills} kills, {config.chats} chats each; "
          f"repeated corrections {repeats}; {'PASS' if not failed else f'FAIL ({len(failed)} runs)'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
