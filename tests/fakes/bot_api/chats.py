"""Chats and users as the fake knows them: the chats tests declared or messages created, the
members' statuses getChatMember answers, and the Bot API objects built from them."""

from __future__ import annotations

import itertools
from typing import Any

from .protocol import BOT_USER

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


def member(status: str, user: dict[str, Any] | None = None) -> dict[str, Any]:
    """A ChatMember object with ``status`` (the bot itself when ``user`` is None)."""
    answer: dict[str, Any] = {"status": status, "user": user or BOT_USER}
    if status == "kicked":
        answer["until_date"] = 0
    elif status == "administrator":
        answer.update(dict.fromkeys(ADMIN_RIGHTS, False))
        answer["can_manage_chat"] = True
    elif status == "creator":
        answer["is_anonymous"] = False
    return answer


class Chats:
    """FakeBotAPI's chats, members and message ids."""

    chats: dict[int, dict[str, Any]]
    members: dict[tuple[int, int], str]  # (chat, user) → getChatMember's status
    _message_ids: dict[int, itertools.count[int]]

    def add_chat(
        self, chat_id: int, *, type: str | None = None, title: str | None = None
    ) -> dict[str, Any]:
        chat = self._chat(chat_id)
        if type:
            chat["type"] = type
        if title and chat["type"] != "private":
            chat["title"] = title
        self.chats[chat_id] = chat
        return chat

    def set_member(self, chat_id: int, user_id: int, status: str) -> None:
        """What getChatMember answers for ``user_id`` in ``chat_id`` ("creator",
        "administrator", "member", "left", "kicked")."""
        self.members[(chat_id, user_id)] = status

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
