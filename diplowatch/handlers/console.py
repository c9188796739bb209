"""The console chat: commands on stdin, replies and alerts on stdout, same command table.

Used by `diplowatch run` without a token. The console is chat 0 and its user is the local
operator, who is an admin (they own the database file anyway).
"""

from __future__ import annotations

import asyncio
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from .. import render
from .core import Deps, Reply, Request, dispatch

CONSOLE_CHAT_ID = 0
CONSOLE_USER_ID = 0


def parse_line(line: str) -> Request | None:
    """'/subscribe state north korea' → Request; blank lines and comments → None."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    if line.startswith("!"):  # press a button: !<callback data>
        return Request(CONSOLE_CHAT_ID, CONSOLE_USER_ID, "", callback=line[1:], operator=True)
    try:
        words = shlex.split(line)
    except ValueError:
        words = line.split()
    name = words[0].lstrip("/").split("@")[0].lower()
    return Request(CONSOLE_CHAT_ID, CONSOLE_USER_ID, name, words[1:], operator=True)


def format_reply(reply: Reply, *, save_dir: Path) -> str:
    lines = [render.to_plain(reply.text)]
    if reply.buttons:
        lines.append("buttons: " + "  ".join(f"[{label} → !{data}]"
                                              for row in reply.buttons for label, data in row))
    files = [reply.document] if reply.document else []
    if reply.photo is not None:
        files.append((f"timeline-{id(reply)}.png", reply.photo))
    for name, content in files:
        path = save_dir / name
        path.write_bytes(content)
        lines.append(f"(saved {path})")
    return "\n".join(lines)


async def run_console(deps: Deps, *, stdin: TextIO = sys.stdin, out: Callable[[str], None] = print,
                      save_dir: Path = Path(".")) -> None:
    """Read commands until end of input."""
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, stdin.readline)
        if not line:
            return
        request = parse_line(line)
        if request is not None:
            out(format_reply(await dispatch(deps, request), save_dir=save_dir))
