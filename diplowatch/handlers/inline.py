"""Inline mode: ``@bot kosovo`` in any chat offers a card to send there, the /recognized
summary of who recognizes the entity now.

Telegram sends a query per keystroke and refuses an answer to a query some 10 s old, so
cards come from a cache kept until the ledger changes (its revision is in the key, as for
charts), and Telegram may keep an answer for ``CACHE_SECONDS``. An empty query offers the
entities /subscribe shows as buttons; a name that is no entity offers nothing, with a button that opens
the bot. The query is never echoed: cards hold only our own text.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from dataclasses import dataclass

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes, InlineQueryHandler

from .. import ledger, telegram_html, texts
from ..models import UserError
from ..names.resolve import resolve_entity
from ..store import Database
from ..store import events as events_store
from ..texts import i18n
from ..texts import recognitions as answers
from .core import Deps, read
from .subscriptions import COMMON

log = logging.getLogger(__name__)

MAX_QUERY = 64  # characters of a query looked up (entity names are shorter)
CACHE_SECONDS = 60  # how long Telegram may answer the same query from its own cache
DEADLINE = 8.0  # seconds to build an answer; past it, an empty one (the query would expire)
KEPT = 256  # answers kept in our cache


@dataclass(frozen=True)
class Card:
    id: str  # the entity code
    title: str
    description: str  # the summary's first line after the name, plain text
    text: str  # the message sent when the card is chosen (Telegram HTML, ≤ 4096)


def clean_query(text: str) -> str:
    """The query as looked up: control and other unprintable characters as spaces, spaces
    collapsed, at most MAX_QUERY characters."""
    printable = "".join(ch if ch.isprintable() else " " for ch in text[: MAX_QUERY * 4])
    return " ".join(printable.split())[:MAX_QUERY]


def cards_for(db: Database, query: str, language: str) -> list[Card]:
    """The cards for a cleaned query, in ``language``: its entity's; for an empty query the
    common entities'; none when no entity has that name."""
    with i18n.speaking(language):
        if not query:
            return [card(db, entity) for entity in COMMON]
        try:
            entity = resolve_entity(query)
        except UserError:
            return []
        return [card(db, entity)]


def card(db: Database, entity: str) -> Card:
    summary = ledger.summary_of(db, entity)
    text = i18n.gettext(telegram_html.split_message(answers.recognized_summary(entity, summary))[0])
    lines = telegram_html.to_plain(text).splitlines()
    return Card(entity, str(texts.name(entity)), (lines[1] if len(lines) > 1 else "")[:120], text)


class InlineCache:
    """Cards by (query, language, ledger revision): a change to the ledger is a new key."""

    def __init__(self, kept: int = KEPT) -> None:
        self.kept = kept
        self.built = 0  # answers built (a hit builds none)
        self._done: OrderedDict[tuple, list[Card]] = OrderedDict()

    async def cards(self, deps: Deps, query: str, language: str) -> list[Card]:
        key = (query.casefold(), language, await read(deps, events_store.ledger_revision))
        if (hit := self._done.get(key)) is not None:
            self._done.move_to_end(key)
            return hit
        found = self._done[key] = await read(deps, cards_for, query, language)
        self.built += 1
        while len(self._done) > self.kept:
            self._done.popitem(last=False)
        return found


def register_inline(app: Application, deps: Deps) -> None:
    """Answer inline queries; the cache is kept in ``app.bot_data["inline_cards"]``."""
    cache = app.bot_data["inline_cards"] = InlineCache()

    async def on_inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.inline_query
        if query is None:
            return
        language = i18n.pick(None, query.from_user.language_code)
        try:
            cards = await asyncio.wait_for(cache.cards(deps, clean_query(query.query), language),
                                           DEADLINE)
        except Exception as exc:  # a slow or failing database: an empty answer, in time
            log.error("inline query failed user=%s: %s", query.from_user.id, exc)
            cards = []
        hint = None if cards else InlineQueryResultsButton(
            i18n.gettext(texts.INLINE_NO_MATCH, language), start_parameter="inline")
        try:
            # personal: Telegram's cache must not give one user's language to another
            await query.answer([_article(c) for c in cards], cache_time=CACHE_SECONDS,
                               is_personal=True, button=hint)
        except TelegramError as exc:  # too late, or the user typed on: nothing to tell them
            log.warning("inline answer refused user=%s: %s", query.from_user.id, exc)

    app.add_handler(InlineQueryHandler(on_inline))


def _article(card: Card) -> InlineQueryResultArticle:
    content = InputTextMessageContent(card.text, parse_mode=ParseMode.HTML,
                                      link_preview_options=LinkPreviewOptions(is_disabled=True))
    return InlineQueryResultArticle(card.id, card.title, content, description=card.description)
