"""What every front end shares: the request/reply shapes, the command table and dispatch.

A command is a plain async function `(deps, request) -> Reply`. The Telegram adapter
(handlers/telegram.py) and the console chat (handlers/console.py) both call `dispatch`, so
the same table, texts and checks serve both.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from .. import texts
from ..charts.cache import ChartCache
from ..config import Settings
from ..models import UserError
from ..sources.fetch import Fetcher
from ..store import Database, StoreError, chats, storage_fault
from ..store.readers import Readers
from ..texts import i18n

T = TypeVar("T")

log = logging.getLogger(__name__)

MAX_ARG_CHARS = 512
COMMAND_INTERVAL = 1.0  # seconds between commands of one user
MAX_IN_FLIGHT = 8  # commands being answered at once, all users together


@dataclass
class Deps:
    """What handlers may touch."""

    db: Database
    settings: Settings
    clock: Callable[[], datetime]
    fetcher: Fetcher | None = None  # the monitor's, for /testsource
    started_at: datetime | None = None
    readers: Readers | None = None  # read connections in worker threads (store/readers.py)
    # commands being answered now; past the cap a command is answered "busy" at once
    in_flight: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(MAX_IN_FLIGHT))
    charts: ChartCache = field(default_factory=ChartCache)  # rendered charts, until the ledger changes


async def read(deps: Deps, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``fn(db, *args, **kwargs)`` off the event loop on a read connection; on ``deps.db``
    when there are no readers (tests, one-shot CLI use)."""
    if deps.readers is None:
        return fn(deps.db, *args, **kwargs)
    return await deps.readers.run(fn, *args, **kwargs)


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
    # in groups: asks the front end whether the user administers the chat (None: cannot ask)
    chat_admin: Callable[[], Awaitable[bool]] | None = None
    language_code: str | None = None  # the user's, from Telegram: the default answer language
    thread_id: int = 0  # the forum topic it was sent in (message_thread_id); 0: none
    # in private chats: (channel id, title) of "@name" once the front end checked that the
    # user administers it and the bot may post there; raises UserError (None: cannot ask)
    channel_admin: Callable[[str], Awaitable[tuple[int, str]]] | None = None

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
    notice: str | None = None  # a pressed button's answer (answerCallbackQuery text)


Handler = Callable[[Deps, Request], Awaitable[Reply]]


@dataclass(frozen=True)
class Command:
    name: str
    handler: Handler
    summary: str
    usage: str = ""
    admin: bool = False
    details: str | Callable[[], str] = ""  # shown by /help <name> (a function: made then)


COMMANDS: dict[str, Command] = {}
CALLBACKS: dict[str, Handler] = {}  # prefix of callback data → handler


def command(name: str, summary: str, *, usage: str = "", admin: bool = False,
            details: str | Callable[[], str] = ""):
    def register(func: Handler) -> Handler:
        COMMANDS[name] = Command(name, func, summary, usage or f"/{name}", admin, details)
        return func

    return register


# The order of /help and of the command menu: how people meet the bot (start, help, follow
# something), then the questions it answers, then the archive and the bot itself, admin last.
# Commands not named here follow in the order they were registered.
ORDER = ("start", "help", "subscribe", "subscriptions", "unsubscribe", "recognized",
         "recognizes", "history", "latest", "timeline", "map", "search", "statements", "export",
         "sources", "status", "language")


def ordered_commands() -> list[Command]:
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(COMMANDS.values(), key=lambda c: (c.admin, rank.get(c.name, len(ORDER))))


def callback(prefix: str):
    def register(func: Handler) -> Handler:
        CALLBACKS[prefix] = func
        return func

    return register


class Throttle:
    """At most one command per user per second; excess commands get one short answer."""

    def __init__(self, interval: float = COMMAND_INTERVAL) -> None:
        self.interval = interval
        self.last: dict[int, float] = {}
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


GROUP_TYPES = ("group", "supergroup")


async def require_chat_admin(deps: Deps, request: Request) -> None:
    """In a group (with DIPLOWATCH_GROUP_ADMINS_ONLY on): UserError unless the user
    administers it. Fail-closed: a front end that cannot tell counts as "no"."""
    if not deps.settings.group_admins_only or request.chat_type not in GROUP_TYPES:
        return
    if request.operator or (request.chat_admin is not None and await request.chat_admin()):
        return
    log.info("group change refused command=%s chat=%s user=%s", request.command or "button",
             request.chat_id, request.user_id)
    raise UserError(texts.GROUP_ADMINS_ONLY)


async def dispatch(deps: Deps, request: Request) -> Reply:
    """Run one command or button press; every failure becomes a clear reply, never a traceback.
    Past MAX_IN_FLIGHT commands in progress the answer is texts.BUSY, without running it."""
    if deps.in_flight.locked():
        log.warning("busy: command refused command=%s chat=%s", request.command, request.chat_id)
        return Reply(i18n.gettext(texts.BUSY, i18n.pick(None, request.language_code)))
    async with deps.in_flight:
        return await _answer(deps, request)


async def _answer(deps: Deps, request: Request) -> Reply:
    with i18n.speaking(_language(deps, request)):
        reply = await _answer_in_language(deps, request)
        reply.text = i18n.gettext(reply.text)  # a reply that is one message of the catalogue
        return reply


def _language(deps: Deps, request: Request) -> str:
    try:
        chosen = chats.chat_language(deps.db, request.chat_id)
    except StoreError:  # the command itself then meets the fault and says so
        chosen = None
    return i18n.pick(chosen, request.language_code)


async def _answer_in_language(deps: Deps, request: Request) -> Reply:
    try:
        return await _route(deps, request)
    except UserError as exc:
        return Reply(texts.escape(i18n.error_text(exc)))
    except Exception as exc:
        if fault := storage_fault(exc):  # the machine's fault, not a bug: no traceback
            log.error("command failed command=%s chat=%s: database %s: %s",
                      request.command, request.chat_id, fault, exc)
            return Reply(texts.STORAGE_FULL if fault == "full" else texts.STORAGE_READONLY)
        log.exception("command failed command=%s chat=%s", request.command, request.chat_id)
        return Reply(texts.INTERNAL_ERROR)


async def _route(deps: Deps, request: Request) -> Reply:
    if any(len(a) > MAX_ARG_CHARS for a in request.args) or len(request.arg_text) > MAX_ARG_CHARS:
        raise UserError(texts.TOO_LONG, limit=MAX_ARG_CHARS)
    if request.callback is not None:
        prefix = request.callback.split(":", 1)[0]
        if prefix not in CALLBACKS:
            raise UserError(texts.STALE_BUTTON)
        return await CALLBACKS[prefix](deps, request)
    cmd = COMMANDS.get(request.command)
    if cmd is None:
        raise UserError(texts.UNKNOWN_COMMAND, command=request.command[:32])
    if cmd.admin and not is_admin(deps, request):
        log.warning("admin command refused command=%s user=%s", cmd.name, request.user_id)
        raise UserError(texts.ADMIN_ONLY)
    return await cmd.handler(deps, request)
