"""How a message leaves: through a python-telegram-bot ``Bot`` (telling a send the Bot API
accepted from one that failed) or to the console chat."""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any, Protocol

from telegram import LinkPreviewOptions, ReplyParameters
from telegram.request import HTTPXRequest

from ..telegram_html import to_plain
from .errors import PossiblyDelivered, describe, was_accepted


class SendFn(Protocol):
    """``send(chat_id, text, *, parse_mode[, reply_to][, thread]) -> message_id``; raises
    telegram.error.* on failure. ``reply_to`` (a message id) is passed only for follow-ups,
    ``thread`` (a forum topic's message_thread_id) only for a topic."""

    def __call__(
        self, chat_id: int, text: str, *, parse_mode: str | None, reply_to: int | None = None,
        thread: int | None = None,
    ) -> Awaitable[int | None]: ...


# The status of the Bot API's last answer in this task, set by note_answer as soon as the
# status line is in (before the body is read), so an error while reading a 2xx body counts too.
_answer_status: ContextVar[int | None] = ContextVar("bot_api_answer_status", default=None)


async def note_answer(response: Any) -> None:
    """httpx response hook (see sending_request): remembers the answer's status."""
    _answer_status.set(response.status_code)


def sending_request(**kwargs: Any) -> HTTPXRequest:
    """PTB's HTTPXRequest with the hook that lets telegram_send tell an accepted send from one
    that failed; kwargs go to HTTPXRequest."""
    return HTTPXRequest(httpx_kwargs={"event_hooks": {"response": [note_answer]}}, **kwargs)


def telegram_send(bot: Any, *, link_previews: bool = False, paid_broadcast: bool = False) -> SendFn:
    """A SendFn over a python-telegram-bot ``Bot``; raises PossiblyDelivered for an error after
    the Bot API accepted the message. ``paid_broadcast``: every send asks for Telegram's paid
    broadcast limit (allow_paid_broadcast; the bot's Stars pay for it)."""
    preview = LinkPreviewOptions(is_disabled=not link_previews)
    paid = {"allow_paid_broadcast": True} if paid_broadcast else {}

    async def send(chat_id: int, text: str, *, parse_mode: str | None,
                   reply_to: int | None = None, thread: int | None = None) -> int:
        # the original may have been deleted in the chat: the follow-up still goes out
        reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
        _answer_status.set(None)
        try:
            message = await bot.send_message(
                chat_id, text, parse_mode=parse_mode, link_preview_options=preview,
                reply_parameters=reply, message_thread_id=thread or None, **paid,
            )
            return message.message_id
        except Exception as exc:
            if was_accepted(exc, _answer_status.get()):
                raise PossiblyDelivered(describe(exc)) from exc
            raise

    return send


def console_send(write: Callable[[str], object] = print) -> SendFn:
    """A SendFn for the console chat: prints the plain text of each message."""
    ids = itertools.count(1)

    async def send(chat_id: int, text: str, *, parse_mode: str | None,
                   reply_to: int | None = None, thread: int | None = None) -> int:
        write(to_plain(text) if parse_mode else text)
        return next(ids)

    return send
