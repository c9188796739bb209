"""Updates users send: messages, button presses and membership changes queued by tests, and
the getUpdates long poll that hands them to the bot (409 when a newer poll takes over)."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from typing import Any

from .chats import member
from .parsing import utf16_len
from .protocol import BOT_USER, ApiError
from .records import Call


class Updates:
    """FakeBotAPI's queued updates and getUpdates."""

    updates: list[dict[str, Any]]
    _update_ids: itertools.count[int]
    _callback_ids: itertools.count[int]
    _poll_generation: int  # a newer getUpdates ends an older one still waiting (409)
    _waiters: set[asyncio.Event]  # the long polls waiting
    _closing: asyncio.Event | None

    def inject_update(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue an Update (``update_id`` is added) for the next getUpdates."""
        update = {"update_id": next(self._update_ids), **payload}
        self.updates.append(update)
        for waiter in self._waiters:
            waiter.set()
        return update

    def inject_message(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        chat_type: str | None = None,
        title: str | None = None,
        first_name: str = "Test",
        username: str | None = None,
        sender_chat: int | None = None,
        thread_id: int | None = None,
    ) -> dict[str, Any]:
        """A user writes ``text`` in ``chat_id``; "/cmd ..." gets a bot_command entity.
        ``sender_chat``: sent on behalf of that chat (the group itself: an anonymous admin);
        ``thread_id``: in that forum topic (made an open topic of the chat if new)."""
        chat = self.add_chat(chat_id, type=chat_type, title=title)
        if thread_id is not None:
            if (chat_id, thread_id) not in self.topics:
                self.add_topic(chat_id, thread_id)
            chat = self._chat(chat_id)
        user_id = user_id if user_id is not None else (chat_id if chat_id > 0 else 1001)
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": chat,
            "from": self._user(user_id, first_name, username),
            "text": text,
        }
        if sender_chat is not None:
            message["sender_chat"] = self._chat(sender_chat)
        if thread_id is not None:
            message.update(message_thread_id=thread_id, is_topic_message=True)
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0] if text.strip() else text
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_len(command)}
            ]
        return self.inject_update({"message": message})

    def inject_channel_post(self, chat_id: int, text: str) -> dict[str, Any]:
        """A post in the channel ``chat_id`` (the bot, an administrator, receives it); it has
        no sender user, only the channel as sender_chat."""
        chat = self.add_chat(chat_id, type="channel")
        post: dict[str, Any] = {"message_id": self._next_message_id(chat_id),
                                "date": int(time.time()), "chat": chat, "sender_chat": chat,
                                "text": text}
        if text.startswith("/"):
            post["entities"] = [{"type": "bot_command", "offset": 0,
                                 "length": utf16_len(text.split(maxsplit=1)[0])}]
        return self.inject_update({"channel_post": post})

    def inject_inline_query(self, user_id: int, query: str, *, language_code: str | None = None
                            ) -> dict[str, Any]:
        """A user types ``@bot query`` in any chat."""
        user = self._user(user_id)
        if language_code:
            user["language_code"] = language_code
        inline = {"id": str(next(self._callback_ids)), "from": user, "query": query, "offset": ""}
        return self.inject_update({"inline_query": inline})

    def inject_callback(
        self,
        chat_id: int,
        data: str,
        *,
        user_id: int | None = None,
        message_id: int | None = None,
        message_text: str = "",
        chat_type: str | None = None,
        thread_id: int | None = None,
    ) -> dict[str, Any]:
        """A user presses an inline button with ``data`` under a bot message in ``chat_id``
        (in the forum topic ``thread_id``)."""
        chat = self.add_chat(chat_id, type=chat_type)
        user_id = user_id if user_id is not None else (chat_id if chat_id > 0 else 1001)
        if message_id is None:
            mine = self.sent_messages(chat_id)
            message_id = mine[-1].message_id if mine else self._next_message_id(chat_id)
        query = {
            "id": str(next(self._callback_ids)),
            "from": self._user(user_id),
            "chat_instance": str(chat_id),
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": chat,
                "from": BOT_USER,
                "text": message_text or "…",
                **({"message_thread_id": thread_id, "is_topic_message": True}
                   if thread_id is not None else {}),
            },
        }
        return self.inject_update({"callback_query": query})

    def inject_my_chat_member(
        self,
        chat_id: int,
        *,
        new_status: str = "member",
        old_status: str = "left",
        user_id: int | None = None,
        chat_type: str | None = None,
        title: str | None = None,
    ) -> dict[str, Any]:
        """The bot's membership in ``chat_id`` changed (e.g. new_status="kicked" = blocked)."""
        chat = self.add_chat(chat_id, type=chat_type, title=title)
        user_id = user_id if user_id is not None else (chat_id if chat_id > 0 else 1001)
        change = {
            "chat": chat,
            "from": self._user(user_id),
            "date": int(time.time()),
            "old_chat_member": member(old_status),
            "new_chat_member": member(new_status),
        }
        return self.inject_update({"my_chat_member": change})

    async def _m_getupdates(self, call: Call) -> list[dict[str, Any]]:
        assert self._closing is not None
        offset = int(call.params.get("offset") or 0)
        timeout = float(call.params.get("timeout") or 0)
        limit = max(1, min(100, int(call.params.get("limit") or 100)))
        if offset > 0:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        elif offset < 0:
            self.updates = self.updates[offset:]
        self._poll_generation += 1  # an older poll still waiting is terminated (409)
        generation, deadline = self._poll_generation, call.time + timeout
        for other in self._waiters:
            other.set()
        waiter = asyncio.Event()
        self._waiters.add(waiter)
        try:
            while not self.updates and not self._closing.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                waiter.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(waiter.wait(), remaining)
                if generation != self._poll_generation:
                    raise ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; "
                        "make sure that only one bot instance is running",
                    )
        finally:
            self._waiters.discard(waiter)
        return self.updates[:limit]
