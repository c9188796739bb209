"""/search and /statements: the archive of statements."""

from __future__ import annotations

import functools

from .. import texts
from ..models import UserError
from ..store import sources as source_store
from ..store import statements as statement_store
from ..texts.i18n import N_
from .core import Deps, Reply, Request, callback, command, parse_number, read

PAGE = 5


@command("search", N_("full-text search of the archive, newest first"), usage=N_("/search <words>"),
         details=functools.partial(texts.search_help, terms=statement_store.MAX_TERMS,
                                   prefixes=statement_store.MAX_PREFIXES,
                                   min_prefix=statement_store.MIN_PREFIX,
                                   budget=statement_store.SEARCH_BUDGET))
async def search(deps: Deps, request: Request) -> Reply:
    if not request.arg_text:
        raise UserError(texts.SEARCH_USAGE)
    return await _page(deps, request.arg_text, 0)


@callback("s")
async def search_page(deps: Deps, request: Request) -> Reply:
    parts = (request.callback or "").split(":", 2)
    page = parse_number(parts[1], digits=6) if len(parts) == 3 else None
    if page is None or not parts[2]:
        raise UserError(texts.STALE_BUTTON)
    reply = await _page(deps, parts[2], page)
    reply.edit = True
    return reply


async def _page(deps: Deps, words: str, page: int) -> Reply:
    hits = await read(deps, statement_store.search, words, limit=PAGE + 1, offset=page * PAGE)
    buttons = []
    if page:
        buttons.append((texts.PREV, texts.callback_data("s", str(page - 1), words)))
    if len(hits) > PAGE:
        buttons.append((texts.NEXT, texts.callback_data("s", str(page + 1), words)))
    return Reply(texts.search_results_html(words, hits[:PAGE], page=page),
                 buttons=[buttons] if buttons else [])


@command("statements", N_("latest statements, of all or one source"), usage=N_("/statements [source]"))
async def statements(deps: Deps, request: Request) -> Reply:
    name = request.arg_text.lower() or None
    if name and source_store.get_source(deps.db, name) is None:
        names = [s.name for s, _ in source_store.list_sources(deps.db)]
        raise UserError(texts.unknown_source(name, names))
    latest = statement_store.latest_statements(deps.db, source=name, limit=10)
    return Reply(texts.statements_html(latest, source=name))
