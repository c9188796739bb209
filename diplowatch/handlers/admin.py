"""Admin commands: numeric ids from DIPLOWATCH_ADMIN_IDS, private chats only (checked in core)."""

from __future__ import annotations

from .. import texts
from ..config import ConfigError, source_from_dict
from ..models import NoSuchSource, UserError
from ..store import chats, outbox
from ..store import sources as source_store
from ..store import statements as statement_store
from .core import Deps, Reply, Request, command


@command("addsource", "add a source", usage="/addsource <name> <rss|telegram|html> <url> [interval]",
         admin=True)
async def addsource(deps: Deps, request: Request) -> Reply:
    if len(request.args) not in (3, 4):
        raise UserError(texts.ADDSOURCE_USAGE)
    name, kind, url, *rest = request.args
    entry = {"name": name.lower(), "kind": kind.lower(), "url": url,
             "interval": rest[0] if rest else "5m"}
    try:
        source = source_from_dict(entry, where="/addsource")
    except ConfigError as exc:
        raise UserError(str(exc)) from None
    source_store.add_source(deps.db, source, now=deps.clock(), origin="admin")
    return Reply(texts.source_added(source))


@command("removesource", "remove a source added by an admin", usage="/removesource <name>",
         admin=True)
async def removesource(deps: Deps, request: Request) -> Reply:
    if len(request.args) != 1:
        raise UserError(texts.REMOVESOURCE_USAGE)
    try:
        source_store.remove_source(deps.db, request.args[0].lower())
    except NoSuchSource as exc:
        raise UserError(f"{exc} See the list with /sources.") from None
    return Reply(texts.SOURCE_REMOVED)


@command("pausesource", "pause or resume a source", usage="/pausesource <name> [off]", admin=True)
async def pausesource(deps: Deps, request: Request) -> Reply:
    if len(request.args) not in (1, 2) or request.args[1:] not in ([], ["off"]):
        raise UserError(texts.PAUSESOURCE_USAGE)
    paused = request.args[1:] != ["off"]
    try:
        source_store.set_paused(deps.db, request.args[0].lower(), paused)
    except NoSuchSource as exc:
        raise UserError(f"{exc} See the list with /sources.") from None
    return Reply(texts.SOURCE_PAUSED if paused else texts.SOURCE_RESUMED)


@command("stats", "subscribers, queue and delivery figures", admin=True)
async def stats(deps: Deps, request: Request) -> Reply:
    return Reply(texts.stats(chats.chat_counts(deps.db), outbox.outbox_counts(deps.db),
                             statement_store.count_statements(deps.db)))
