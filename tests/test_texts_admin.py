"""Administrators' replies (texts/admin.py) in the administrator's language: the source commands,
/stats, the review notice, cards, buttons and outcomes, through the real PTB Application and the
fake Bot API (fixtures of test_review.py); English stays as test_review.py checks it."""

from __future__ import annotations

import pytest

from diplowatch import pipeline
from diplowatch.delivery import Sender, SendPolicy, telegram_send
from diplowatch.models import AlertPolicy, Event, Statement
from tests import test_review as base
from tests.fakes.bot_api import parse_html
from tests.test_review import ADMIN, DPR, NOW, TEXT, buttons, hold, press, say

app, deps = base.app, base.deps  # the fixtures: a store with a reader of DPR, PTB with admins


async def test_source_commands_and_stats_in_german(app, bot_api):
    await say(app, bot_api, "/language de")

    async def answer(command: str) -> str:
        return parse_html((await say(app, bot_api, command)).text)

    assert await answer("/removesource nosuch") == "Keine Quelle namens „nosuch“. Die Liste zeigt /sources."
    assert await answer("/pausesource") == (
        "Verwendung: /pausesource <Name> — oder /pausesource <Name> off zum Fortsetzen")
    assert await answer("/addsource x rss https://x.example/rss") == (
        "Quelle x (rss) https://x.example/rss hinzugefügt; erster Abruf innerhalb einer Minute.")
    assert await answer("/addsource x rss https://x.example/rss") == (
        "Eine Quelle namens „x“ gibt es bereits. Wählen Sie einen anderen Namen.")
    assert await answer("/pausesource x") == "Quelle pausiert. Fortsetzen mit /pausesource <Name> off."
    assert await answer("/removesource x") == "Quelle entfernt. Ihre Erklärungen bleiben im Archiv."
    assert (await answer("/stats")).splitlines()[:3] == [
        "Statistik", "Erklärungen: 0", "Chats, in die der Bot schreiben kann: 2"]
    assert "/review — zurückgehaltene Meldungen, die auf eine Entscheidung warten" in await answer("/help")


@pytest.mark.parametrize(("language", "card", "labels", "outcome", "stale"), [
    ("fr", ["🔎 Vérification 1 sur 1 · signalement n° {id}",
            "Togo (TG) · recognize · République populaire de Donetsk (donetsk-pr)",
            "Confiance 0.60 · media · en attente depuis le 1 mars 2026, 12:00 UTC"],
     ["✅ Confirmer", "🚫 Pas une reconnaissance", "✏️ Mauvais acte", "👤 Mauvais acteur"],
     "✅ Confirmé : n° {id} (Togo : reconnaissance de la République populaire de Donetsk) ; alerte "
     "en file pour 1 chat. Registre : Togo reconnaît.",
     "Le signalement n° {id} a déjà été tranché (confirm). Envoyez /review pour le suivant."),
    ("ru", ["🔎 Проверка: 1 из 1 · сообщение #{id}",
            "Того (TG) · recognize · Донецкая Народная Республика (donetsk-pr)",
            "Уверенность 0.60 · media · ждёт с 1 марта 2026, 12:00 UTC"],
     ["✅ Подтвердить", "🚫 Не признание", "✏️ Не тот акт", "👤 Не тот субъект"],
     "✅ Подтверждено #{id} (Того признаёт Донецкую Народную Республику); оповещение поставлено в "
     "очередь для 1 чата. Реестр: Того признаёт.",
     "По сообщению #{id} уже принято решение (confirm). Следующее: /review."),
])
async def test_a_review_in_the_admins_language(app, bot_api, deps, monkeypatch, language, card,
                                               labels, outcome, stale):
    await say(app, bot_api, f"/language {language}")
    event_id = hold(deps.db, monkeypatch)
    shown = await say(app, bot_api, "/review")
    assert parse_html(shown.text).splitlines()[:3] == [line.format(id=event_id) for line in card]
    assert list(buttons(shown)) == labels
    confirm = buttons(shown)[labels[0]]
    assert await press(app, bot_api, confirm, message_id=shown.message_id) == outcome.format(id=event_id)
    assert await press(app, bot_api, confirm, message_id=shown.message_id) == stale.format(id=event_id)


async def test_the_held_report_notice_reaches_each_admin_in_their_language(app, bot_api, deps,
                                                                           monkeypatch):
    await say(app, bot_api, "/language es")
    policy = AlertPolicy(confidence=0.8, max_wait=3600, reviewers=frozenset({ADMIN}))
    monkeypatch.setattr(pipeline, "extract", lambda t, lang=None: [
        Event("TG", DPR, "recognize", evidence=TEXT, confidence=0.6)])
    pipeline.ingest(deps.db, [Statement("tass", "guid:1", "https://tass.example/1", "", TEXT,
                                        published_at=NOW)], now=NOW, policy=policy)
    async with bot_api.bot() as bot:
        sender = Sender(deps.db, telegram_send(bot), policy=SendPolicy(rate=1000, private_interval=0))
        await sender.drain_once(now=NOW)
    assert parse_html(bot_api.sent_messages(ADMIN)[-1].text) == (
        "🔎 Retenido para revisión: Togo reconoce a la República Popular de Donetsk (comunicado por "
        "tass, confianza 0.60). /review")

