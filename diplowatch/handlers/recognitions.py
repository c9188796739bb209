"""/recognized, /recognizes, /latest, /timeline, /export: questions to the ledger."""

from __future__ import annotations

import io

from .. import charts, export, ledger, texts
from ..models import UserError
from ..resolve import resolve_entity, resolve_state
from .core import Deps, Reply, Request, command, parse_number

LATEST_MAX = 50


@command("recognized", "who recognizes an entity now, since when", usage="/recognized <entity>")
async def recognized(deps: Deps, request: Request) -> Reply:
    if not request.arg_text:
        raise UserError(texts.RECOGNIZED_USAGE)
    entity = resolve_entity(request.arg_text)
    return Reply(texts.entity_status(entity, ledger.status_of(deps.db, entity)))


@command("recognizes", "what a state recognizes", usage="/recognizes <state>")
async def recognizes(deps: Deps, request: Request) -> Reply:
    if not request.arg_text:
        raise UserError(texts.RECOGNIZES_USAGE)
    state = resolve_state(request.arg_text)
    return Reply(texts.state_recognitions(state, ledger.recognized_by(deps.db, state)))


@command("latest", "latest recognition events", usage="/latest [n]")
async def latest(deps: Deps, request: Request) -> Reply:
    arg = request.arg_text or "10"
    n = parse_number(arg)
    if n is None or not 1 <= n <= LATEST_MAX:
        raise UserError(texts.LATEST_USAGE.format(max=LATEST_MAX))
    return Reply(texts.latest_events(ledger.latest_events(deps.db, n)))


@command("timeline", "a chart of recognitions and withdrawals over time", usage="/timeline <entity>")
async def timeline(deps: Deps, request: Request) -> Reply:
    if not request.arg_text:
        raise UserError(texts.TIMELINE_USAGE)
    entity = resolve_entity(request.arg_text)
    png = charts.timeline_png(deps.db, entity, now=deps.clock())
    return Reply(texts.timeline_caption(entity), photo=png)


@command("export", "the recognition ledger as a CSV file")
async def export_csv(deps: Deps, request: Request) -> Reply:
    out = io.StringIO()
    export.export_csv(deps.db, out)
    return Reply(texts.EXPORT_CAPTION, document=("diplowatch-ledger.csv", out.getvalue().encode()))
