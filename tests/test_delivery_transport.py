"""How a message leaves (delivery/transport.py): paid broadcasts, through the real PTB Bot and
the real Sender against the fake Bot API, metered as Telegram meters a bot (1000/s paid; the
free limit set at 5/s, far below what the sender sends at, however loaded the machine)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from diplowatch.delivery import Sender, SendPolicy, telegram_send
from diplowatch.store import chats, open_db, outbox
from tests.fakes.bot_api import FakeBotAPI

CHATS = 120


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "t.db")
    now = datetime.now(UTC)
    for chat_id in range(1, CHATS + 1):
        chats.upsert_chat(database, chat_id, type="private", title="", now=now)
    alert = outbox.create_alert(database, kind="event-new", text="<b>Alert</b>", now=now)
    outbox.enqueue(database, alert, range(1, CHATS + 1), now=now - timedelta(seconds=1))
    yield database
    database.close()


async def broadcast(db, *, paid: bool, rate: float) -> FakeBotAPI:
    async with FakeBotAPI(rate_limit=5, burst=5) as api, api.bot() as bot:
        policy = SendPolicy(rate=rate, max_flood_retries=0)
        sender = Sender(db, telegram_send(bot, paid_broadcast=paid), policy=policy)
        await asyncio.wait_for(sender.drain_once(now=datetime.now(UTC)), 30)
        return api


async def test_paid_broadcasts_ask_for_the_paid_limit_and_pass_it(db):
    api = await broadcast(db, paid=True, rate=1000)
    sends = api.calls_to("sendMessage")
    assert len(sends) == CHATS and all(c.status == 200 for c in sends)
    assert {c.params["allow_paid_broadcast"] for c in sends} == {"true"}
    assert api.paid_sends == CHATS and "global_rate" not in api.stats()["violations"]
    assert outbox.state_counts(db)["sent"] == CHATS


async def test_without_paid_broadcasts_the_free_limit_answers_429(db):
    api = await broadcast(db, paid=False, rate=1000)  # a rate Telegram refuses for free
    sends = api.calls_to("sendMessage")
    assert all("allow_paid_broadcast" not in c.params for c in sends)
    assert api.paid_sends == 0 and api.stats()["violations"]["global_rate"] > 0
