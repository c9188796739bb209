"""Retraction by an administrator (/retract) and by the acting state's own denial: one
correction per chat that got the alert, as a reply to it, through the real Sender and PTB
against the fake Bot API; the ledger back to its status before; idempotent (docs/alerts.md)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from diplowatch import ledger, pipeline, texts
from diplowatch.config import Settings
from diplowatch.delivery import Sender, SendPolicy, telegram_send
from diplowatch.handlers import core
from diplowatch.handlers.core import Deps, Request
from diplowatch.models import AlertPolicy, Event, Statement
from diplowatch.store import chats, open_db

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
DPR = "donetsk-pr"
ADMIN = 1001
READERS = (42, 43, 44)
POLICY = AlertPolicy(confidence=0.8, max_wait=3600)
CLAIM = "Togo recognized the independence of the Donetsk People's Republic, TASS reports."
DENIAL = "The Ministry of Foreign Affairs of Togo: Togo does not recognize the Donetsk People's Republic."


@pytest.fixture
def deps(tmp_path):
    db = open_db(tmp_path / "retract.db")
    ledger.load_seed(db, now=NOW)
    for chat_id in READERS:
        chats.upsert_chat(db, chat_id, type="private", title="", now=NOW)
        chats.add_subscription(db, chat_id, "entity", DPR, now=NOW)
    for name, official, state in (("tass", 0, "{}"), ("mfa-tg", 1, '{"state": "TG"}')):
        db.execute("INSERT INTO sources (name, kind, url, interval, official, settings)"
                   " VALUES (?, 'rss', ?, 300, ?, ?)", [name, f"https://{name}.example/feed", official, state])
    deps = Deps(db, Settings(admin_ids=frozenset({ADMIN})), lambda: NOW + timedelta(hours=1))
    yield deps
    db.close()


def post(db, monkeypatch, source, n, act, text, *, confidence=0.9, at=NOW):
    monkeypatch.setattr(pipeline, "extract", lambda t, lang=None: [
        Event("TG", DPR, act, evidence=text, confidence=confidence)])
    pipeline.ingest(db, [Statement(source, f"guid:{n}", f"https://{source}.example/{n}", "", text,
                                   published_at=at)], now=at, policy=POLICY)


def status(db):
    row = next(db.query("SELECT status FROM recognitions WHERE actor = 'TG' AND target = ?", [DPR]), None)
    return row["status"] if row else "unknown"


def claim_id(db):
    return next(db.query("SELECT id FROM events WHERE act = 'recognize' AND source = 'tass'"))["id"]


async def admin(deps, text, *, user=ADMIN):
    name, *args = text.split()
    return (await core.dispatch(deps, Request(user, user, name.lstrip("/"), args))).text


async def deliver(bot_api, db, *at):
    async with bot_api.bot() as bot:
        sender = Sender(db, telegram_send(bot),
                        policy=SendPolicy(rate=1000, private_interval=0))
        for when in at:
            await sender.drain_once(now=when)


def assert_one_correction_each(bot_api, start):
    for chat_id in READERS:
        alert, correction = bot_api.sent_messages(chat_id)
        assert correction.text.startswith(start), correction.text
        assert "The ledger is back to: Togo has no recorded position on the Donetsk People's Republic." in correction.text
        assert correction.params["reply_parameters"]["message_id"] == alert.message_id


async def test_an_admin_retraction_corrects_every_chat_once_and_restores_the_ledger(deps, bot_api, monkeypatch):
    post(deps.db, monkeypatch, "tass", 1, "recognize", CLAIM)
    await deliver(bot_api, deps.db, NOW + timedelta(minutes=1))
    assert status(deps.db) == "recognizes"
    event_id = claim_id(deps.db)
    answer = await admin(deps, f"/retract {event_id} the ministry denied it")
    assert answer == texts.escape(
        f"❌ Retracted #{event_id} (Togo recognizes the Donetsk People's Republic); 3 corrections queued. "
        "Ledger: Togo has no recorded position on it.")
    assert await admin(deps, f"/retract {event_id}") == texts.RETRACT_ALREADY.format(id=event_id)
    await deliver(bot_api, deps.db, NOW + timedelta(hours=2), NOW + timedelta(hours=3))
    assert_one_correction_each(bot_api, "❌ <b>Correction</b>: our alert that Togo recognizes the Donetsk "
                                        "People's Republic was wrong: an administrator found the report "
                                        "wrong (the ministry denied it).")
    assert status(deps.db) == "unknown"
    [label] = deps.db.query("SELECT decision, reason, admin_id, text FROM reviews")
    assert label == {"decision": "retract", "reason": "the ministry denied it", "admin_id": ADMIN,
                     "text": f"\n\n{CLAIM}"}


async def test_retracting_an_act_also_retracts_its_later_mentions(deps, monkeypatch):
    post(deps.db, monkeypatch, "tass", 1, "recognize", CLAIM)
    post(deps.db, monkeypatch, "tass", 2, "recognize", CLAIM + " Again.", at=NOW + timedelta(hours=1))
    await admin(deps, f"/retract {claim_id(deps.db)}")
    assert status(deps.db) == "unknown"
    assert [r["n"] for r in deps.db.query("SELECT count(*) AS n FROM events WHERE source = 'tass'"
                                          " AND retracted_at IS NULL")] == [0]


async def test_retract_refuses_bad_ids_the_seed_history_and_non_admins(deps, monkeypatch):
    post(deps.db, monkeypatch, "tass", 1, "recognize", CLAIM)
    seed = next(deps.db.query("SELECT id FROM events WHERE origin = 'seed' LIMIT 1"))["id"]
    assert await admin(deps, "/retract") == texts.RETRACT_USAGE
    assert await admin(deps, "/retract ١٢") == texts.RETRACT_USAGE
    assert await admin(deps, "/retract 999999") == texts.REVIEW_GONE.format(id=999999)
    assert await admin(deps, f"/retract {seed}") == texts.escape(texts.RETRACT_NOT_EXTRACTED.format(id=seed))
    assert await admin(deps, f"/retract {claim_id(deps.db)}", user=2002) == texts.ADMIN_ONLY
    assert status(deps.db) == "recognizes"
    assert list(deps.db.query("SELECT * FROM reviews")) == []


async def test_an_official_denial_retracts_the_alerted_report_with_one_correction_each(deps, bot_api, monkeypatch):
    post(deps.db, monkeypatch, "tass", 1, "recognize", CLAIM)
    await deliver(bot_api, deps.db, NOW + timedelta(minutes=1))
    post(deps.db, monkeypatch, "mfa-tg", 2, "reject", DENIAL, at=NOW + timedelta(hours=3))
    post(deps.db, monkeypatch, "mfa-tg", 3, "reject", DENIAL + " We repeat it.", at=NOW + timedelta(hours=4))
    await deliver(bot_api, deps.db, NOW + timedelta(hours=5), NOW + timedelta(hours=6))
    assert_one_correction_each(bot_api, "❌ <b>Correction</b>: our alert that Togo recognizes the Donetsk "
                                        "People's Republic was wrong: the government of Togo denied it (mfa-tg).")
    assert status(deps.db) == "unknown"  # the status before the report; the denial does not count
    held = [r["held"] for r in deps.db.query("SELECT held FROM events WHERE source = 'mfa-tg' ORDER BY id")]
    assert held[0] == "denial"


async def test_a_denial_of_a_held_report_retracts_it_without_a_correction(deps, bot_api, monkeypatch):
    post(deps.db, monkeypatch, "tass", 1, "recognize", CLAIM, confidence=0.6)  # held
    post(deps.db, monkeypatch, "mfa-tg", 2, "reject", DENIAL, at=NOW + timedelta(hours=1))
    assert pipeline.release_held(deps.db, policy=POLICY, now=NOW + timedelta(days=1)) == 0
    await deliver(bot_api, deps.db, NOW + timedelta(days=1))
    assert all(bot_api.sent_messages(chat_id) == [] for chat_id in READERS)
    assert status(deps.db) == "unknown"


async def test_a_denial_long_after_the_report_is_a_new_reject_not_a_correction(deps, monkeypatch):
    post(deps.db, monkeypatch, "tass", 1, "recognize", CLAIM)
    post(deps.db, monkeypatch, "mfa-tg", 2, "reject", DENIAL, at=NOW + ledger.MENTION_WINDOW + timedelta(days=1))
    assert status(deps.db) == "rejects"
    kinds = [r["kind"] for r in deps.db.query("SELECT kind FROM alerts ORDER BY id")]
    assert kinds == ["event-new", "event-new"]


@pytest.mark.slow
async def test_a_retraction_after_a_broadcast_to_1000_chats_corrects_each_exactly_once(deps, bot_api, monkeypatch):
    many = range(10_000, 11_000)
    with deps.db.atomic():
        for chat_id in many:
            chats.upsert_chat(deps.db, chat_id, type="private", title="", now=NOW)
            chats.add_subscription(deps.db, chat_id, "entity", DPR, now=NOW)
    post(deps.db, monkeypatch, "tass", 1, "recognize", CLAIM)
    await deliver(bot_api, deps.db, NOW + timedelta(minutes=1))
    await admin(deps, f"/retract {claim_id(deps.db)}")
    assert await admin(deps, f"/retract {claim_id(deps.db)}") == texts.RETRACT_ALREADY.format(id=claim_id(deps.db))
    await deliver(bot_api, deps.db, NOW + timedelta(hours=2), NOW + timedelta(hours=3))
    got = {}
    for message in bot_api.sent_messages():
        if message.text.startswith("❌"):
            got.setdefault(message.chat_id, []).append(message.params["reply_parameters"]["message_id"])
    alerts = {m.chat_id: m.message_id for m in bot_api.sent_messages() if not m.text.startswith("❌")}
    assert set(got) == {*many, *READERS}
    assert all(replies == [alerts[chat_id]] for chat_id, replies in got.items())
    assert status(deps.db) == "unknown"
