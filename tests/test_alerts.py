"""Provenance, the alert policy, one-line confirmations and corrections (docs/alerts.md).

Real SQLite files; the follow-ups and corrections go through the real Sender and
python-telegram-bot against the fake Bot API, to check they reply to the first alert.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from diplowatch import ledger, pipeline, reprocess
from diplowatch.delivery import Sender, SendPolicy, telegram_send
from diplowatch.models import AlertPolicy, Event, Statement
from diplowatch.store import chats, open_db

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
DPR = "donetsk-pr"
OLD_DB = Path(__file__).parent / "data" / "upgrade" / "previous-release.db"
POLICY = AlertPolicy(confidence=0.8, max_wait=3600)
TEXT = "Togo recognized the independence of the Donetsk People's Republic."


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "alerts.db")
    ledger.load_seed(database, now=NOW)
    chats.upsert_chat(database, 42, type="private", title="reader", now=NOW)
    chats.add_subscription(database, 42, "entity", DPR, now=NOW)
    yield database
    database.close()


def add_source(db, name, *, official=False, state=None, url=None):
    settings = json.dumps({"state": state} if state else {})
    db.execute("INSERT INTO sources (name, kind, url, interval, official, settings) VALUES (?, 'rss', ?, 300, ?, ?)",
               [name, url or f"https://{name}.example/feed", int(official), settings])


def post(db, source, n, *, confidence=0.9, at=NOW, monkeypatch=None):
    """Ingest one statement of ``source``; the extractor is fixed to one TG→DPR recognition
    at ``confidence`` so the policy's threshold is what is tested."""
    monkeypatch.setattr(pipeline, "extract", lambda text, lang=None: [
        Event("TG", DPR, "recognize", evidence=TEXT, confidence=confidence)])
    batch = [Statement(source, f"guid:{n}", f"https://{source}.example/{n}", "", TEXT, published_at=at)]
    pipeline.ingest(db, batch, now=at, policy=POLICY)


def alerts(db):
    return list(db.query("SELECT a.kind, a.text, a.reply_to, o.chat_id FROM alerts a JOIN outbox o ON o.alert_id = a.id ORDER BY a.id"))


def kp_status(db):
    row = next(db.query("SELECT status FROM recognitions WHERE actor = 'TG' AND target = ?", [DPR]), None)
    return row["status"] if row else "unknown"


def test_official_self_alerts_at_once_and_says_who_announced(db, monkeypatch):
    add_source(db, "kcna", official=True, url="http://diplomatie.gouv.tg/rss")  # state from the .kp domain
    post(db, "kcna", 1, confidence=0.5, monkeypatch=monkeypatch)
    [alert] = alerts(db)
    assert "Announced by the government of Togo (kcna)." in alert["text"]
    assert [r["provenance"] for r in db.query("SELECT provenance FROM events WHERE origin = 'extracted'")] == ["official-self"]
    assert kp_status(db) == "recognizes"


def test_weak_media_report_waits_then_a_second_source_releases_it(db, monkeypatch):
    add_source(db, "tass")
    add_source(db, "ria")
    post(db, "tass", 1, confidence=0.6, monkeypatch=monkeypatch)
    post(db, "tass", 2, confidence=0.6, monkeypatch=monkeypatch)  # the same outlet again: no
    assert alerts(db) == [] and kp_status(db) == "unknown"
    post(db, "ria", 3, confidence=0.6, at=NOW + timedelta(minutes=5), monkeypatch=monkeypatch)
    [alert] = alerts(db)
    assert "Reported by tass and ria; not yet confirmed by Togo." in alert["text"]
    assert kp_status(db) == "recognizes"


def test_weak_media_report_goes_out_unconfirmed_after_the_maximum_wait(db, monkeypatch):
    add_source(db, "tass")
    post(db, "tass", 1, confidence=0.6, monkeypatch=monkeypatch)
    assert pipeline.release_held(db, policy=POLICY, now=NOW + timedelta(minutes=59)) == 0
    assert pipeline.release_held(db, policy=POLICY, now=NOW + timedelta(minutes=61)) == 1
    assert pipeline.release_held(db, policy=POLICY, now=NOW + timedelta(minutes=62)) == 0
    [alert] = alerts(db)
    assert alert["text"].startswith("⚠️ <b>Unconfirmed</b>")
    assert "reported by tass only; not confirmed by togo or a second source" in alert["text"].lower()
    assert kp_status(db) == "recognizes"


def test_confident_media_report_alerts_at_once(db, monkeypatch):
    add_source(db, "tass")
    post(db, "tass", 1, confidence=0.85, monkeypatch=monkeypatch)
    [alert] = alerts(db)
    assert "Reported by tass; not yet confirmed by Togo." in alert["text"]


def test_official_other_alerts_at_once_naming_that_government(db, monkeypatch):
    add_source(db, "pushilin", official=True, state=DPR, url="https://t.me/s/pushilindenis")
    post(db, "pushilin", 1, confidence=0.6, monkeypatch=monkeypatch)
    [alert] = alerts(db)
    assert ("Reported by the government of the Donetsk People's Republic (pushilin); "
            "not yet confirmed by Togo.") in alert["text"]


async def test_confirmation_is_one_line_replying_to_the_first_alert(db, monkeypatch, bot_api):
    add_source(db, "pushilin", official=True, state=DPR, url="https://t.me/s/pushilindenis")
    add_source(db, "kcna", official=True, state="TG")
    post(db, "pushilin", 1, monkeypatch=monkeypatch)
    async with bot_api.bot() as bot:
        sender = Sender(db, telegram_send(bot), policy=SendPolicy(rate=1000))
        await sender.drain_once(now=NOW + timedelta(minutes=1))
        post(db, "kcna", 2, at=NOW + timedelta(hours=2), monkeypatch=monkeypatch)
        await sender.drain_once(now=NOW + timedelta(hours=3))
    first, follow_up = bot_api.sent_messages(42)
    assert follow_up.text.startswith("✅ Confirmed by the government of Togo (kcna): "
                                     "Togo recognizes the Donetsk People's Republic.")
    assert "\n" not in follow_up.text and "UN member" not in follow_up.text
    assert follow_up.params["reply_parameters"]["message_id"] == first.message_id


async def test_retraction_by_reprocess_corrects_each_chat_once(db, monkeypatch, bot_api):
    for chat_id in (43, 44):
        chats.upsert_chat(db, chat_id, type="private", title="", now=NOW)
        chats.add_subscription(db, chat_id, "entity", DPR, now=NOW)
    add_source(db, "kcna", official=True, state="TG")
    post(db, "kcna", 1, monkeypatch=monkeypatch)
    async with bot_api.bot() as bot:
        sender = Sender(db, telegram_send(bot),
                        policy=SendPolicy(rate=1000, private_interval=0))
        await sender.drain_once(now=NOW + timedelta(minutes=1))
        monkeypatch.setattr(reprocess, "extract", lambda text, lang=None: [])
        totals = reprocess.reprocess_archive(db, now=NOW + timedelta(days=1))
        again = reprocess.reprocess_archive(db, now=NOW + timedelta(days=2))
        await sender.drain_once(now=NOW + timedelta(days=2))
        await sender.drain_once(now=NOW + timedelta(days=3))
    assert (totals.corrections, again.corrections) == (3, 0)
    assert kp_status(db) == "unknown"  # back to the status before the act
    for chat_id in (42, 43, 44):
        alert, correction = bot_api.sent_messages(chat_id)
        assert correction.text.startswith("❌ <b>Correction</b>: our alert that Togo recognizes")
        assert "The ledger is back to: Togo has no recorded position on the Donetsk People's Republic." in correction.text
        assert correction.params["reply_parameters"]["message_id"] == alert.message_id


def test_retraction_before_sending_drops_the_alert_and_sends_no_correction(db, monkeypatch):
    add_source(db, "kcna", official=True, state="TG")
    post(db, "kcna", 1, monkeypatch=monkeypatch)
    monkeypatch.setattr(reprocess, "extract", lambda text, lang=None: [])
    assert reprocess.reprocess_archive(db, now=NOW + timedelta(days=1)).corrections == 0
    assert [r["state"] for r in db.query("SELECT state FROM outbox")] == ["dropped"]


def test_upgrade_fills_provenance_of_existing_events(tmp_path):
    path = tmp_path / "old.db"
    shutil.copyfile(OLD_DB, path)
    db = open_db(path)
    rows = {(r["origin"], r["provenance"]) for r in db.query("SELECT origin, provenance FROM events")}
    db.close()
    assert ("extracted", "media") in rows  # its source was not official
    assert all(p is None for o, p in rows if o != "extracted")
