"""What every part of the fake speaks: its token and bot user, Bot API errors, and the
parameters of a call as Telegram reads them (query, form, JSON, uploads)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from aiohttp import web

TOKEN = "123456789:AAFakeTokenForTestsOnly-0123456789abcdef"
BOT_ID = 123456789
BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "diplowatch test",
    "username": "diplowatch_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}
SEND_METHODS = frozenset({"sendmessage", "sendphoto", "senddocument"})
JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "commands",
        "link_preview_options",
        "entities",
        "caption_entities",
        "allowed_updates",
        "scope",
        "reply_parameters",
        "media",
        "results",
        "button",
    }
)


class ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


def chat_id_of(value: Any) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None


async def read_params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        params.update(await request.json())
        return params
    if request.method == "POST":
        for key, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                params[key] = value.file.read()
                params[f"_filename_{key}"] = value.filename
            else:
                params[key] = value
    for key in JSON_PARAMS & params.keys():
        if isinstance(params[key], str):
            with contextlib.suppress(ValueError):
                params[key] = json.loads(params[key])
    for key, value in list(params.items()):  # attach://name → the uploaded part
        if isinstance(value, str) and value.startswith("attach://") and value[9:] in params:
            params[key] = params[value[9:]]
    return params
