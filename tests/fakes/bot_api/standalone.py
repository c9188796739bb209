"""``python -m tests.fakes.bot_api``: the fake Bot API as its own process, with the control
API; prints ``PORT <n>`` first so a parent process can find it."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal

from .protocol import TOKEN
from .server import FakeBotAPI


async def serve(args: argparse.Namespace) -> None:
    api = FakeBotAPI(
        token=args.token,
        port=args.port,
        rate_limit=args.rate,
        burst=args.burst,
        enforce_chat_limits=args.enforce_chat_limits,
        control_api=True,
    )
    await api.start()
    print(f"PORT {api.port}", flush=True)
    print(
        f"fake Bot API on {api.base_url} (DIPLOWATCH_TELEGRAM_API_URL), control under /_fake/",
        flush=True,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await api.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the fake Telegram Bot API server.")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token", default=os.environ.get("DIPLOWATCH_TELEGRAM_TOKEN", TOKEN))
    parser.add_argument("--rate", type=float, default=None, help="global messages/s (429 beyond)")
    parser.add_argument("--burst", type=float, default=None)
    parser.add_argument("--enforce-chat-limits", action="store_true")
    asyncio.run(serve(parser.parse_args()))
