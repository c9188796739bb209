"""/language: the language of this chat's answers (i18n.py)."""

from __future__ import annotations

from .. import texts
from ..models import UserError
from ..store import chats, transaction
from ..texts import i18n
from ..texts.i18n import N_
from .core import Deps, Reply, Request, command, require_chat_admin


@command("language", N_("the language of the bot's answers in this chat"),
         usage=f"/language [{'|'.join(i18n.LANGUAGES)}]")
async def language(deps: Deps, request: Request) -> Reply:
    code = request.arg_text.lower()
    if not code:
        choices = ", ".join(f"/language {code} ({name})" for code, name in i18n.LANGUAGES.items())
        return Reply(i18n.gettext(texts.LANGUAGE_NOW).format(name=i18n.LANGUAGES[i18n.current()],
                                                             choices=choices))
    if code not in i18n.LANGUAGES:
        raise UserError(texts.LANGUAGE_UNKNOWN, code=code[:16], codes=", ".join(i18n.LANGUAGES))
    await require_chat_admin(deps, request)  # a group's language is its admins' choice
    with transaction(deps.db):
        chats.set_chat_language(deps.db, request.chat_id, code, type=request.chat_type,
                                title=request.chat_title, now=deps.clock())
    return Reply(i18n.gettext(texts.LANGUAGE_SET, code).format(name=i18n.LANGUAGES[code]))
