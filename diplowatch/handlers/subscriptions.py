"""/subscribe, /unsubscribe, /subscriptions. A group's subscriptions belong to the group."""

from __future__ import annotations

from .. import texts
from ..models import UserError
from ..names.resolve import resolve_entity, resolve_state
from ..store import chats
from ..store import sources as source_store
from ..texts import i18n
from ..texts.i18n import N_
from .core import Deps, Reply, Request, callback, command, parse_number, require_chat_admin

COMMON = ("donetsk-pr", "luhansk-pr", "abkhazia", "south-ossetia", "XK", "PS", "TW", "somaliland")
KEYWORD_MIN, KEYWORD_MAX = 3, 64


@command("subscribe", N_("follow an entity, a state, all recognitions, a source or a keyword"),
         usage="/subscribe dpr | state north korea | all | source pushilin | keyword referendum")
async def subscribe(deps: Deps, request: Request) -> Reply:
    if not request.arg_text:
        return Reply(texts.SUBSCRIBE_CHOOSE, buttons=texts.subscribe_keyboard(COMMON))
    kind, value = parse_target(deps, request.arg_text)
    await require_chat_admin(deps, request)
    return _add(deps, request, kind, value)


@callback("sub")
async def subscribe_button(deps: Deps, request: Request) -> Reply:
    parts = (request.callback or "").split(":", 2)
    if len(parts) != 3 or parts[1] not in ("entity", "all"):
        raise UserError(texts.STALE_BUTTON)
    _, kind, value = parts
    await require_chat_admin(deps, request)
    return _add(deps, request, kind, resolve_entity(value) if kind == "entity" else "*")


def _add(deps: Deps, request: Request, kind: str, value: str) -> Reply:
    chats.upsert_chat(deps.db, request.chat_id, type=request.chat_type,
                      title=request.chat_title, now=deps.clock())
    if _find(chats.list_subscriptions(deps.db, request.chat_id), kind, value) is not None:
        return Reply(texts.already_subscribed(kind, value))
    chats.add_subscription(deps.db, request.chat_id, kind, value, now=deps.clock())
    chats.note_telegram_language(deps.db, request.chat_id, i18n.pick(None, request.language_code))
    return Reply(texts.subscribed(kind, value))


def _find(subs, kind: str, value: str):
    """The chat's subscription to (kind, value), or None."""
    stored = chats.normalized_value(kind, value)
    return next((s for s in subs if (s.kind, s.value) == (kind, stored)), None)


def parse_target(deps: Deps, text: str) -> tuple[str, str]:
    """'all' | 'state X' | 'source NAME' | 'keyword WORD' | an entity name in any language."""
    head, _, rest = text.partition(" ")
    head, rest = head.lower(), rest.strip()
    if head == "all" and rest.lower() in ("", "recognitions", "recognition"):
        return "all", "*"
    if head in _USAGE and not rest:  # '/subscribe state': which one?
        raise UserError(_USAGE[head])
    if head in ("state", "country") and rest:
        return "state", resolve_state(rest)
    if head == "source" and rest:
        return "source", _known_source(deps, rest.lower())
    if head in ("keyword", "word") and rest:
        if not KEYWORD_MIN <= len(rest) <= KEYWORD_MAX:
            raise UserError(texts.KEYWORD_LENGTH, min=KEYWORD_MIN, max=KEYWORD_MAX)
        return "keyword", rest.casefold()
    try:
        return "entity", resolve_entity(text)
    except UserError as unknown:
        try:  # '/subscribe Russia': a state, followed with 'state'
            code = resolve_state(text)
        except UserError:
            raise unknown from None
        raise UserError(texts.state_not_entity(code, text)) from None


_USAGE = {"state": texts.SUBSCRIBE_STATE_USAGE, "country": texts.SUBSCRIBE_STATE_USAGE,
          "source": texts.SUBSCRIBE_SOURCE_USAGE, "keyword": texts.SUBSCRIBE_KEYWORD_USAGE,
          "word": texts.SUBSCRIBE_KEYWORD_USAGE}


def _known_source(deps: Deps, name: str) -> str:
    if source_store.get_source(deps.db, name) is None:
        names = [s.name for s, _ in source_store.list_sources(deps.db)]
        raise UserError(texts.unknown_source(name, names))
    return name


@command("subscriptions", N_("what this chat follows, with buttons to remove"))
async def subscriptions(deps: Deps, request: Request) -> Reply:
    subs = chats.list_subscriptions(deps.db, request.chat_id)
    return Reply(texts.subscriptions_list(subs), buttons=texts.unsubscribe_keyboard(subs))


@command("unsubscribe", N_("stop following something"), usage=N_("/unsubscribe <number or name>"))
async def unsubscribe(deps: Deps, request: Request) -> Reply:
    if not request.arg_text:
        return await subscriptions(deps, request)
    subs = chats.list_subscriptions(deps.db, request.chat_id)
    number = parse_number(request.arg_text, digits=18)
    if number is not None:  # the number /subscriptions shows: its place in this chat's list
        if not 1 <= number <= len(subs):
            raise UserError(texts.no_subscription_number(number, len(subs)))
        found = subs[number - 1]
    else:
        kind, value = parse_target(deps, request.arg_text)
        found = _find(subs, kind, value)
        if found is None:
            raise UserError(texts.not_subscribed(kind, value))
    await require_chat_admin(deps, request)
    chats.remove_subscription(deps.db, request.chat_id, found.id)
    return Reply(texts.unsubscribed(found.kind, found.value))


@callback("unsub")
async def unsubscribe_button(deps: Deps, request: Request) -> Reply:
    sub_id = parse_number((request.callback or "").partition(":")[2], digits=18)
    if sub_id is None:
        raise UserError(texts.STALE_BUTTON)
    await require_chat_admin(deps, request)
    gone = chats.remove_subscription(deps.db, request.chat_id, sub_id)
    subs = chats.list_subscriptions(deps.db, request.chat_id)
    return Reply(texts.unsubscribed(gone.kind, gone.value) + "\n\n" + texts.subscriptions_list(subs),
                 buttons=texts.unsubscribe_keyboard(subs), edit=True)
