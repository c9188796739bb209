"""/recognized (and its buttons), /recognizes, /history, /latest, /timeline, /map, /export: the ledger."""

from __future__ import annotations

import io

from .. import ledger, names, texts
from ..models import UserError
from ..names.resolve import resolve_actor, resolve_entity
from ..store import Database
from ..texts import recognitions as answers
from ..texts.i18n import N_
from .core import Deps, Reply, Request, callback, command, parse_number, read

LATEST_MAX = 50


@command("recognized", N_("who recognizes an entity now: summary, then lists, CSV, chart"),
         usage=N_("/recognized <entity>"))
async def recognized(deps: Deps, request: Request) -> Reply:
    if not request.arg_text:
        raise UserError(texts.RECOGNIZED_USAGE)
    return _summary(deps, resolve_entity(request.arg_text))


def _summary(deps: Deps, entity: str, *, edit: bool = False) -> Reply:
    summary = ledger.summary_of(deps.db, entity)
    buttons = [] if summary.empty else answers.summary_keyboard(entity, summary)
    return Reply(answers.recognized_summary(entity, summary), buttons=buttons, edit=edit)


@callback("rec")
async def recognized_pages(deps: Deps, request: Request) -> Reply:
    """Buttons under a /recognized summary: rec:<view>:<order>:<entity>:<page>."""
    parts = (request.callback or "").split(":")
    view, order, entity, page = (parts + ["", "", "", ""])[1:5]
    number = parse_number(page)
    if entity not in names.ENTITIES or order not in ("date", "name") or number is None:
        raise UserError(texts.STALE_BUTTON)
    if view == "summary":
        return _summary(deps, entity, edit=True)
    if view == "csv":
        content = await read(deps, _csv, target=entity)
        return Reply(answers.csv_caption(entity), document=(f"diplowatch-{entity}.csv", content))
    if view in CHARTS:
        return await _chart(deps, CHARTS[view], entity)
    if view not in answers.PAGE_KINDS:
        raise UserError(texts.STALE_BUTTON)
    return _page(deps, entity, view, order, number)


def _page(deps: Deps, entity: str, view: str, order: str, page: int) -> Reply:
    summary = ledger.summary_of(deps.db, entity, latest=0)
    status = summary.status
    facts = {"list": status.recognizes, "withdrew": status.withdrew, "rejects": status.rejects}[view]
    if order == "name":
        facts = sorted(facts, key=lambda f: names.display(f.actor, actor=True))
    page = min(page, max(0, (len(facts) - 1) // answers.PAGE_SIZE))
    claims = summary.claims if view != "list" else []
    text = answers.facts_page(entity, view, order, facts, page, claims=claims)
    return Reply(text, buttons=answers.page_keyboard(entity, view, order, len(facts), page), edit=True)


@command("recognizes", N_("what a state or entity recognizes, withdrew or rejects, by date"),
         usage=N_("/recognizes <state or entity>"))
async def recognizes(deps: Deps, request: Request) -> Reply:
    if not request.arg_text:
        raise UserError(texts.RECOGNIZES_USAGE)
    actor = resolve_actor(request.arg_text)
    return Reply(answers.actor_recognitions(actor, ledger.acts_of(deps.db, actor)))


@command("history", N_("one state's acts on one entity, with evidence"), usage=N_("/history <state> <entity>"))
async def history(deps: Deps, request: Request) -> Reply:
    actor, entity = _actor_and_entity(request.args)
    return Reply(answers.pair_history(actor, entity, ledger.history(deps.db, actor, entity)))


def _actor_and_entity(args: list[str]) -> tuple[str, str]:
    """Split "north korea dpr" into a recognizer and an entity: the first split that names both."""
    if len(args) < 2:
        raise UserError(answers.HISTORY_USAGE)
    for cut in range(1, len(args)):
        try:
            return resolve_actor(" ".join(args[:cut])), resolve_entity(" ".join(args[cut:]))
        except UserError:
            continue
    resolve_actor(" ".join(args[:-1]))  # names what is wrong: the state...
    resolve_entity(args[-1])  # ... or the entity
    raise UserError(answers.HISTORY_USAGE)


@command("latest", N_("latest recognition events"), usage="/latest [n]")
async def latest(deps: Deps, request: Request) -> Reply:
    arg = request.arg_text or "10"
    n = parse_number(arg)
    if n is None or not 1 <= n <= LATEST_MAX:
        raise UserError(texts.LATEST_USAGE, max=LATEST_MAX)
    return Reply(texts.latest_events(ledger.latest_events(deps.db, n)))


@command("timeline", N_("a chart of recognitions and withdrawals over time"), usage=N_("/timeline <entity>"))
async def timeline(deps: Deps, request: Request) -> Reply:
    if not request.arg_text:
        raise UserError(texts.TIMELINE_USAGE)
    return await _chart(deps, "timeline", resolve_entity(request.arg_text))


@command("map", N_("a world map: who recognizes, withdrew, rejects"), usage=N_("/map <entity>"))
async def world_map(deps: Deps, request: Request) -> Reply:
    if not request.arg_text:
        raise UserError(texts.MAP_USAGE)
    return await _chart(deps, "map", resolve_entity(request.arg_text))


CHARTS = {"chart": "timeline", "map": "map"}  # summary button view → chart kind


async def _chart(deps: Deps, kind: str, entity: str) -> Reply:
    png = await deps.charts.png(deps.db, kind, entity, now=deps.clock())
    return Reply(texts.chart_caption(kind, entity), photo=png)


@command("export", N_("the recognition ledger as a CSV file"))
async def export_csv(deps: Deps, request: Request) -> Reply:
    content = await read(deps, _csv)
    return Reply(texts.EXPORT_CAPTION, document=("diplowatch-ledger.csv", content))


def _csv(db: Database, *, target: str | None = None) -> bytes:
    out = io.StringIO()
    ledger.export_csv(db, out, target=target)
    return out.getvalue().encode()
