"""Inline mode (handlers/inline.py): ``@bot kosovo`` in any chat, through the real PTB
Application and the fake Bot API, which checks answerInlineQuery as Telegram does."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from telegram import Update

from diplowatch import ledger
from diplowatch.config import Settings
from diplowatch.handlers.core import Deps
from diplowatch.handlers.inline import CACHE_SECONDS, MAX_QUERY, clean_query
from diplowatch.handlers.subscriptions import COMMON
from diplowatch.texts import recognitions as answers
from tests.fakes.bot_api import FakeBotAPI, parse_html
from tests.fakes.ptb import diplowatch_app

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
USER = 2002
HEADER = "actor,target,act,date,date_precision,source_url,note\n"


@pytest.fixture
def deps(db):
    """The fresh store of conftest's ``db``, with the seed history."""
    ledger.load_seed(db, now=NOW)
    return Deps(db, Settings(), lambda: NOW)


@pytest.fixture
async def app(deps, bot_api: FakeBotAPI, monkeypatch):
    async with diplowatch_app(bot_api, deps, monkeypatch) as (application, _clock):
        yield application


async def inline(app, bot_api: FakeBotAPI, query: str, **kw) -> dict:
    """Type ``@bot query``; the parameters of the bot's answerInlineQuery."""
    before = len(bot_api.calls_to("answerInlineQuery"))
    update = bot_api.inject_inline_query(USER, query, **kw)
    await app.process_update(Update.de_json(update, app.bot))
    calls = bot_api.calls_to("answerInlineQuery")[before:]
    assert len(calls) == 1 and calls[0].status == 200, calls
    assert calls[0].params["inline_query_id"] == update["inline_query"]["id"]
    return calls[0].params


def texts_of(answer: dict) -> list[str]:
    return [r["input_message_content"]["message_text"] for r in answer["results"]]


async def test_a_name_offers_the_recognized_summary_to_share(app, bot_api, deps):
    answer = await inline(app, bot_api, "kosovo")
    (result,) = answer["results"]
    expected = answers.recognized_summary("XK", ledger.summary_of(deps.db, "XK"))
    assert result["type"] == "article" and result["id"] == "XK" and result["title"] == "Kosovo"
    assert result["input_message_content"]["message_text"] == expected
    assert result["input_message_content"]["parse_mode"] == "HTML"
    assert result["description"].startswith("Recognized by ") and "UN member states" in result["description"]
    assert int(answer["cache_time"]) == CACHE_SECONDS and answer["is_personal"] == "true"
    assert "button" not in answer
    # the same summary /recognized answers in a chat
    update = bot_api.inject_message(USER, "/recognized kosovo", user_id=USER)
    await app.process_update(Update.de_json(update, app.bot))
    assert bot_api.sent_messages(USER)[-1].text == expected


@pytest.mark.parametrize("query", ["Косово", "dpr", "Абхазию"])
async def test_names_in_any_language_resolve(app, bot_api, query):
    answer = await inline(app, bot_api, query)
    assert len(answer["results"]) == 1


async def test_an_empty_query_offers_the_common_entities(app, bot_api):
    answer = await inline(app, bot_api, "")
    assert [r["id"] for r in answer["results"]] == list(COMMON)
    assert all(parse_html(t).startswith(r["title"]) for t, r in zip(texts_of(answer), answer["results"], strict=True))


async def test_an_unknown_name_offers_nothing_and_a_way_to_the_bot(app, bot_api):
    answer = await inline(app, bot_api, "narnia")
    assert answer["results"] == []
    assert answer["button"] == {"text": "No entity by that name: tap for examples",
                                "start_parameter": "inline"}


@pytest.mark.parametrize("query", [
    "<b>kosovo</b><script>alert(1)</script>",
    "kosovo" + "a" * 5000,
    "\x00\x07\x1b[31m\u202ekosovo",
    "&amp; &lt;b&gt;",
    "\U0001F1FD\U0001F1F0" * 200,
])
async def test_hostile_text_is_answered_safely(app, bot_api, query):
    answer = await inline(app, bot_api, query)  # the fake parses every card's HTML
    for text in texts_of(answer):
        assert "<script>" not in text and "\x1b" not in text and "aaaa" not in text
    assert len(answer["results"]) <= 1


def test_clean_query():
    assert clean_query("  ko\x00so\tvo \n") == "ko so vo"
    assert clean_query("\u202ekosovo\x1b") == "kosovo"
    assert len(clean_query("x" * 10_000)) == MAX_QUERY


async def test_answers_are_cached_until_the_ledger_changes(app, bot_api, deps):
    cache = app.bot_data["inline_cards"]
    first = texts_of(await inline(app, bot_api, "dpr"))
    await inline(app, bot_api, "DPR")  # the same query, cased otherwise
    await inline(app, bot_api, "dpr")
    assert cache.built == 1
    ledger.import_csv(deps.db, io.StringIO(
        HEADER + "BY,donetsk-pr,recognize,2025-06-01,day,https://example.org/by,\n"), now=NOW)
    second = texts_of(await inline(app, bot_api, "dpr"))
    assert cache.built == 2 and first != second
    assert "Belarus" in parse_html(second[0]) and "Belarus" not in parse_html(first[0])


async def test_a_failing_store_answers_empty_in_time(app, bot_api, deps, caplog):
    deps.db.execute("DROP TABLE ledger_revision")  # every read of the revision fails
    answer = await inline(app, bot_api, "kosovo")
    assert answer["results"] == [] and "button" in answer
    assert any("inline query failed" in r.message for r in caplog.records)


async def test_the_card_is_in_the_users_language(app, bot_api):
    answer = await inline(app, bot_api, "днр", language_code="ru")
    (result,) = answer["results"]
    assert result["title"] == "Донецкая Народная Республика"
    assert result["description"].startswith("Признают 3 государства — члена ООН")
    uk = await inline(app, bot_api, "dpr", language_code="uk")
    assert uk["results"][0]["title"] == "Донецька Народна Республіка"


@pytest.mark.parametrize(("code", "query", "title", "summary"), [
    ("es-ES", "Abjasia", "Abjasia", "Reconocen: 5 Estados miembros de la ONU"),
    ("fr", "Abkhazie", "Abkhazie", "Reconnaissance par 5 États membres de l'ONU"),
    ("de-AT", "Abchasien", "Abchasien", "Anerkannt von 5 UN-Mitgliedstaaten"),
])
async def test_the_card_in_spanish_french_and_german(app, bot_api, code, query, title, summary):
    (result,) = (await inline(app, bot_api, query, language_code=code))["results"]
    assert (result["title"], result["description"].split(" (")[0]) == (title, summary)
