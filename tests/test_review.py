"""The review queue (docs/alerts.md, Review): /review cards and their buttons through the real
PTB Application against the fake Bot API, on a real SQLite file; refusals of forged, stale,
concurrent and non-admin presses."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest
from telegram import Update
from telegram.ext import Application

from diplowatch import handlers, ledger, pipeline, review, texts
from diplowatch.config import Settings
from diplowatch.handlers import core
from diplowatch.handlers.console import format_reply, parse_line
from diplowatch.handlers.core import Deps
from diplowatch.models import AlertPolicy, Event, Statement
from diplowatch.store import chats, open_db

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
DPR = "donetsk-pr"
ADMIN, OTHER_ADMIN, USER, READER = 1001, 1002, 2002, 42
POLICY = AlertPolicy(confidence=0.8, max_wait=3600)
TEXT = "Togo recognized the independence of the Donetsk People's Republic, TASS reports, citing Benin."


@pytest.fixture
def deps(tmp_path):
    db = open_db(tmp_path / "review.db")
    ledger.load_seed(db, now=NOW)
    chats.upsert_chat(db, READER, type="private", title="reader", now=NOW)
    chats.add_subscription(db, READER, "entity", DPR, now=NOW)
    db.execute("INSERT INTO sources (name, kind, url, interval, official, settings)"
               " VALUES ('tass', 'rss', 'https://tass.example/feed', 300, 0, '{}')")
    deps = Deps(db, Settings(admin_ids=frozenset({ADMIN, OTHER_ADMIN})), lambda: NOW + timedelta(minutes=5))
    yield deps
    db.close()


def hold(db, monkeypatch, n=1, *, act="recognize", actor="TG", text=TEXT) -> int:
    """A weak media report of ``actor`` ``act`` DPR, held by the policy; returns its event id."""
    monkeypatch.setattr(pipeline, "extract", lambda t, lang=None: [
        Event(actor, DPR, act, evidence=text, confidence=0.6)])
    pipeline.ingest(db, [Statement("tass", f"guid:{n}", f"https://tass.example/{n}", "", text,
                                   published_at=NOW)], now=NOW, policy=POLICY)
    return max(r["id"] for r in db.query("SELECT id FROM events WHERE held = 'awaiting'"))


def status(db, actor="TG"):
    row = next(db.query("SELECT status FROM recognitions WHERE actor = ? AND target = ?", [actor, DPR]), None)
    return row["status"] if row else "unknown"


def reader_alerts(db):
    return [r["text"] for r in db.query("SELECT a.text FROM alerts a JOIN outbox o ON o.alert_id = a.id"
                                        " WHERE o.chat_id = ? ORDER BY a.id", [READER])]


def labels(db):
    return [(r["event_id"], r["decision"], r["right_actor"], r["right_act"], r["admin_id"])
            for r in db.query("SELECT * FROM reviews ORDER BY id")]


@pytest.fixture
async def app(deps, bot_api, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(core.time, "monotonic", lambda: clock[0])
    application = Application.builder().token(bot_api.token).base_url(bot_api.base_url).updater(None).build()
    handlers.register(application, deps)
    async with application:
        application.clock = clock  # type: ignore[attr-defined]
        yield application


async def say(app, bot_api, text, *, user=ADMIN, chat=None, chat_type="private"):
    app.clock[0] += 2  # past the per-user throttle
    await app.process_update(Update.de_json(
        bot_api.inject_message(chat or user, text, user_id=user, chat_type=chat_type), app.bot))
    return bot_api.sent_messages(chat or user)[-1]


async def press(app, bot_api, data, *, user=ADMIN, chat=None, chat_type="private", message_id=None):
    """Press a button; returns the answerCallbackQuery text."""
    app.clock[0] += 2
    await app.process_update(Update.de_json(bot_api.inject_callback(
        chat or user, data, user_id=user, chat_type=chat_type, message_id=message_id), app.bot))
    return bot_api.calls_to("answerCallbackQuery")[-1].params.get("text")


def buttons(message) -> dict[str, str]:
    """label → callback data of a sent message, or of a call's params (an edit)."""
    markup = (message if isinstance(message, dict) else message.params).get("reply_markup")
    markup = json.loads(markup) if isinstance(markup, str) else markup
    return {b["text"]: b["callback_data"] for row in markup["inline_keyboard"] for b in row}


async def test_review_shows_a_held_report_as_a_card_with_the_four_buttons(app, bot_api, deps, monkeypatch):
    event_id = hold(deps.db, monkeypatch)
    card = await say(app, bot_api, "/review")
    for part in ("Review 1 of 1", f"report #{event_id}", "<b>Togo</b> (TG) · recognize",
                 "Donetsk People's Republic", "Confidence 0.60", "media", "<blockquote>Togo recognized",
                 'href="https://tass.example/1"'):
        assert part in card.text
    assert list(buttons(card)) == [label for label, _ in texts.REVIEW_BUTTONS]
    assert await say(app, bot_api, "/review", user=USER) and bot_api.sent_messages(USER)[-1].text == texts.ADMIN_ONLY


async def test_confirm_sends_the_alert_and_changes_the_ledger(app, bot_api, deps, monkeypatch):
    event_id = hold(deps.db, monkeypatch)
    card = await say(app, bot_api, "/review")
    answer = await press(app, bot_api, buttons(card)["✅ Confirm"], message_id=card.message_id)
    assert answer.startswith(f"✅ Confirmed #{event_id} (Togo recognizes the Donetsk People's Republic); "
                             "alert queued for 1 chat.")
    assert status(deps.db) == "recognizes"
    [alert] = reader_alerts(deps.db)
    assert "Togo recognizes the Donetsk People's Republic" in alert
    assert labels(deps.db) == [(event_id, "confirm", None, None, ADMIN)]
    edited = bot_api.calls_to("editMessageText")[-1].params["text"]
    assert edited.endswith(texts.REVIEW_EMPTY)


async def test_not_a_recognition_retracts_the_report_without_an_alert(app, bot_api, deps, monkeypatch):
    event_id = hold(deps.db, monkeypatch)
    card = await say(app, bot_api, "/review")
    await press(app, bot_api, buttons(card)["🚫 Not a recognition"], message_id=card.message_id)
    assert status(deps.db) == "unknown" and reader_alerts(deps.db) == []
    assert deps.db.table("events").get(event_id)["retracted_at"] is not None
    assert labels(deps.db) == [(event_id, "not-recognition", None, None, ADMIN)]
    assert pipeline.release_held(deps.db, policy=POLICY, now=NOW + timedelta(days=1)) == 0


async def test_wrong_act_offers_the_other_acts_and_records_the_right_one(app, bot_api, deps, monkeypatch):
    event_id = hold(deps.db, monkeypatch)
    card = await say(app, bot_api, "/review")
    await press(app, bot_api, buttons(card)["✏️ Wrong act"], message_id=card.message_id)
    offer = bot_api.calls_to("editMessageText")[-1].params
    offered = buttons(offer)
    assert texts.REVIEW_ASK_ACT in offer["text"] and list(offered) == ["withdraw", "reject", texts.REVIEW_BACK]
    answer = await press(app, bot_api, offered["reject"], message_id=card.message_id)
    assert answer.startswith(f"✏️ #{event_id} corrected to: reject")
    assert status(deps.db) == "rejects"
    assert labels(deps.db) == [(event_id, "wrong-act", None, "reject", ADMIN)]
    assert "Togo does not recognize" in reader_alerts(deps.db)[0]


async def test_wrong_actor_offers_the_states_named_and_takes_a_typed_one(app, bot_api, deps, monkeypatch):
    event_id = hold(deps.db, monkeypatch)
    card = await say(app, bot_api, "/review")
    await press(app, bot_api, buttons(card)["👤 Wrong actor"], message_id=card.message_id)
    offer = bot_api.calls_to("editMessageText")[-1].params
    assert texts.escape(texts.REVIEW_ASK_ACTOR.format(id=event_id)) in offer["text"]
    assert "Benin" in buttons(offer)  # named in the statement
    reply = await say(app, bot_api, f"/review {event_id} actor north korea")
    assert reply.text.startswith(f"👤 #{event_id} corrected to: North Korea")
    assert (status(deps.db), status(deps.db, "KP")) == ("unknown", "recognizes")
    assert labels(deps.db) == [(event_id, "wrong-actor", "KP", None, ADMIN)]


async def test_non_admins_and_admins_in_a_group_are_refused_on_the_button(app, bot_api, deps, monkeypatch):
    event_id = hold(deps.db, monkeypatch)
    data = buttons(await say(app, bot_api, "/review"))["✅ Confirm"]
    assert await press(app, bot_api, data, user=USER) == texts.REVIEW_ADMINS_ONLY
    assert await press(app, bot_api, data, user=ADMIN, chat=-100500, chat_type="supergroup") == texts.REVIEW_ADMINS_ONLY
    assert status(deps.db) == "unknown" and labels(deps.db) == []
    assert deps.db.table("events").get(event_id)["held"] == "awaiting"


@pytest.mark.parametrize("forged", ["rv", "rv:abc:c::0123456789", "rv:{id}:z::{stamp}", "rv:{id}:c::0123456789",
                                    "rv:{id}:c:{stamp}", "rv:99999:c::{stamp}", "rv:{id}:a:recognize:{stamp}",
                                    "rv:{id}:w:ZZ:{stamp}"])
async def test_forged_button_data_is_refused_and_changes_nothing(app, bot_api, deps, monkeypatch, forged):
    event_id = hold(deps.db, monkeypatch)
    data = forged.format(id=event_id, stamp=review.stamp(deps.db.table("events").get(event_id)))
    answer = await press(app, bot_api, data)
    assert answer in (texts.STALE_BUTTON, texts.REVIEW_CHANGED.format(id=event_id),
                      texts.REVIEW_GONE.format(id=99999), texts.REVIEW_BAD_VALUE.format(value=(data.split(":") + ["", "", ""])[3]))
    assert status(deps.db) == "unknown" and labels(deps.db) == [] and reader_alerts(deps.db) == []
    assert deps.db.table("events").get(event_id)["held"] == "awaiting"


async def test_a_stale_button_is_refused_after_a_decision_or_a_release(app, bot_api, deps, monkeypatch):
    first = hold(deps.db, monkeypatch, 1)
    second = hold(deps.db, monkeypatch, 2, actor="BJ", text="Benin recognized the Donetsk People's Republic.")
    card = await say(app, bot_api, "/review")
    confirm = buttons(card)["✅ Confirm"]
    await press(app, bot_api, confirm)
    assert await press(app, bot_api, confirm) == texts.REVIEW_DECIDED.format(id=first, decision="confirm")
    again = await say(app, bot_api, "/review")
    assert f"report #{second}" in again.text, again.text
    later = buttons(again)["🚫 Not a recognition"]
    pipeline.release_held(deps.db, policy=POLICY, now=NOW + timedelta(hours=2))  # out, unconfirmed
    assert await press(app, bot_api, later) == texts.REVIEW_CHANGED.format(id=second)
    assert status(deps.db, "BJ") == "recognizes" and len(labels(deps.db)) == 1


async def test_a_report_deleted_meanwhile_is_refused(app, bot_api, deps, monkeypatch):
    event_id = hold(deps.db, monkeypatch)
    data = buttons(await say(app, bot_api, "/review"))["✅ Confirm"]
    deps.db.execute("DELETE FROM events WHERE id = ?", [event_id])
    assert await press(app, bot_api, data) == texts.REVIEW_GONE.format(id=event_id)
    assert labels(deps.db) == [] and reader_alerts(deps.db) == []


async def test_two_admins_pressing_at_once_decide_once(app, bot_api, deps, monkeypatch):
    event_id = hold(deps.db, monkeypatch)
    data = buttons(await say(app, bot_api, "/review"))["✅ Confirm"]
    app.clock[0] += 2
    updates = [Update.de_json(bot_api.inject_callback(user, data, user_id=user), app.bot)
               for user in (ADMIN, OTHER_ADMIN)]
    await asyncio.gather(*(app.process_update(u) for u in updates))
    answers = [c.params.get("text") for c in bot_api.calls_to("answerCallbackQuery")]
    assert sorted(a.startswith("✅ Confirmed") for a in answers) == [False, True]
    assert texts.REVIEW_DECIDED.format(id=event_id, decision="confirm") in answers
    assert len(reader_alerts(deps.db)) == 1 and len(labels(deps.db)) == 1


async def test_the_console_chat_reviews_with_the_same_buttons(deps, monkeypatch, tmp_path):
    event_id = hold(deps.db, monkeypatch)
    card = await core.dispatch(deps, parse_line("/review"))
    shown = format_reply(card, save_dir=lambda: tmp_path)
    assert f"report #{event_id}" in shown and "[✅ Confirm → !rv:" in shown
    data = dict(card.buttons[0])["✅ Confirm"]
    done = await core.dispatch(deps, parse_line(f"!{data}"))
    assert format_reply(done, save_dir=lambda: tmp_path).startswith(f"✅ Confirmed #{event_id}")
    assert status(deps.db) == "recognizes" and labels(deps.db) == [(event_id, "confirm", None, None, 0)]


async def test_typed_values_are_checked_before_anything_changes(app, bot_api, deps, monkeypatch):
    event_id = hold(deps.db, monkeypatch)
    for text in ("/review x act reject", f"/review {event_id} actress x", f"/review {event_id} act"):
        assert (await say(app, bot_api, text)).text == texts.escape(texts.REVIEW_USAGE)
    assert (await say(app, bot_api, f"/review {event_id} act recognise")).text == texts.escape(
        texts.REVIEW_BAD_VALUE.format(value="recognise"))
    assert (await say(app, bot_api, f"/review {event_id} actor Togo")).text == texts.escape(
        texts.REVIEW_BAD_VALUE.format(value="TG"))
    assert "Unknown state" in (await say(app, bot_api, f"/review {event_id} actor Atlantis")).text
    assert labels(deps.db) == [] and deps.db.table("events").get(event_id)["held"] == "awaiting"
    done = await say(app, bot_api, f"/review {event_id} act withdraw")
    assert done.text.startswith(f"✏️ #{event_id} corrected to: withdraw")
    assert labels(deps.db) == [(event_id, "wrong-act", None, "withdraw", ADMIN)]


def test_admins_the_bot_can_write_to_are_told_of_each_held_report(deps, monkeypatch):
    chats.upsert_chat(deps.db, ADMIN, type="private", title="", now=NOW)  # OTHER_ADMIN never wrote
    policy = AlertPolicy(confidence=0.8, max_wait=3600, reviewers=frozenset({ADMIN, OTHER_ADMIN}))
    monkeypatch.setattr(pipeline, "extract", lambda t, lang=None: [
        Event("TG", DPR, "recognize", evidence=TEXT, confidence=0.6)])
    pipeline.ingest(deps.db, [Statement("tass", "guid:1", "https://tass.example/1", "", TEXT, published_at=NOW)],
                    now=NOW, policy=policy)
    rows = list(deps.db.query("SELECT a.kind, a.text, o.chat_id FROM alerts a JOIN outbox o ON o.alert_id = a.id"))
    assert rows == [{"kind": "review", "chat_id": ADMIN, "text": texts.escape(
        "🔎 Held for review: Togo recognizes the Donetsk People's Republic (reported by tass, confidence 0.60).")
        + " /review"}]
    assert reader_alerts(deps.db) == []


def test_the_reviewers_are_the_admin_ids():
    from diplowatch.config import load_settings

    assert load_settings({"DIPLOWATCH_ADMIN_IDS": "5, 6"}).alert_policy.reviewers == frozenset({5, 6})
    assert load_settings({}).alert_policy.reviewers == frozenset()


def test_no_notice_is_queued_when_no_admin_can_be_written_to(deps, monkeypatch):
    policy = AlertPolicy(confidence=0.8, max_wait=3600, reviewers=frozenset({ADMIN}))
    monkeypatch.setattr(pipeline, "extract", lambda t, lang=None: [
        Event("TG", DPR, "recognize", evidence=TEXT, confidence=0.6)])
    pipeline.ingest(deps.db, [Statement("tass", "guid:1", "https://tass.example/1", "", TEXT, published_at=NOW)],
                    now=NOW, policy=policy)
    assert list(deps.db.query("SELECT kind FROM alerts")) == []
    assert [r["held"] for r in deps.db.query("SELECT held FROM events WHERE origin = 'extracted'")] == ["awaiting"]
