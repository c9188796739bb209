"""Delivery through the real python-telegram-bot Bot, over HTTP, against the fake Bot API."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from diplowatch.delivery import Sender, SendPolicy, telegram_send
from diplowatch.store import audience as audience_store
from diplowatch.store import chats, open_db, outbox

pytest_plugins = ["tests.fakes.bot_api"]  # the bot_api fixture


TEXT = '<b>Nicaragua</b> recognizes <i>Abkhazia</i> &amp; more: <a href="https://x.org/?a=1&amp;b=2">MFA</a>'


def now() -> datetime:
    return datetime.now(UTC)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "delivery.db"


@pytest.fixture
def db(db_path):
    database = open_db(db_path)
    yield database
    database.close()


@pytest.fixture
async def bot(bot_api):
    async with bot_api.bot(
        read_timeout=0.5, write_timeout=2, connect_timeout=2, pool_timeout=2
    ) as b:
        yield b


def broadcast(db, chat_ids, text=TEXT) -> int:
    for chat_id in chat_ids:
        chats.upsert_chat(
            db, chat_id, type="private" if chat_id > 0 else "group", title="", now=now()
        )
    alert_id = outbox.create_alert(db, kind="event", text=text, now=now())
    outbox.enqueue(db, alert_id, chat_ids, now=now() - timedelta(seconds=1))
    return alert_id


def make_sender(db, bot, **kw) -> Sender:
    kw.setdefault("rate", 1000)
    kw.setdefault("backoff_base", 0.01)
    return Sender(db, telegram_send(bot), policy=SendPolicy(**kw))


async def run_until(sender: Sender, condition, timeout: float = 10.0) -> None:
    """Run the sender loop until ``condition()`` holds, then stop it gracefully."""
    stop = asyncio.Event()
    task = asyncio.create_task(sender.run(stop=stop))
    try:
        async with asyncio.timeout(timeout):
            while not condition():
                await asyncio.sleep(0.02)
    finally:
        stop.set()
        await asyncio.wait_for(task, 5)


def per_chat(bot_api) -> dict[int, int]:
    counts: dict[int, int] = {}
    for m in bot_api.sent_messages():
        counts[m.chat_id] = counts.get(m.chat_id, 0) + 1
    return counts


async def test_fan_out_to_many_chats_exactly_once(db, bot, bot_api):
    ids = list(range(1, 301))
    broadcast(db, ids)
    stats = await make_sender(db, bot).drain_once(now=now())
    assert stats.sent == 300
    assert per_chat(bot_api) == dict.fromkeys(ids, 1)
    assert {m.text for m in bot_api.sent_messages()} == {TEXT}
    assert {m.parse_mode for m in bot_api.sent_messages()} == {"HTML"}
    assert bot_api.violations == []
    assert outbox.state_counts(db)["sent"] == 300


async def test_flood_storm_pauses_all_sending_and_loses_nothing(db, bot, bot_api):
    ids = list(range(1, 61))
    broadcast(db, ids)
    rules = [bot_api.flood(retry_after=1, times=1) for _ in range(2)]
    sender = make_sender(db, bot, rate=200)
    first = asyncio.create_task(sender.drain_once(now=now()))
    await bot_api.wait_for_call("sendMessage", count=10)
    rules.append(bot_api.flood(retry_after=1, times=3))  # a second wave in mid-broadcast
    stats = await asyncio.wait_for(first, 15)
    assert all(rule.remaining == 0 for rule in rules)
    assert stats.flood_waits >= 3 and stats.sent == 60
    assert per_chat(bot_api) == dict.fromkeys(ids, 1)
    calls = bot_api.calls_to("sendMessage")
    window = SendPolicy().max_in_flight
    for flood in (c for c in calls if c.status == 429):
        # Sends already on their way when the 429 came back may land during the pause (how
        # late depends on the machine's load, so no time bound tells them apart); none may
        # start once the client knew, so fewer than the window arrive. A sender ignoring the
        # pause sends the rest of the 60 at 200/s.
        late = [c for c in calls if c is not flood and flood.time < c.time < flood.time + 0.95]
        assert len(late) < window, f"{len(late)} sent during the pause after a 429 at {flood.time}"


async def test_blocked_chats_become_inactive_others_receive(db, bot, bot_api):
    ids = list(range(1, 21))
    bot_api.block(3)
    bot_api.block(7, "deactivated")
    bot_api.block(-50, "kicked")
    broadcast(db, [*ids, -50])
    stats = await make_sender(db, bot).drain_once(now=now())
    assert stats.dropped == 3 and stats.sent == 18
    assert set(per_chat(bot_api)) == set(ids) - {3, 7}
    assert chats.get_chat(db, 3).inactive_reason == "Forbidden: bot was blocked by the user"
    assert chats.get_chat(db, 7).inactive_reason == "Forbidden: user is deactivated"
    assert not chats.get_chat(db, -50).active
    assert outbox.state_counts(db)["dropped"] == 3


async def test_group_migration_delivers_to_new_id(db, bot, bot_api):
    broadcast(db, [-40, 1])
    chats.add_subscription(db, -40, "entity", "abkhazia", now=now())
    bot_api.migrate(-40, -1000000000040)
    stats = await make_sender(db, bot).drain_once(now=now())
    assert stats.sent == 2
    assert [m.text for m in bot_api.sent_messages(-1000000000040)] == [TEXT]
    assert bot_api.sent_messages(-40) == []
    assert [s.chat_id for s in chats.list_subscriptions(db, -1000000000040)] == [-1000000000040]
    assert audience_store.matching_chats(db, entity="abkhazia") == {(-1000000000040, 0)}
    # the next alert goes straight to the new id
    broadcast(db, [-1000000000040])
    await make_sender(db, bot).drain_once(now=now())
    assert len(bot_api.sent_messages(-1000000000040)) == 2
    assert len(bot_api.calls_to("sendMessage")) == 4


async def test_parse_error_resends_as_plain_text(db, bot, bot_api):
    broadcast(db, [5])
    bot_api.parse_error(chat_id=5)
    stats = await make_sender(db, bot, private_interval=0.05).drain_once(now=now())
    assert stats.sent == 1
    [message] = bot_api.sent_messages(5)
    assert message.parse_mode is None
    assert message.text == "Nicaragua recognizes Abkhazia & more: MFA (https://x.org/?a=1&b=2)"


async def test_read_timeout_is_possibly_delivered_and_not_resent(db, bot, bot_api):
    broadcast(db, [1, 2, 3])
    bot_api.timeout(1.5, chat_id=2)  # delivered, but answered after the 0.5 s read timeout
    sender = make_sender(db, bot)
    stats = await sender.drain_once(now=now())
    assert stats.possibly_delivered == 1 and stats.sent == 2
    await sender.drain_once(now=now() + timedelta(hours=1))
    assert per_chat(bot_api) == {1: 1, 2: 1, 3: 1}
    assert len([c for c in bot_api.calls_to("sendMessage") if c.chat_id == 2]) == 1
    assert outbox.state_counts(db)["possibly_delivered"] == 1


async def test_server_errors_and_dropped_connections_are_retried(db, bot, bot_api):
    ids = list(range(1, 11))
    broadcast(db, ids)
    bot_api.server_error(502, chat_id=4, times=2)
    bot_api.server_error(500, chat_id=6, times=1)
    bot_api.disconnect(chat_id=8, times=2)
    sender = make_sender(db, bot, private_interval=0.05)
    await run_until(sender, lambda: len(bot_api.sent_messages()) >= 10)
    assert per_chat(bot_api) == dict.fromkeys(ids, 1)
    assert outbox.state_counts(db)["sent"] == 10
    attempts = {
        row["chat_id"]: row["attempts"] for row in db.query("SELECT chat_id, attempts FROM outbox")
    }
    assert (attempts[4], attempts[6], attempts[8], attempts[1]) == (2, 1, 2, 0)


async def test_chat_not_found_deactivates_after_three_strikes(db, bot, bot_api):
    broadcast(db, [1, 99])
    bot_api.chat_not_found(99)
    sender = make_sender(db, bot, private_interval=0.05)
    await run_until(sender, lambda: not chats.get_chat(db, 99).active)
    assert len([c for c in bot_api.calls_to("sendMessage") if c.chat_id == 99]) == 3
    assert per_chat(bot_api) == {1: 1}


async def test_restart_mid_broadcast_resumes(db, db_path, bot, bot_api):
    ids = list(range(1, 101))
    broadcast(db, ids)
    stop = asyncio.Event()
    first = make_sender(db, bot, rate=150)
    task = asyncio.create_task(first.run(stop=stop))
    await bot_api.wait_for_messages(30)
    stop.set()  # graceful: in-flight sends finish and are recorded
    await asyncio.wait_for(task, 5)
    delivered = len(bot_api.sent_messages())
    assert 30 <= delivered < 100

    db2 = open_db(db_path)  # a new process: new connection, new Sender
    try:
        await make_sender(db2, bot).drain_once(now=now())
        assert outbox.state_counts(db2)["sent"] == 100
    finally:
        db2.close()
    assert per_chat(bot_api) == dict.fromkeys(ids, 1)


async def test_crash_mid_broadcast_duplicates_at_most_one(db, db_path, bot, bot_api):
    ids = list(range(1, 61))
    broadcast(db, ids)
    first = make_sender(db, bot, rate=100, max_in_flight=1)
    task = asyncio.create_task(first.run(stop=asyncio.Event()))
    await bot_api.wait_for_messages(20)
    task.cancel()  # a crash: whatever was in flight is not recorded
    with pytest.raises(asyncio.CancelledError):
        await task

    db2 = open_db(db_path)
    try:
        await make_sender(db2, bot).drain_once(now=now())
        assert outbox.state_counts(db2)["sent"] == 60
    finally:
        db2.close()
    counts = per_chat(bot_api)
    assert set(counts) == set(ids)
    assert sum(counts.values()) - len(ids) <= 1


async def test_pacing_keeps_telegram_limits(db, bot, bot_api):
    bot_api.set_rate_limit(40, burst=4)  # the sender keeps a margin, as 25/s does against ~30/s
    long_alert = "\n\n".join("<b>part</b> " + "word " * 700 for _ in range(3))  # 3 messages each
    broadcast(db, list(range(1, 41)))
    broadcast(db, [1, -7], text=long_alert)
    sender = make_sender(db, bot, rate=32, burst=1, private_interval=1.0, group_interval=1.0)
    await sender.drain_once(now=now())
    assert bot_api.violations == []
    assert len(bot_api.sent_messages()) == 40 + 2 * 3
    assert all(c.status == 200 for c in bot_api.calls_to("sendMessage"))


def alert_texts(message) -> list[str]:
    """The alerts a merged message carries, in order."""
    return message.text.split("\n\n")


async def test_alerts_merge_per_chat_past_one_page_of_rows(db, bot, bot_api):
    ids = list(range(1, 601))  # 1,800 rows: more than one page (500) holds
    texts = [f"<b>Alert {n}</b> for every chat" for n in range(3)]
    for text in texts:
        broadcast(db, ids, text=text)
    stats = await make_sender(db, bot).drain_once(now=now())
    assert stats.sent == 1800 and stats.messages == 600
    assert per_chat(bot_api) == dict.fromkeys(ids, 1)
    assert all(alert_texts(m) == texts for m in bot_api.sent_messages())
    assert outbox.state_counts(db)["sent"] == 1800


async def test_a_chat_with_more_than_one_message_of_alerts_gets_them_all(db, bot, bot_api):
    texts = [f"<b>Alert {n}</b>" + " word" * 120 for n in range(40)]  # about 25,000 characters
    for text in texts:
        broadcast(db, [1, 2], text=text)
    sender = make_sender(db, bot, batch_size=7, private_interval=0.01)  # pages cut through chats
    stats = await sender.drain_once(now=now())
    for chat in (1, 2):
        messages = bot_api.sent_messages(chat)
        assert [a for m in messages for a in alert_texts(m)] == texts
        assert all(len(m.text) <= 4096 for m in messages)
        assert len(messages) == 7  # as full as 4,096 characters allow
    assert stats.sent == 80 and outbox.state_counts(db)["sent"] == 80


async def test_a_long_backlog_does_not_hold_up_other_chats(db, bot, bot_api):
    # chat 1: four messages' worth, each paced 1.5 s apart (a long interval, so that the 40
    # other sends fit before chat 1's second message even on a loaded machine)
    for n in range(4):
        broadcast(db, [1], text=f"<b>Backlog {n}</b> " + "word " * 800)
    broadcast(db, list(range(2, 42)))
    sender = make_sender(db, bot, private_interval=1.5)
    await sender.drain_once(now=now())
    second = bot_api.sent_messages(1)[1].time
    others = [m.time for m in bot_api.sent_messages() if m.chat_id != 1]
    assert len(others) == 40 and max(others) < second
    assert len(bot_api.sent_messages(1)) == 4


async def test_first_message_after_a_restart_keeps_the_chat_interval(db, db_path, bot, bot_api):
    broadcast(db, [5, -7])
    await make_sender(db, bot).drain_once(now=now())
    broadcast(db, [5, -7])
    db2 = open_db(db_path)  # a new process: a new Sender, nothing in memory
    try:
        await make_sender(db2, bot).drain_once(now=now())
    finally:
        db2.close()
    for chat, interval in ((5, 1.0), (-7, 3.0)):
        first, second = (m.time for m in bot_api.sent_messages(chat))
        assert second - first >= interval - 0.02, chat
    assert bot_api.violations == []


@pytest.fixture
async def app_bot(bot_api):
    """The Bot of the Application that `diplowatch run` builds, pointed at the fake server."""
    from diplowatch.bot import build_application
    from diplowatch.config import Settings

    app = build_application(Settings(token=bot_api.token, api_url=bot_api.base_url))
    async with app:
        yield app.bot


UNREADABLE = {
    "not JSON": {"body": b"<html><body>OK</body></html>"},
    "JSON without a result": {"body": b'{"ok": true}'},
    "a result that is no message": {"body": b'{"ok": true, "result": {"text": "hi"}}'},
    "a body cut short": {"body": b'{"ok": true, "result": {"message_id"', "truncate": True},
}


@pytest.mark.parametrize("answer", list(UNREADABLE), ids=list(UNREADABLE))
async def test_an_accepted_send_with_an_unreadable_answer_is_never_resent(
    db, app_bot, bot_api, answer
):
    broadcast(db, [1, 2, 3])
    bot_api.garble(chat_id=2, times=None, **UNREADABLE[answer])  # every answer to chat 2
    sender = make_sender(db, app_bot, private_interval=0.05)
    stats = await sender.drain_once(now=now())
    for later in (1, 2, 3):  # past any retry's backoff
        await sender.drain_once(now=now() + timedelta(hours=later))
    assert stats.possibly_delivered == 1 and stats.sent == 2
    assert per_chat(bot_api) == {1: 1, 2: 1, 3: 1}
    assert len([c for c in bot_api.calls_to("sendMessage") if c.chat_id == 2]) == 1
    assert outbox.state_counts(db)["possibly_delivered"] == 1
    [error] = [r["last_error"] for r in db.query("SELECT last_error FROM outbox WHERE chat_id = 2")]
    assert error.startswith("PossiblyDelivered: ")


async def test_an_error_answer_with_an_unreadable_body_is_still_retried(db, app_bot, bot_api):
    """The other side of the rule: a 502 whose body is not JSON was not accepted."""
    broadcast(db, [4])
    bot_api.garble(b"<html>Bad Gateway</html>", status=502, chat_id=4)
    bot_api.garble(b"<html>Bad Gateway", status=502, truncate=True, chat_id=4)
    sender = make_sender(db, app_bot)
    await run_until(sender, lambda: len(bot_api.sent_messages()) >= 1)
    assert per_chat(bot_api) == {4: 1}
    assert len(bot_api.calls_to("sendMessage")) == 3
    assert outbox.state_counts(db)["sent"] == 1


async def test_a_bot_without_the_answer_hook_still_tells_an_accepted_send(db, bot, bot_api):
    """A plain HTTPXRequest: PTB's bare TelegramError for a 2xx body that is not JSON."""
    broadcast(db, [7])
    bot_api.garble(chat_id=7, times=None)
    sender = make_sender(db, bot)
    stats = await sender.drain_once(now=now())
    await sender.drain_once(now=now() + timedelta(hours=1))
    assert stats.possibly_delivered == 1
    assert len(bot_api.calls_to("sendMessage")) == 1
