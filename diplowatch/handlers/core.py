"""What every front end shares: the request/reply shapes, the command table and dispatch.

A command is a plain async function `(deps, request) -> Reply`. The Telegram adapter
(handlers/telegram.py) and the console chat (handlers/console.py) both call `dispatch`, so
the same table, texts and checks serve both.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from .. import texts
from ..charts.cache import ChartCache
from ..config import Settings
from ..models import UserError
from ..store import Database, storage_fault

log = logging.getLogger(__name__)

MAX_ARG_CHARS = 512
COMMAND_INTERVAL = 1.0  # seconds between commands of one user


@dataclass
class Deps:
    """What handlers may touch. `poll` is the monitor's entry point (None in read-only use)."""

    db: Database
    settings: Settings
    clock: Callable[[], datetime]
    poll: Callable[[str], Awaitable[object]] | None = None
    started_at: datetime | None = None
    charts: ChartCache = field(default_factory=ChartCache)  # rendered charts, until the ledger changes


@dataclass
class Request:
    chat_id: int
    user_id: int
    command: str
    args: list[str] = field(default_factory=list)
    chat_type: str = "private"
    chat_title: str = ""
    callback: str | None = None  # data of a pressed inline button
    operator: bool = False  # the local console user; never set from Telegram

    @property
    def arg_text(self) -> str:
        return " ".join(self.args).strip()


@dataclass
class Reply:
    text: str  # Telegram HTML, source strings escaped
    buttons: list[list[tuple[str, str]]] = field(default_factory=list)  # rows of (label, data)
    photo: bytes | None = None
    document: tuple[str, bytes] | None = None  # (file name, content)
    edit: bool = False  # replace the message whose button was pressed


Handler = Callable[[Deps, Request], Awaitable[Reply]]


@dataclass(frozen=True)
class Command:
    name: str
    handler: Handler
    summary: str
    usage: str = ""
    admin: bool = False


COMMANDS: dict[str, Command] = {}
CALLBACKS: dict[str, Handler] = {}  # prefix of callback data → handler


def command(name: str, summary: str, *, usage: str = "", admin: bool = False):
    def register(func: Handler) -> Handler:
        COMMANDS[name] = Command(name, func, summary, usage or f"/{name}", admin)
        return func

    return register


def callback(prefix: str):
    def register(func: Handler) -> Handler:
        CALLBACKS[prefix] = func
        return func

    return register


class Throttle:
    """At most one command per user per second; excess commands get one short answer."""

    def __init__(self, interval: float = COMMAND_INTERVAL) -> None:
        self.interval, self.last = interval, {}
        self.warned: set[int] = set()  # users told to slow down since their last command

    def allow(self, user_id: int) -> bool:
        now = time.monotonic()
        if now - self.last.get(user_id, -1e9) < self.interval:
            return False
        self.last[user_id] = now
        self.warned.discard(user_id)
        if len(self.last) > 100_000:
            self.last = {u: t for u, t in self.last.items() if now - t < self.interval}
            self.warned &= self.last.keys()
        return True

    def first_refusal(self, user_id: int) -> bool:
        """True once per burst of refused commands: answer that one, ignore the rest
        (answering each would let one user spend the bot's sending budget)."""
        if user_id in self.warned:
            return False
        self.warned.add(user_id)
        return True


def parse_number(text: str, *, digits: int = 9) -> int | None:
    """A non-negative number a user typed: ASCII digits only (int() also takes '²' or '١' and
    then fails), short enough for SQLite; else None."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= digits else None


def is_admin(deps: Deps, request: Request) -> bool:
    """Fail-closed: a listed numeric user id, in a private chat (or the local console)."""
    if request.operator:
        return True
    return request.chat_type == "private" and request.user_id in deps.settings.admin_ids


async def dispatch(deps: Deps, request: Request) -> Reply:
    """Run one command or button press; every failure becomes a clear reply, never a traceback."""
    try:
        return await _route(deps, request)
    except UserError as exc:
        return Reply(texts.escape(str(exc)))
    except Exception as exc:
        if fault := storage_fault(exc):  # the machine's fault, not a bug: no traceback
            log.error("command failed command=%s chat=%s: database %s: %s",
                      request.command, request.chat_id, fault, exc)
            return Reply(texts.STORAGE_FULL if fault == "full" else texts.STORAGE_READONLY)
        log.exception("command failed command=%s chat=%s", request.command, request.chat_id)
        return Reply(texts.INTERNAL_ERROR)


async def _route(deps: Deps, request: Request) -> Reply:
    if any(len(a) > MAX_ARG_CHARS for a in request.args) or len(request.arg_text) > MAX_ARG_CHARS:
        raise UserError(texts.TOO_LONG.format(limit=MAX_ARG_CHARS))
    if request.callback is not None:
        prefix = request.callback.split(":", 1)[0]
        if prefix not in CALLBACKS:
            raise UserError(texts.STALE_BUTTON)
        return await CALLBACKS[prefix](deps, request)
    cmd = COMMANDS.get(request.command)
    if cmd is None:
        raise UserError(texts.UNKNOWN_COMMAND.format(command=request.command[:32]))
    if cmd.admin and not is_admin(deps, request):
        log.warning("admin command refused command=%s user=%s", cmd.name, request.user_id)
        raise UserError(texts.ADMIN_ONLY)
    return await cmd.handler(deps, request)
