"""/start, /help, /status, /sources."""

from __future__ import annotations

from .. import texts
from ..models import UserError
from ..store import chats, outbox
from ..store import sources as source_store
from ..store import statements as statement_store
from ..texts.i18n import N_
from .core import COMMANDS, Deps, Reply, Request, command, is_admin, ordered_commands


@command("start", N_("what this bot does, with examples"))
async def start(deps: Deps, request: Request) -> Reply:
    chats.upsert_chat(deps.db, request.chat_id, type=request.chat_type,
                      title=request.chat_title, now=deps.clock())
    chats.set_chat_active(deps.db, request.chat_id, True, reason=None)
    return Reply(texts.START)


@command("help", N_("all commands, or one in detail"), usage=N_("/help [command]"))
async def help_(deps: Deps, request: Request) -> Reply:
    if name := request.arg_text.lstrip("/").lower():
        cmd = COMMANDS.get(name)
        if cmd is None or (cmd.admin and not is_admin(deps, request)):
            raise UserError(texts.HELP_UNKNOWN, name=name[:32])
        return Reply(texts.command_help(cmd))
    return Reply(texts.help_text(ordered_commands(), admin=is_admin(deps, request)))


@command("status", N_("counts, last poll, queue length"))
async def status(deps: Deps, request: Request) -> Reply:
    rows = source_store.list_sources(deps.db)
    return Reply(texts.status(
        statements=statement_store.count_statements(deps.db), sources=rows,
        queue=outbox.queue_length(deps.db), now=deps.clock(), started_at=deps.started_at,
    ))


@command("sources", N_("monitored sources and their health"))
async def sources(deps: Deps, request: Request) -> Reply:
    return Reply(texts.sources_html(source_store.list_sources(deps.db), now=deps.clock()))
