"""The bot's languages (texts/i18n.py): complete catalogues, and the language picked per chat from
Telegram's language_code or /language, through the real PTB Application and the fake Bot API."""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from telegram import Update

from diplowatch import ledger, pipeline, texts
from diplowatch.config import Settings
from diplowatch.delivery import Sender, SendPolicy, telegram_send
from diplowatch.handlers import dispatch
from diplowatch.handlers.core import Deps, Request
from diplowatch.models import Event, Statement
from diplowatch.store import chats, open_db
from diplowatch.texts import i18n
from tests.fakes.bot_api import FakeBotAPI, parse_html
from tests.fakes.ptb import diplowatch_app

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
USER, GROUP = 2002, -100777
SHIPPED = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT]
PACKAGE = Path(i18n.__file__).parents[1]


def placeholders(text: str) -> list[str]:
    """What a translation must keep as it is: {fields}, HTML tags and /commands. The case a
    name takes ({target:acc}, names/display_names.py) is the translator's choice."""
    text = re.sub(r":(?:gen|acc)\}", "}", text)
    return sorted(re.findall(r"\{\w*(?:![rsa])?(?::[^}]*)?\}|</?(?:b|i|u|s|a|code|pre|blockquote)\b[^>]*>"
                             r"|(?<![\w/])/\w+", text))


@functools.cache
def marked() -> dict[tuple[str | None, str | tuple[str, ...]], str]:
    """Every message the source marks for translation (_, ngettext, pgettext, N_), as Babel's
    extractor finds them: (context, msgid) → where."""
    found = {}
    for path, line, message, _comments, context in extract_from_dir(
            PACKAGE, method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS):
        found[(context, message)] = f"{path}:{line}"
    return found


def po_catalogue(language: str) -> Catalog:
    with i18n.po_path(language).open("rb") as po:
        return read_po(po, locale=language, domain=i18n.DOMAIN)


def problems(catalogue: Catalog) -> list[str]:
    """What a catalogue lacks against the source: missing, fuzzy or empty messages, plural
    forms short of the language's, placeholders that differ, messages no longer marked."""
    found, entries = [], {(m.context, m.id): m for m in catalogue if m.id}
    for key, where in marked().items():
        entry = entries.get(key)
        english = key[1] if isinstance(key[1], tuple) else (key[1],)
        if entry is None or entry.fuzzy:
            found.append(f"{'fuzzy' if entry else 'missing'}: {english[0]!r} ({where})")
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if len(strings) != (catalogue.num_plurals if len(english) > 1 else 1) or not all(strings):
            found.append(f"untranslated: {english[0]!r} ({where})")
        found += [f"placeholders differ: {english[0]!r} → {string!r}" for string in strings
                  if string and placeholders(string) != placeholders(english[-1])]
    found += [f"stale: {key[1]!r}" for key in set(entries) - set(marked())]
    return found


def test_the_source_marks_messages():
    assert len(marked()) > 200
    assert (None, texts.START) in marked()


@pytest.mark.parametrize("language", SHIPPED)
def test_every_message_has_a_translation(language):
    assert problems(po_catalogue(language)) == [], "make messages, then translate"


def test_a_missing_message_or_placeholder_fails_the_check():
    catalogue = po_catalogue("ru")
    catalogue.delete(texts.START)
    entry = catalogue.get(texts.TOO_LONG)
    assert entry is not None
    entry.string = entry.string.replace("{limit}", "{limits}")
    catalogue.add("An old message", "Старое сообщение")
    found = sorted(problems(catalogue))
    assert len(found) == 3, found
    assert found[0].startswith('missing: "<b>diplowatch</b> watches')
    assert found[1].startswith("placeholders differ: 'That is too long")
    assert found[2] == "stale: 'An old message'"


def test_a_case_is_the_translators_but_a_field_is_not():
    assert placeholders("{actor} признаёт {target:acc}") == placeholders("{actor} recognizes {target}")
    assert placeholders("{actor} признаёт {target:dat}") != placeholders("{actor} recognizes {target}")


@pytest.mark.parametrize(("chosen", "code", "language"), [
    (None, "ru", "ru"), (None, "ru-RU", "ru"), (None, "uk", "uk"), (None, "UK_ua", "uk"),
    (None, "en-GB", "en"), (None, "xx", "en"), (None, None, "en"), (None, "", "en"),
    ("en", "ru", "en"), ("uk", "ru", "uk"), ("pt", "ru", "ru"),
    (None, "es-419", "es"), (None, "fr-CA", "fr"), (None, "de-AT", "de"), (None, "de-CH", "de"),
    (None, "pt", "en"), (None, "pt-BR", "en"), ("de", "es", "de"),
])
def test_pick(chosen, code, language):
    assert i18n.pick(chosen, code) == language


@pytest.fixture
def deps(tmp_path):
    db = open_db(tmp_path / "t.db")
    ledger.load_seed(db, now=NOW)
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
    assert await ask("/language pt", language_code="en") == (
        "Мови «pt» поки немає. Виберіть одну з: en, ru, uk, es, fr, de, наприклад /language uk")
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


# ---- alerts and corrections: one rendering per language, each chat gets its own -------------

EN_CHAT, RU_CHAT, UK_CHAT = 501, 502, 503


def post(db, monkeypatch, n: int, act: str, *, source: str, at: datetime) -> None:
    text = f"Statement {n} on the Donetsk People's Republic."
    monkeypatch.setattr(pipeline, "extract", lambda t, lang=None: [
        Event("TG", "donetsk-pr", act, evidence=text, confidence=0.95)])
    pipeline.ingest(db, [Statement(source, f"guid:{n}", f"https://{source}.example/{n}", "", text,
                                   published_at=at)], now=at, policy=None)


async def test_alerts_and_corrections_reach_each_chat_in_its_language(ask, deps, bot_api, monkeypatch):
    await ask("/subscribe dpr", language_code="en", chat=EN_CHAT)
    await ask("/language ru", language_code="en", chat=RU_CHAT)  # chosen: beats Telegram's
    await ask("/subscribe dpr", language_code="en", chat=RU_CHAT)
    await ask("/subscribe днр", language_code="uk-UA", chat=UK_CHAT)  # Telegram's language
    deps.db.execute("INSERT INTO sources (name, kind, url, interval, official, settings) VALUES"
                    " ('mfa-tg', 'rss', 'https://mfa-tg.example/feed', 300, 1, '{\"state\": \"TG\"}')")
    post(deps.db, monkeypatch, 1, "recognize", source="mfa-tg", at=NOW)
    post(deps.db, monkeypatch, 2, "reject", source="mfa-tg", at=NOW + timedelta(hours=1))
    assert deps.db.execute("SELECT count(*) FROM alert_texts").fetchone()[0] == 10  # 2 alerts × ru, uk, es, fr, de
    async with bot_api.bot() as bot:
        sender = Sender(deps.db, telegram_send(bot), policy=SendPolicy(rate=1000, private_interval=0))
        await sender.drain_once(now=NOW + timedelta(hours=2))

    def received(chat: int) -> list[str]:
        return [parse_html(m.text) for m in bot_api.sent_messages(chat)[1:]]  # after the reply

    [en], [ru], [uk] = received(EN_CHAT), received(RU_CHAT)[1:], received(UK_CHAT)  # merged
    assert en.splitlines()[:2] == [
        "🟢 Togo recognizes the Donetsk People's Republic — the 4th UN member state to do so, "
        "after Russia (21 Feb 2022), Syria (29 Jun 2022) and North Korea (13 Jul 2022)",
        "Announced by the government of Togo (mfa-tg)."]
    assert ru.splitlines()[:2] == [
        "🟢 Того признаёт Донецкую Народную Республику — 4-е государство — член ООН, сделавшее "
        "это, после: Россия (21 февраля 2022), Сирия (29 июня 2022) и КНДР (13 июля 2022)",
        "Официальное заявление: правительство — Того (mfa-tg)."]
    assert uk.splitlines()[:2] == [
        "🟢 Того визнає Донецьку Народну Республіку — 4-а держава — член ООН, що зробила це, "
        "після: Росія (21 лютого 2022), Сирія (29 червня 2022) і КНДР (13 липня 2022)",
        "Офіційна заява: уряд — Того (mfa-tg)."]
    assert "\n⚪ Togo does not recognize the Donetsk People's Republic\n" in en
    assert "\n⚪ Того не признаёт Донецкую Народную Республику\n" in ru
    assert "\n⚪ Того не визнає Донецьку Народну Республіку\n" in uk
    assert ru.endswith("25 ноября 2026, 07:00 UTC") and uk.endswith("25 листопада 2026, 07:00 UTC")


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "❌ Correction: our alert that Togo recognizes Abkhazia was wrong: the government of "
           "Togo denied it (mfa-tg). The ledger is back to: Togo has no recorded position on Abkhazia."),
    ("ru", "❌ Поправка: наше оповещение «Того признаёт Абхазию» было ошибочным: правительство "
           "опровергает это — Того (mfa-tg). Реестр снова показывает: Того: позиция в отношении "
           "Абхазии не записана."),
    ("uk", "❌ Виправлення: наше сповіщення «Того визнає Абхазію» було помилковим: уряд спростовує "
           "це — Того (mfa-tg). Реєстр знову показує: Того: позицію щодо Абхазії не записано."),
    ("es", "❌ Corrección: nuestra alerta «Togo reconoce a Abjasia» era errónea: el Gobierno de Togo "
           "lo desmintió (mfa-tg). El registro vuelve a indicar: Togo: sin posición registrada "
           "respecto de Abjasia."),
    ("fr", "❌ Rectificatif : notre alerte « Togo : reconnaissance de l'Abkhazie » était erronée : le "
           "gouvernement (Togo, mfa-tg) l'a démenti. Le registre indique de nouveau : Togo : aucune "
           "position enregistrée à l'égard de l'Abkhazie."),
    ("de", "❌ Korrektur: unsere Meldung „Togo erkennt Abchasien an“ war falsch: die Regierung von "
           "Togo hat es dementiert (mfa-tg). Das Register zeigt wieder: Togo: keine Position "
           "hinsichtlich Abchasiens verzeichnet."),
])
def test_a_correction_in_each_language(language, expected):
    retraction = ledger.Retraction(event_id=1, actor="TG", target="abkhazia", act="recognize",
                                   status="unknown")
    _english, others = i18n.in_each_language(lambda: texts.correction(
        retraction, reason=lambda: texts.denial_reason("TG", "mfa-tg")))
    assert parse_html(others.get(language, _english)) == expected


async def test_ledger_answers_subscriptions_and_refusals_in_russian_and_ukrainian(ask):
    summary = await ask("/recognized kosovo", language_code="ru")
    assert summary.startswith("Косово\nПризнают 99 государств — членов ООН (учитывается")
    assert "Отозвали признание: 16 государств — членов ООН, последний отзыв — Сьерра-Леоне" in summary
    assert "Основа: 147 исторических актов с источниками" in summary
    assert "(Serbian President Vucic on 4 Jan 2023)" in summary  # a ledger note stays English
    assert (await ask("/recognized dpr", language_code="uk")).startswith(
        "Донецька Народна Республіка\nВизнають 3 держави — члени ООН")
    assert await ask("/subscribe Косово", language_code="ru") == (
        "Подписка оформлена: признания Косово. Управление: /subscriptions.")
    assert await ask("/subscribe state russia", language_code="uk") == (
        "Підписку оформлено: що визнає Росія. Керування: /subscriptions.")
    assert await ask("/unsubscribe 7", language_code="uk") == (
        "Підписки 7 немає: /subscriptions нумерує їх від 1 до 2.")
    assert await ask("/search (a)", language_code="ru") == (
        "Скобки в поиске не поддерживаются: напишите слова, OR между вариантами, -слово, чтобы "
        "его исключить (например /search признание Косово OR Абхазия -Сербия).")
    assert await ask("/recognized narnia", language_code="uk") == (
        "Невідоме утворення «narnia». Спробуйте /recognized kosovo або /subscribe dpr.")
    assert (await ask("/recognizes russia", language_code="ru")).splitlines()[2] == (
        "• 26 августа 2008 — признаёт Абхазию · источник")
    help_ru = await ask("/help", language_code="ru")
    assert help_ru.splitlines()[:2] == ["Команды", "/start — что делает этот бот, с примерами"]


@pytest.mark.parametrize(("n", "ru", "uk"), [
    (1, "признаёт 1 государство", "визнає 1 держава"),
    (3, "признают 3 государства", "визнають 3 держави"),
    (11, "признают 11 государств", "визнають 11 держав"),
    (21, "признаёт 21 государство", "визнає 21 держава"),
    (102, "признают 102 государства", "визнають 102 держави"),
])
def test_three_plural_forms(n, ru, uk):
    titles = {}
    for language in ("ru", "uk"):
        with i18n.speaking(language):
            titles[language] = texts.recognitions.page_title("list", n)
    assert (titles["ru"], titles["uk"]) == (ru, uk)
