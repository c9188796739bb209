"""Admin commands: numeric ids from DIPLOWATCH_ADMIN_IDS, private chats only (checked in core)."""

from __future__ import annotations

import shlex

from .. import texts
from ..config import ConfigError, source_from_dict
from ..models import SOURCE_KINDS, NoSuchSource, UserError
from ..sources.check import check_source, source_to_test
from ..store import chats, outbox
from ..store import sources as source_store
from ..store import statements as statement_store
from ..texts.i18n import N_
from .core import Deps, Reply, Request, command


@command("addsource", N_("add a source"), usage=N_("/addsource <name> <rss|telegram|html> <url> [interval]"),
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


@command("removesource", N_("remove a source added by an admin"), usage=N_("/removesource <name>"),
         admin=True)
async def removesource(deps: Deps, request: Request) -> Reply:
    if len(request.args) != 1:
        raise UserError(texts.REMOVESOURCE_USAGE)
    try:
        source_store.remove_source(deps.db, request.args[0].lower())
    except NoSuchSource:
        raise UserError(texts.NO_SUCH_SOURCE, name=request.args[0].lower()) from None
    return Reply(texts.SOURCE_REMOVED)


@command("pausesource", N_("pause or resume a source"), usage=N_("/pausesource <name> [off]"), admin=True)
async def pausesource(deps: Deps, request: Request) -> Reply:
    if len(request.args) not in (1, 2) or request.args[1:] not in ([], ["off"]):
        raise UserError(texts.PAUSESOURCE_USAGE)
    paused = request.args[1:] != ["off"]
    try:
        source_store.set_paused(deps.db, request.args[0].lower(), paused)
    except NoSuchSource:
        raise UserError(texts.NO_SUCH_SOURCE, name=request.args[0].lower()) from None
    return Reply(texts.SOURCE_PAUSED if paused else texts.SOURCE_RESUMED)


@command("stats", N_("subscribers, queue and delivery figures"), admin=True)
async def stats(deps: Deps, request: Request) -> Reply:
    return Reply(texts.stats(chats.chat_counts(deps.db), outbox.outbox_counts(deps.db),
                             statement_store.count_statements(deps.db)))


@command("testsource", N_("fetch a source once and show what it gives (stores nothing)"),
         usage="/testsource <name | url> [rss|telegram|html] [item=… link=… title=… date=…]",
         admin=True)
async def testsource(deps: Deps, request: Request) -> Reply:
    try:
        words = shlex.split(" ".join(request.args))
    except ValueError:
        raise UserError(texts.TESTSOURCE_USAGE) from None
    if not words or deps.fetcher is None:
        raise UserError(texts.TESTSOURCE_USAGE)
    target, *rest = words
    kind = rest.pop(0).lower() if rest and rest[0].lower() in SOURCE_KINDS else None
    if not all("=" in word for word in rest):
        raise UserError(texts.TESTSOURCE_USAGE)
    settings: dict[str, object] = {k: v for k, v in (w.split("=", 1) for w in rest)}
    known = source_store.get_source(deps.db, target.lower()) if "://" not in target else None
    source = source_to_test(target, known=known[0] if known else None, kind=kind,
                            settings=settings)
    check = await check_source(deps.fetcher, source, now=deps.clock())
    return Reply(texts.source_check(check, markup=True))
