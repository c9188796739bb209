"""The console chat: commands on stdin, replies and alerts on stdout, same command table.

Used by `diplowatch run` without a token. The console is chat 0 and its user is the local
operator, who is an admin (they own the database file anyway).
"""

from __future__ import annotations

import asyncio
import re
import shlex
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from .. import telegram_html
from .core import COMMANDS, Deps, Reply, Request, dispatch

CONSOLE_CHAT_ID = 0
CONSOLE_USER_ID = 0
PROMPT = "diplowatch> "
NOT_A_COMMAND = "Commands start with a slash: try /help, or /recognized kosovo."


def parse_line(line: str) -> Request | None:
    """'/subscribe state north korea' → Request; blank lines and comments → None. A line
    without the slash is a command only when its first word is one ('help'); other text gets
    the hint (command name '')."""
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
    if not line.startswith("/") and name not in COMMANDS:
        return Request(CONSOLE_CHAT_ID, CONSOLE_USER_ID, "", words, operator=True)
    return Request(CONSOLE_CHAT_ID, CONSOLE_USER_ID, name, words[1:], operator=True)


def format_reply(reply: Reply, *, save_dir: Callable[[], Path], request: Request | None = None) -> str:
    lines = [telegram_html.to_plain(reply.text)] if reply.text else []
    if reply.notice and not (lines and lines[0].startswith(reply.notice)):  # a button's answer
        lines.insert(0, reply.notice)
    if reply.buttons:
        lines.append("buttons: " + "  ".join(f"[{label} → !{data}]"
                                              for row in reply.buttons for label, data in row))
    files = [reply.document] if reply.document else []
    if reply.photo is not None:
        files.append((_photo_name(request), reply.photo))
    for name, content in files:
        path = save_dir() / name
        path.write_bytes(content)
        lines.append(f"(saved {path})")
    return "\n".join(lines)


def _photo_name(request: Request | None) -> str:
    """'/timeline south ossetia' → 'timeline-south-ossetia.png': named for what it holds."""
    words = [request.command, *request.args] if request and request.command else ["chart"]
    slug = re.sub(r"[^a-z0-9]+", "-", " ".join(words).lower()).strip("-")[:60].strip("-")
    return f"{slug or 'chart'}.png"


class SaveFolder:
    """The folder files are saved in: the one given, or a temporary one made on first use."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def __call__(self) -> Path:
        if self.path is None:
            self.path = Path(tempfile.mkdtemp(prefix="diplowatch-files-"))
        self.path.mkdir(parents=True, exist_ok=True)
        return self.path


def _read_lines(stdin: TextIO) -> asyncio.Queue[str]:
    """Lines of ``stdin`` from a daemon thread ('' at the end). Not the loop's default
    executor: at Ctrl-C asyncio.run waits for its threads, and one blocked in readline kept
    the process alive until the next Enter."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str] = asyncio.Queue()

    def put(line: str) -> bool:
        try:
            loop.call_soon_threadsafe(queue.put_nowait, line)
        except RuntimeError:  # the loop is closed: the chat has ended
            return False
        return True

    def read() -> None:
        for line in iter(stdin.readline, ""):
            if not put(line):
                return
        put("")

    threading.Thread(target=read, name="console-stdin", daemon=True).start()
    return queue


async def run_console(deps: Deps, *, stdin: TextIO = sys.stdin, out: Callable[[str], None] = print,
                      save_dir: Path | None = None) -> None:
    """Read commands until end of input; a prompt when a person types them."""
    lines = _read_lines(stdin)
    folder = SaveFolder(save_dir)
    interactive = stdin.isatty()
    while True:
        if interactive:
            print(PROMPT, end="", flush=True)
        line = await lines.get()
        if not line:
            return
        request = parse_line(line)
        if request is None:
            continue
        if not request.command and request.callback is None:
            out(NOT_A_COMMAND)
            continue
        out(format_reply(await dispatch(deps, request), save_dir=folder, request=request))
