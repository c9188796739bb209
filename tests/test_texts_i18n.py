"""The bot's languages (texts/i18n.py): complete catalogues, and the language picked per chat from
Telegram's language_code or /language, through the real PTB Application and the fake Bot API."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from telegram import Update

from diplowatch import texts
from diplowatch.config import Settings
from diplowatch.handlers import dispatch
from diplowatch.handlers.core import Deps, Request
from diplowatch.store import chats, open_db
from diplowatch.texts import i18n
from tests.fakes.bot_api import FakeBotAPI, parse_html
from tests.fakes.ptb import diplowatch_app

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
USER, GROUP = 2002, -100777
SHIPPED = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT]


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{\w+\}|</?\w+>|/\w+", text))


@pytest.mark.parametrize("language", SHIPPED)
def test_every_message_has_a_translation(language):
    catalogue = i18n.catalogue(language)
    for name in i18n.TRANSLATED:
        english = getattr(texts, name)
        assert english in catalogue, f"{language} misses texts.{name}"
        assert catalogue[english] != english, f"{language}: texts.{name} is not translated"
        # the same {fields}, HTML tags and /commands
        assert placeholders(catalogue[english]) == placeholders(english), (language, name)
    stale = set(catalogue) - {getattr(texts, n) for n in i18n.TRANSLATED}
    assert not stale, f"{language} translates messages texts.py no longer has: {stale}"


@pytest.mark.parametrize(("chosen", "code", "language"), [
    (None, "ru", "ru"), (None, "ru-RU", "ru"), (None, "uk", "uk"), (None, "UK_ua", "uk"),
    (None, "en-GB", "en"), (None, "xx", "en"), (None, None, "en"), (None, "", "en"),
    ("en", "ru", "en"), ("uk", "ru", "uk"), ("fr", "ru", "ru"),
])
def test_pick(chosen, code, language):
    assert i18n.pick(chosen, code) == language


@pytest.fixture
def deps(tmp_path):
    db = open_db(tmp_path / "t.db")
    yield Deps(db, Settings(), lambda: NOW)
    db.close()


@pytest.fixture
async def ask(deps, bot_api: FakeBotAPI, monkeypatch):
    async def ask(text: str, *, language_code: str | None, chat: int = USER, **kwargs) -> str:
        clock[0] += 2
        before = len(bot_api.sent_messages(chat))
        update = bot_api.inject_message(chat, text, user_id=USER, **kwargs)
        if language_code is not None:
            update["message"]["from"]["language_code"] = language_code
        await app.process_update(Update.de_json(update, app.bot))
        [reply] = bot_api.sent_messages(chat)[before:]
        return parse_html(reply.text) if reply.parse_mode else reply.text

    async with diplowatch_app(bot_api, deps, monkeypatch) as (app, clock):
        yield ask


async def test_the_answer_follows_the_users_telegram_language(ask):
    assert (await ask("/start", language_code="ru")).startswith("diplowatch следит")
    assert (await ask("/start", language_code="uk-UA")).startswith("diplowatch стежить")
    assert (await ask("/start", language_code="xx")).startswith("diplowatch watches")
    assert (await ask("/start", language_code=None)).startswith("diplowatch watches")


async def test_formatted_messages_and_errors_are_translated(ask, deps):
    # Telegram is not answered for unknown commands; the console and dispatch are
    unknown = await dispatch(deps, Request(USER, USER, "frob", language_code="ru"))
    assert unknown.text == "Неизвестная команда /frob. Список команд: /help."
    too_long = await dispatch(deps, Request(USER, USER, "search", ["x" * 5000], language_code="uk"))
    assert too_long.text.startswith("Задовго (не більше ")
    assert await ask("/recognized", language_code="uk") == (
        "Яке утворення? Наприклад /recognized kosovo, /recognized dpr, /recognized Абхазія")
    assert await ask("/help frob", language_code="uk") == "Команди /frob немає. Усі команди: /help."


async def test_language_overrides_telegram_and_is_kept_per_chat(ask, deps):
    assert "Русский" in await ask("/language", language_code="ru")
    assert await ask("/language en", language_code="ru") == (
        "Done: this chat now gets its answers in English.")
    assert chats.chat_language(deps.db, USER) == "en"  # in SQLite
    assert (await ask("/start", language_code="ru")).startswith("diplowatch watches")
    assert await ask("/language uk", language_code="ru") == (
        "Готово: тепер бот відповідає в цьому чаті мовою «Українська».")
    assert (await ask("/start", language_code="en")).startswith("diplowatch стежить")
    assert await ask("/language fr", language_code="en") == (
        "Мови «fr» поки немає. Виберіть en, ru або uk, наприклад /language uk")
    assert chats.chat_language(deps.db, USER) == "uk"


async def test_a_groups_language_is_chosen_by_its_admins(ask, deps, bot_api: FakeBotAPI):
    bot_api.set_member(GROUP, USER, "member")
    refused = await ask("/language ru", language_code="ru", chat=GROUP, chat_type="supergroup",
                        title="g")
    assert refused.startswith("В группе менять подписки могут только её администраторы")
    assert chats.chat_language(deps.db, GROUP) is None
    bot_api.set_member(GROUP, USER, "administrator")
    await ask("/language uk", language_code="ru", chat=GROUP, chat_type="supergroup", title="g")
    assert chats.chat_language(deps.db, GROUP) == "uk"
    assert (await ask("/start", language_code="en", chat=GROUP, chat_type="supergroup",
                      title="g")).startswith("diplowatch стежить")
