"""The Bot API methods the fake answers: getMe, getChat(Member), sendMessage, sendPhoto,
sendDocument, editMessageText, commands, callback and inline query answers; the rest succeed
or 404."""

from __future__ import annotations

import time
from typing import Any

from .chats import member
from .parsing import parse_html, utf16_len
from .protocol import BOT_USER, SEND_METHODS, ApiError
from .records import Call, SentMessage

NO_OP_METHODS = frozenset(
    {
        "deletewebhook",
        "setwebhook",
        "sendchataction",
        "deletemessage",
        "setmydescription",
        "setmyshortdescription",
        "setchatmenubutton",
        "deletemycommands",
        "close",
        "logout",
    }
)


def need_chat(call: Call) -> int:
    if call.chat_id is None:
        raise ApiError(400, "Bad Request: chat not found")
    return call.chat_id


class Methods:
    """FakeBotAPI's method handlers, ``_m_<method>``."""

    commands: list[dict[str, Any]]  # as setMyCommands left them, for every language
    commands_in: dict[str, list[dict[str, Any]]]  # by language_code; "" is the default list

    async def _dispatch(self, call: Call) -> Any:
        name = call.method.lower()
        if name in SEND_METHODS:
            self._check_global_rate(call)
        handler = getattr(self, f"_m_{name}", None)
        if handler is not None:
            return await handler(call) if name == "getupdates" else handler(call)
        if name in NO_OP_METHODS:
            return True
        raise ApiError(
            404, f"Not Found: method {call.method} is not implemented by the fake Bot API"
        )

    def _m_getme(self, call: Call) -> dict[str, Any]:
        return BOT_USER

    def _m_getchatmember(self, call: Call) -> dict[str, Any]:
        """The status set by set_member; "member" for anyone else."""
        chat_id, user_id = need_chat(call), call.params.get("user_id")
        if user_id is None or not str(user_id).lstrip("-").isdigit():
            raise ApiError(400, "Bad Request: invalid user_id specified")
        key = (chat_id, int(user_id))
        status = self.members.get(key, "member")
        user = None if int(user_id) == BOT_USER["id"] else self._user(int(user_id))
        return member(status, user, **self.rights.get(key, {}))

    def _m_getchat(self, call: Call) -> dict[str, Any]:
        return {**self._chat(need_chat(call)), "accent_color_id": 0, "max_reaction_count": 11}

    def _message(self, chat_id: int, **extra: Any) -> dict[str, Any]:
        return {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": self._chat(chat_id),
            "from": BOT_USER,
            **extra,
        }

    def _record(self, call: Call, result: dict[str, Any], text: str | None) -> dict[str, Any]:
        result.update(self.check_topic(result["chat"]["id"], call.params))
        self._check_chat_limits(result["chat"]["id"], call.time)
        self.messages.append(
            SentMessage(
                result["chat"]["id"],
                result["message_id"],
                text,
                call.params.get("parse_mode"),
                call.method,
                call.time,
                call.params,
            )
        )
        return result

    def _visible(self, text: str, parse_mode: Any, limit: int, what: str) -> str:
        """Visible text after parsing; ``what`` is "text" or "caption" for the error."""
        visible = parse_html(text) if str(parse_mode or "").upper() == "HTML" else text
        if not visible.strip():
            raise ApiError(400, f"Bad Request: message {what} is empty")
        if utf16_len(visible) > limit:
            raise ApiError(
                400,
                "Bad Request: message is too long"
                if what == "text"
                else "Bad Request: message caption is too long",
            )
        return visible

    def _m_sendmessage(self, call: Call) -> dict[str, Any]:
        chat_id, text = need_chat(call), str(call.params.get("text", ""))
        visible = self._visible(text, call.params.get("parse_mode"), 4096, "text")
        return self._record(call, self._message(chat_id, text=visible), text)

    def _m_editmessagetext(self, call: Call) -> dict[str, Any]:
        chat_id, text = need_chat(call), str(call.params.get("text", ""))
        message_id = int(call.params.get("message_id", 0))
        old = next(
            (m for m in self.messages if m.chat_id == chat_id and m.message_id == message_id), None
        )
        if old is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if old.text == text:
            raise ApiError(400, "Bad Request: message is not modified")
        visible = self._visible(text, call.params.get("parse_mode"), 4096, "text")
        old.text = text
        return {
            "message_id": message_id,
            "date": int(old.time),
            "edit_date": int(time.time()),
            "chat": self._chat(chat_id),
            "from": BOT_USER,
            "text": visible,
        }

    def _media(self, call: Call, field_name: str) -> tuple[int, str | None, bytes | str]:
        chat_id = need_chat(call)
        caption = call.params.get("caption")
        if caption:
            caption = self._visible(str(caption), call.params.get("parse_mode"), 1024, "caption")
        content = call.params.get(field_name)
        if content is None:
            raise ApiError(400, f"Bad Request: there is no {field_name} in the request")
        return chat_id, caption, content

    def _m_sendphoto(self, call: Call) -> dict[str, Any]:
        chat_id, caption, content = self._media(call, "photo")
        size = len(content) if isinstance(content, bytes) else 0
        photo = [
            {
                "file_id": f"photo-{len(self.messages)}",
                "file_unique_id": f"u{len(self.messages)}",
                "width": 640,
                "height": 480,
                "file_size": size,
            }
        ]
        extra = {"caption": caption} if caption else {}
        return self._record(call, self._message(chat_id, photo=photo, **extra), caption)

    def _m_senddocument(self, call: Call) -> dict[str, Any]:
        chat_id, caption, content = self._media(call, "document")
        document = {
            "file_id": f"doc-{len(self.messages)}",
            "file_unique_id": f"d{len(self.messages)}",
            "file_name": call.params.get("_filename_document", "file"),
            "file_size": len(content) if isinstance(content, bytes) else 0,
        }
        extra = {"caption": caption} if caption else {}
        return self._record(call, self._message(chat_id, document=document, **extra), caption)

    def _m_setmycommands(self, call: Call) -> bool:
        language = str(call.params.get("language_code") or "")
        self.commands_in[language] = list(call.params.get("commands") or [])
        if not language:
            self.commands = self.commands_in[language]
        return True

    def _m_getmycommands(self, call: Call) -> list[dict[str, Any]]:
        language = str(call.params.get("language_code") or "")
        return self.commands_in.get(language, self.commands)

    def _m_answerinlinequery(self, call: Call) -> bool:
        """Checked as Telegram checks it: a query id, at most 50 results with unique ids of 1-64
        bytes, each article's message text parsable and at most 4096 characters."""
        if not call.params.get("inline_query_id"):
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or "
                           "query ID is invalid")
        results = call.params.get("results")
        if not isinstance(results, list) or len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = [str(r.get("id", "")) for r in results]
        if len(set(ids)) != len(ids) or not all(0 < len(i.encode()) <= 64 for i in ids):
            raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
        for result in results:
            content = result.get("input_message_content") or {}
            self._visible(str(content.get("message_text", "")), content.get("parse_mode"), 4096,
                          "text")
        return True

    def _m_answercallbackquery(self, call: Call) -> bool:
        if not call.params.get("callback_query_id"):
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        return True
