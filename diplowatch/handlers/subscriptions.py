"""/subscribe, /unsubscribe, /subscriptions. A group's subscriptions belong to the group, a
forum topic's to the topic; a channel's are made from an administrator's private chat
(``/subscribe @channel dpr``)."""

from __future__ import annotations

import dataclasses
import re

from .. import texts
from ..models import UserError
from ..names.resolve import resolve_entity, resolve_state
from ..store import chats, topics
from ..store import sources as source_store
from ..texts import i18n
from ..texts.i18n import N_
from .core import Deps, Reply, Request, callback, command, parse_number, require_chat_admin

COMMON = ("donetsk-pr", "luhansk-pr", "abkhazia", "south-ossetia", "XK", "PS", "TW", "somaliland")
KEYWORD_MIN, KEYWORD_MAX = 3, 64
CHANNEL_NAME = re.compile(r"@[A-Za-z][A-Za-z0-9_]{3,31}")  # Telegram's public usernames


@command("subscribe", N_("follow an entity, a state, all recognitions, a source or a keyword"),
         usage="/subscribe dpr | state north korea | all | source pushilin | keyword referendum",
         details=texts.SUBSCRIBE_DETAILS)
async def subscribe(deps: Deps, request: Request) -> Reply:
    request, channel = await _for_channel(request)
    if not request.arg_text:
        if channel is not None:
            raise UserError(texts.CHANNEL_USAGE, channel=channel)
        return Reply(texts.SUBSCRIBE_CHOOSE, buttons=texts.subscribe_keyboard(COMMON))
    kind, value = parse_target(deps, request.arg_text)
    await require_chat_admin(deps, request)
    if channel is not None:  # rights checked just now: a channel that lost the bot is back
        chats.upsert_chat(deps.db, request.chat_id, type="channel", title=request.chat_title,
                          now=deps.clock())
        chats.set_chat_active(deps.db, request.chat_id, True)
    return _in_channel(channel, _add(deps, request, kind, value))


async def _for_channel(request: Request) -> tuple[Request, str | None]:
    """``/subscribe @channel …``: the request as the channel's (its id, its own arguments) and
    the channel's @name, once the front end checked both rights; else the request as it is."""
    if not request.args or not request.args[0].startswith("@"):
        return request, None
    name = request.args[0]
    if request.chat_type != "private" or request.channel_admin is None:
        raise UserError(texts.CHANNEL_PRIVATE_ONLY)
    if not CHANNEL_NAME.fullmatch(name):
        raise UserError(texts.CHANNEL_NOT_FOUND, channel=name[:40])
    chat_id, title = await request.channel_admin(name)
    return dataclasses.replace(request, chat_id=chat_id, chat_type="channel", chat_title=title,
                               args=request.args[1:], thread_id=0, chat_admin=None), name


def _in_channel(channel: str | None, reply: Reply) -> Reply:
    """A reply about a channel's subscriptions names the channel."""
    if channel is not None:
        reply.text = f"<b>{texts.escape(channel)}</b>: {reply.text}"
    return reply


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
    # subscribing in a topic that was closed or deleted says it is back: its own resume
    topics.resume_topic(deps.db, request.chat_id, request.thread_id)
    if _find(_listed(deps, request), kind, value) is not None:
        return Reply(texts.already_subscribed(kind, value))
    chats.add_subscription(deps.db, request.chat_id, kind, value, now=deps.clock(),
                           thread_id=request.thread_id)
    chats.note_telegram_language(deps.db, request.chat_id, i18n.pick(None, request.language_code))
    return Reply(texts.subscribed(kind, value))


def _listed(deps: Deps, request: Request):
    """The subscriptions of the chat's topic the request came from (the whole chat if none)."""
    return chats.list_subscriptions(deps.db, request.chat_id, thread_id=request.thread_id)


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
    request, channel = await _for_channel(request)
    subs = _listed(deps, request)
    if channel is not None:  # buttons would act on the private chat they are in
        return Reply(texts.subscriptions_list(subs, channel=channel))
    return Reply(texts.subscriptions_list(subs), buttons=texts.unsubscribe_keyboard(subs))


@command("unsubscribe", N_("stop following something"), usage=N_("/unsubscribe <number or name>"))
async def unsubscribe(deps: Deps, request: Request) -> Reply:
    if not request.arg_text or request.args[0].startswith("@") and len(request.args) == 1:
        return await subscriptions(deps, request)
    request, channel = await _for_channel(request)
    subs = _listed(deps, request)
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
    return _in_channel(channel, Reply(texts.unsubscribed(found.kind, found.value)))


@callback("unsub")
async def unsubscribe_button(deps: Deps, request: Request) -> Reply:
    sub_id = parse_number((request.callback or "").partition(":")[2], digits=18)
    if sub_id is None:
        raise UserError(texts.STALE_BUTTON)
    await require_chat_admin(deps, request)
    gone = chats.remove_subscription(deps.db, request.chat_id, sub_id)
    subs = _listed(deps, request)
    return Reply(texts.unsubscribed(gone.kind, gone.value) + "\n\n" + texts.subscriptions_list(subs),
                 buttons=texts.unsubscribe_keyboard(subs), edit=True)
