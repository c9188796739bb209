"""Chats and users as the fake knows them: the chats tests declared or messages created (with
their @usernames and forum topics), the members' statuses getChatMember answers, and the Bot
API objects built from them."""

from __future__ import annotations

import itertools
from typing import Any

from .protocol import BOT_USER, ApiError, chat_id_of

ADMIN_RIGHTS = (
    "can_be_edited",
    "is_anonymous",
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
)


# what Telegram answers for a message_thread_id of a forum: deleted or never made, and closed
TOPIC_ERRORS = {"deleted": "Bad Request: message thread not found", "closed": "Bad Request: TOPIC_CLOSED"}


def member(status: str, user: dict[str, Any] | None = None, **rights: bool) -> dict[str, Any]:
    """A ChatMember object with ``status`` (the bot itself when ``user`` is None); ``rights``
    (e.g. can_post_messages=True) set an administrator's rights."""
    answer: dict[str, Any] = {"status": status, "user": user or BOT_USER}
    if status == "kicked":
        answer["until_date"] = 0
    elif status == "administrator":
        answer.update(dict.fromkeys(ADMIN_RIGHTS, False))
        answer["can_manage_chat"] = True
        answer.update(rights)
    elif status == "creator":
        answer["is_anonymous"] = False
    return answer


class Chats:
    """FakeBotAPI's chats, members and message ids."""

    chats: dict[int, dict[str, Any]]
    members: dict[tuple[int, int], str]  # (chat, user) → getChatMember's status
    rights: dict[tuple[int, int], dict[str, bool]]  # (chat, user) → an administrator's rights
    topics: dict[tuple[int, int], str]  # (forum, message_thread_id) → open | closed | deleted
    _message_ids: dict[int, itertools.count[int]]

    def add_chat(
        self, chat_id: int, *, type: str | None = None, title: str | None = None,
        username: str | None = None,
    ) -> dict[str, Any]:
        chat = self._chat(chat_id)
        if type:
            chat["type"] = type
        if title and chat["type"] != "private":
            chat["title"] = title
        if username:
            chat["username"] = username
        self.chats[chat_id] = chat
        return chat

    def add_channel(self, chat_id: int, username: str, title: str = "A channel") -> dict[str, Any]:
        """A channel with a public @username (getChat and sends accept "@username")."""
        return self.add_chat(chat_id, type="channel", title=title, username=username)

    def set_member(self, chat_id: int, user_id: int, status: str, **rights: bool) -> None:
        """What getChatMember answers for ``user_id`` in ``chat_id`` ("creator",
        "administrator", "member", "left", "kicked"); ``rights`` for an administrator
        (can_post_messages=True: the bot may post in a channel)."""
        self.members[(chat_id, user_id)] = status
        self.rights[(chat_id, user_id)] = rights

    def add_topic(self, chat_id: int, thread_id: int, state: str = "open") -> None:
        """A forum topic of the supergroup ``chat_id`` (made a forum); ``state``: open,
        closed (sends get 400 TOPIC_CLOSED) or deleted (400 message thread not found)."""
        chat = self.chats.get(chat_id) or self.add_chat(chat_id, type="supergroup")
        chat["is_forum"] = True
        self.topics[(chat_id, thread_id)] = state

    def resolve_chat(self, value: Any) -> int | None:
        """A call's chat_id: a number, or a known "@username"."""
        if isinstance(value, str) and value.startswith("@"):
            wanted = value[1:].lower()
            return next((i for i, c in self.chats.items()
                         if str(c.get("username", "")).lower() == wanted), None)
        return chat_id_of(value)

    def check_topic(self, chat_id: int, params: dict[str, Any]) -> dict[str, Any]:
        """The topic fields of a message sent with ``params`` to ``chat_id``; ApiError as
        Telegram answers for a deleted, unknown or closed topic of a forum."""
        thread = params.get("message_thread_id")
        if thread in (None, "") or not self.chats.get(chat_id, {}).get("is_forum"):
            return {}
        state = self.topics.get((chat_id, int(thread)), "deleted")
        if state in TOPIC_ERRORS:
            raise ApiError(400, TOPIC_ERRORS[state])
        return {"message_thread_id": int(thread), "is_topic_message": True}

    def _chat(self, chat_id: int) -> dict[str, Any]:
        if chat_id in self.chats:
            return dict(self.chats[chat_id])
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        return {"id": chat_id, "type": kind, "title": f"Group {chat_id}"}

    def _next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def _user(
        self, user_id: int, first_name: str = "Test", username: str | None = None
    ) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        return user
