"""The Telegram adapter: Update → Request → dispatch → Reply → Bot API calls."""

from __future__ import annotations

import functools
import logging

from telegram import (
    Bot,
    BotCommand,
    Chat,
    ChatMemberUpdated,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
    User,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
)

from .. import telegram_html, texts
from ..models import UserError
from ..store import StoreError, chats, storage_fault, transaction
from ..texts import i18n
from .core import COMMANDS, GROUP_TYPES, Deps, Reply, Request, Throttle, dispatch, ordered_commands
from .inline import register_inline

log = logging.getLogger(__name__)


def register(app: Application, deps: Deps) -> None:
    throttle = Throttle()

    async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None or user is None or not message.text:
            return
        if not throttle.allow(user.id):
            if throttle.first_refusal(user.id):
                await message.reply_text(_slow_down(user.language_code))
            return
        name = message.text.split()[0][1:].split("@")[0].lower()
        reply = await dispatch(deps, _request(update, context.bot, name, list(context.args or [])))
        await send_reply(update, reply)

    async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None or update.effective_user is None:
            return
        if not throttle.allow(update.effective_user.id):  # buttons run queries too
            await query.answer(_slow_down(update.effective_user.language_code))
            return
        request = _request(update, context.bot, "", [])
        request.callback = query.data or ""
        reply = await dispatch(deps, request)
        await query.answer(reply.notice[:200] if reply.notice else None)
        if reply.text:
            await send_reply(update, reply)

    async def on_member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        change: ChatMemberUpdated | None = update.my_chat_member
        if change is not None:
            apply_member_change(deps, change)

    app.add_handler(CommandHandler(list(COMMANDS), on_command))
    app.add_handler(CallbackQueryHandler(on_button))
    app.add_handler(ChatMemberHandler(on_member, ChatMemberHandler.MY_CHAT_MEMBER))
    register_inline(app, deps)


def _slow_down(language_code: str | None) -> str:
    return i18n.gettext(texts.SLOW_DOWN, i18n.pick(None, language_code))


def apply_member_change(deps: Deps, change: ChatMemberUpdated) -> None:
    """Blocked or kicked → inactive; unblocked or added → active again."""
    chat, status = change.chat, change.new_chat_member.status
    active = status in ("member", "administrator", "creator")
    try:
        with transaction(deps.db):
            chats.upsert_chat(deps.db, chat.id, type=chat.type, title=chat.title or "",
                              now=deps.clock())
            chats.set_chat_active(deps.db, chat.id, active,
                                  reason=None if active else f"member status {status}")
    except StoreError as exc:  # disk full, read-only: Telegram will not send this again
        log.error("could not record chat membership chat=%s status=%s: %s", chat.id, status,
                  f"database {storage_fault(exc)}" if storage_fault(exc) else exc)
        return
    log.info("chat membership chat=%s status=%s", chat.id, status)


def _request(update: Update, bot: Bot, name: str, args: list[str]) -> Request:
    chat, user = _chat_and_user(update)
    message = update.effective_message  # a button's: the bot's message it is under
    request = Request(chat_id=chat.id, user_id=user.id, command=name, args=args,
                      chat_type=chat.type, chat_title=chat.title or "",
                      language_code=user.language_code, thread_id=_topic(message))
    if chat.type in GROUP_TYPES:
        request.chat_admin = functools.partial(_is_chat_admin, update, bot)
    elif chat.type == "private":
        request.channel_admin = functools.partial(_channel_admin, bot, user.id)
    return request


async def _channel_admin(bot: Bot, user_id: int, name: str) -> tuple[int, str]:
    """The channel ``name`` (@username) as (id, title), if ``user_id`` is its creator or an
    administrator and the bot an administrator that may post there (getChat, getChatMember
    twice); else UserError saying which right is missing."""
    try:
        channel = await bot.get_chat(name)
    except TelegramError as exc:  # unknown name, or a private channel without the bot
        log.info("channel lookup failed channel=%s: %s", name, exc)
        raise UserError(texts.CHANNEL_NOT_FOUND, channel=name) from None
    if channel.type != Chat.CHANNEL:
        raise UserError(texts.CHANNEL_NOT_FOUND, channel=name)
    try:
        user, me = (await bot.get_chat_member(channel.id, user_id),
                    await bot.get_chat_member(channel.id, bot.id))
    except BadRequest:  # Telegram tells a channel's members only to its administrators
        raise UserError(texts.CHANNEL_CANNOT_POST, channel=name) from None
    except TelegramError as exc:
        log.warning("getChatMember failed channel=%s user=%s: %s", channel.id, user_id, exc)
        raise UserError(texts.ADMIN_CHECK_FAILED) from None
    if user.status not in ("administrator", "creator"):
        raise UserError(texts.CHANNEL_NOT_ADMIN, channel=name)
    if me.status != "administrator" or not getattr(me, "can_post_messages", False):
        raise UserError(texts.CHANNEL_CANNOT_POST, channel=name)
    return channel.id, channel.title or name


def _topic(message: Message | None) -> int:
    """The forum topic a message is in, 0 for none. (message_thread_id alone is also set on a
    chain of replies in a plain group, which is not a topic.) PTB's reply_* keep the topic."""
    if message is None or not message.is_topic_message:
        return 0
    return message.message_thread_id or 0


async def _is_chat_admin(update: Update, bot: Bot) -> bool:
    """Whether the sender administers the chat, by getChatMember. A message sent "as the
    group" (an anonymous administrator) has the chat itself as its sender_chat."""
    (chat, user), message = _chat_and_user(update), update.effective_message
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id == chat.id
    try:
        member = await bot.get_chat_member(chat.id, user.id)
    except TelegramError as exc:
        log.warning("getChatMember failed chat=%s user=%s: %s", chat.id, user.id, exc)
        raise UserError(texts.ADMIN_CHECK_FAILED) from None
    return member.status in ("administrator", "creator")


def _chat_and_user(update: Update) -> tuple[Chat, User]:
    """The chat and sender of a command or button press, which always has both."""
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None, "an update without a chat or a sender"
    return chat, user


def _markup(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row]
         for row in reply.buttons]
    )


async def send_reply(update: Update, reply: Reply) -> None:
    message = update.effective_message
    if message is None:
        return
    if reply.photo is not None:
        await message.reply_photo(reply.photo, caption=reply.text, parse_mode=ParseMode.HTML)
        return
    if reply.document is not None:
        name, content = reply.document
        await message.reply_document(content, filename=name, caption=reply.text,
                                     parse_mode=ParseMode.HTML)
        return
    parts = telegram_html.split_message(reply.text)
    if reply.edit and update.callback_query is not None and len(parts) == 1:
        try:
            await update.callback_query.edit_message_text(parts[0], parse_mode=ParseMode.HTML,
                                                          reply_markup=_markup(reply))
        except BadRequest as exc:  # the same button pressed twice: the message already says it
            if "not modified" not in str(exc).lower():
                raise
        return
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        await message.reply_text(part, parse_mode=ParseMode.HTML,
                                 reply_markup=_markup(reply) if last else None,
                                 disable_web_page_preview=True)


def bot_commands(language: str = i18n.DEFAULT) -> list[BotCommand]:
    """For setMyCommands: the public commands (admin ones stay out of the menu), described in
    ``language``."""
    return [BotCommand(c.name, i18n.gettext(c.summary, language)[:256])
            for c in ordered_commands() if not c.admin]


def command_menus() -> list[tuple[str | None, list[BotCommand]]]:
    """(language_code, commands) for each setMyCommands call: English for every user whose
    language has no menu of its own (language_code None), then one per other language."""
    return [(None if code == i18n.DEFAULT else code, bot_commands(code)) for code in i18n.LANGUAGES]
