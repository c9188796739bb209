"""The Telegram adapter where chats are more than one private chat (issue 15): forum topics
and channels. Through the real PTB Application talking HTTP to the fake Bot API, a real
SQLite store and the real Sender."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from telegram import Update

from diplowatch import ledger
from diplowatch.config import Settings
from diplowatch.delivery import Sender, SendPolicy, telegram_send
from diplowatch.handlers.core import Deps
from diplowatch.store import audience, chats, outbox
from tests.fakes.bot_api import BOT_ID, FORBIDDEN, FakeBotAPI, Fault, parse_html
from tests.fakes.ptb import diplowatch_app

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
USER, FORUM, CHANNEL = 2002, -1001234, -1009999
ALERT = "<b>Nicaragua</b> recognizes the Donetsk People's Republic"


@pytest.fixture
def deps(db):
    """The fresh store of conftest's ``db``, with the seed history."""
    ledger.load_seed(db, now=NOW)
    return Deps(db, Settings(group_admins_only=False), lambda: NOW)


class Forum:
    """A forum supergroup with the bot: ask() writes a command in a topic."""

    def __init__(self, app, bot_api: FakeBotAPI, clock: list[float]):
        self.app, self.bot_api, self.clock = app, bot_api, clock

    async def ask(self, text: str, *, thread: int | None, chat: int = FORUM,
                  user: int = USER) -> list:
        self.clock[0] += 2  # past the per-user throttle
        before = len(self.bot_api.sent_messages(chat))
        kind = "supergroup" if chat < 0 else None
        update = self.bot_api.inject_message(chat, text, user_id=user, chat_type=kind,
                                             title="Analysts", thread_id=thread)
        await self.app.process_update(Update.de_json(update, self.app.bot))
        sent = self.bot_api.sent_messages(chat)[before:]
        assert sent, f"no reply to {text!r}"
        return sent


@pytest.fixture
async def forum(deps, bot_api: FakeBotAPI, monkeypatch):
    async with diplowatch_app(bot_api, deps, monkeypatch) as (app, clock):
        yield Forum(app, bot_api, clock)


def queue_alert(db, entity: str, text: str = ALERT) -> int:
    alert_id = outbox.create_alert(db, kind="event-new", text=text, now=NOW)
    outbox.enqueue(db, alert_id, audience.matching_chats(db, entity=entity),
                   now=datetime.now(UTC) - timedelta(seconds=1))
    return alert_id


async def deliver(db, bot_api: FakeBotAPI) -> None:
    async with bot_api.bot() as bot:
        sender = Sender(db, telegram_send(bot), policy=SendPolicy(rate=1000, group_interval=0))
        await asyncio.wait_for(sender.drain_once(now=datetime.now(UTC)), 10)


def thread_of(message) -> int | None:
    value = message.params.get("message_thread_id")
    return int(value) if value is not None else None


# ---- forum topics -----------------------------------------------------------------------------

async def test_a_command_in_a_topic_is_answered_in_that_topic(forum):
    for thread in (7, 9):
        (reply,) = await forum.ask("/help", thread=thread)
        assert thread_of(reply) == thread
    (reply,) = await forum.ask("/help", thread=None)  # the General topic: no thread
    assert thread_of(reply) is None


async def test_subscriptions_belong_to_the_topic_they_were_made_in(forum, deps):
    await forum.ask("/subscribe dpr", thread=7)
    await forum.ask("/subscribe abkhazia", thread=9)
    (in_7,) = await forum.ask("/subscriptions", thread=7)
    (in_9,) = await forum.ask("/subscriptions", thread=9)
    assert "Donetsk" in parse_html(in_7.text) and "Abkhazia" not in parse_html(in_7.text)
    assert "Abkhazia" in parse_html(in_9.text) and "Donetsk" not in parse_html(in_9.text)
    assert "1. recognitions of Abkhazia" in parse_html(in_9.text)  # numbered in the topic
    # the same entity followed in two topics is two subscriptions, not "already subscribed"
    (again,) = await forum.ask("/subscribe dpr", thread=9)
    assert parse_html(again.text).startswith("Subscribed")
    assert audience.matching_chats(deps.db, entity="donetsk-pr") == {(FORUM, 7), (FORUM, 9)}
    (gone,) = await forum.ask("/unsubscribe 1", thread=9)  # topic 9's first: abkhazia
    assert "Abkhazia" in parse_html(gone.text)
    assert audience.matching_chats(deps.db, entity="abkhazia") == set()
    assert audience.matching_chats(deps.db, entity="donetsk-pr") == {(FORUM, 7), (FORUM, 9)}


async def test_an_unsubscribe_button_in_a_topic_lists_that_topic(forum, deps, bot_api):
    await forum.ask("/subscribe dpr", thread=7)
    await forum.ask("/subscribe abkhazia", thread=9)
    (sub,) = chats.list_subscriptions(deps.db, FORUM, thread_id=9)
    forum.clock[0] += 2
    update = bot_api.inject_callback(FORUM, f"unsub:{sub.id}", user_id=USER, thread_id=9)
    await forum.app.process_update(Update.de_json(update, forum.app.bot))
    (edit,) = bot_api.calls_to("editMessageText")
    assert "Abkhazia" in edit.params["text"] and "Donetsk" not in edit.params["text"]


async def test_alerts_and_follow_ups_go_to_the_topic(forum, deps, bot_api):
    await forum.ask("/subscribe dpr", thread=7)
    await forum.ask("/subscribe abkhazia", thread=9)
    before = len(bot_api.sent_messages(FORUM))
    first = queue_alert(deps.db, "donetsk-pr")
    await deliver(deps.db, bot_api)
    (alert,) = bot_api.sent_messages(FORUM)[before:]
    assert thread_of(alert) == 7 and "Nicaragua" in alert.text
    assert outbox.recipients(deps.db, first) == [(FORUM, 7)]
    # a correction goes where the alert went, as a reply to it
    follow = outbox.create_alert(deps.db, kind="correction", text="Correction", reply_to=first,
                                 now=NOW)
    outbox.enqueue(deps.db, follow, outbox.recipients(deps.db, first),
                   now=datetime.now(UTC) - timedelta(seconds=1))
    await deliver(deps.db, bot_api)
    correction = bot_api.sent_messages(FORUM)[-1]
    assert correction.text == "Correction" and thread_of(correction) == 7
    assert correction.params["reply_parameters"]["message_id"] == alert.message_id


async def test_alerts_of_two_topics_are_not_merged(forum, deps, bot_api):
    await forum.ask("/subscribe dpr", thread=7)
    await forum.ask("/subscribe all", thread=9)
    before = len(bot_api.sent_messages(FORUM))
    queue_alert(deps.db, "donetsk-pr")
    await deliver(deps.db, bot_api)
    sent = bot_api.sent_messages(FORUM)[before:]
    assert sorted(thread_of(m) for m in sent) == [7, 9]
    assert all(m.text == ALERT for m in sent)


@pytest.mark.parametrize(("state", "error"), [
    ("closed", "TOPIC_CLOSED"), ("deleted", "message thread not found"),
])
async def test_a_closed_or_deleted_topic_stops_its_own_subscriptions(forum, deps, bot_api,
                                                                     state, error):
    await forum.ask("/subscribe dpr", thread=7)
    await forum.ask("/subscribe dpr", thread=9)
    bot_api.add_topic(FORUM, 9, state)
    queue_alert(deps.db, "donetsk-pr")
    await deliver(deps.db, bot_api)
    to_9 = [c for c in bot_api.calls_to("sendMessage") if c.params.get("message_thread_id") == "9"]
    assert len(to_9) == 2  # the /subscribe reply, and the alert's one try: no retries
    (sub_9,) = chats.list_subscriptions(deps.db, FORUM, thread_id=9)
    assert sub_9.inactive_reason is not None and error.lower() in sub_9.inactive_reason.lower()
    assert chats.get_chat(deps.db, FORUM).active  # the chat and its other topics go on
    assert chats.list_subscriptions(deps.db, FORUM, thread_id=7)[0].inactive_reason is None
    assert thread_of(bot_api.sent_messages(FORUM)[-1]) == 7
    assert outbox.state_counts(deps.db)["dropped"] == 1
    assert outbox.state_counts(deps.db)["failed"] == 0
    # later alerts skip the stopped topic without a send
    assert audience.matching_chats(deps.db, entity="donetsk-pr") == {(FORUM, 7)}
    # its /subscriptions says so, and subscribing there again (reopened) resumes it
    bot_api.add_topic(FORUM, 9, "open")
    (listed,) = await forum.ask("/subscriptions", thread=9)
    assert "closed or deleted" in parse_html(listed.text)
    await forum.ask("/subscribe abkhazia", thread=9)
    assert audience.matching_chats(deps.db, entity="donetsk-pr") == {(FORUM, 7), (FORUM, 9)}


# ---- channels ---------------------------------------------------------------------------------

@pytest.fixture
def channel(bot_api: FakeBotAPI) -> str:
    """@dpr_watch: USER administers it, the bot is an administrator that may post."""
    bot_api.add_channel(CHANNEL, "dpr_watch", "DPR watch")
    bot_api.set_member(CHANNEL, USER, "administrator")
    bot_api.set_member(CHANNEL, BOT_ID, "administrator", can_post_messages=True)
    return "@dpr_watch"


async def test_an_admin_subscribes_a_channel_from_a_private_chat(forum, deps, bot_api, channel):
    (reply,) = await forum.ask(f"/subscribe {channel} dpr", thread=None, chat=USER)
    assert parse_html(reply.text) == ("@dpr_watch: Subscribed: recognitions of Donetsk People's "
                                      "Republic. See /subscriptions to manage.")
    assert audience.matching_chats(deps.db, entity="donetsk-pr") == {(CHANNEL, 0)}
    assert chats.get_chat(deps.db, CHANNEL).type == "channel"
    assert chats.list_subscriptions(deps.db, USER) == []  # not the private chat's
    checked = [(c.params["chat_id"], c.params["user_id"]) for c in bot_api.calls_to("getChatMember")]
    assert checked == [(str(CHANNEL), str(USER)), (str(CHANNEL), str(BOT_ID))]
    queue_alert(deps.db, "donetsk-pr")
    await deliver(deps.db, bot_api)
    (posted,) = bot_api.sent_messages(CHANNEL)
    assert posted.text == ALERT
    (listed,) = await forum.ask(f"/subscriptions {channel}", thread=None, chat=USER)
    assert "1. recognitions of Donetsk People's Republic" in parse_html(listed.text)
    assert "/unsubscribe @dpr_watch <number>" in parse_html(listed.text)
    assert "reply_markup" not in listed.params  # buttons would act on the private chat
    (gone,) = await forum.ask(f"/unsubscribe {channel} 1", thread=None, chat=USER)
    assert parse_html(gone.text).startswith("@dpr_watch: Unsubscribed from recognitions of Donetsk")
    assert audience.matching_chats(deps.db, entity="donetsk-pr") == set()


@pytest.mark.parametrize(("setup", "answer"), [
    (lambda api: api.set_member(CHANNEL, USER, "member"),
     "Only an administrator of @dpr_watch can change what it follows."),
    (lambda api: api.set_member(CHANNEL, BOT_ID, "administrator"),  # no can_post_messages
     "I am not allowed to post in @dpr_watch. Make me an administrator with the right to post "
     "messages, then try again."),
    (lambda api: api.set_member(CHANNEL, BOT_ID, "left"),
     "I am not allowed to post in @dpr_watch. Make me an administrator with the right to post "
     "messages, then try again."),
])
async def test_a_channel_needs_both_rights(forum, deps, bot_api, channel, setup, answer):
    setup(bot_api)
    (reply,) = await forum.ask(f"/subscribe {channel} dpr", thread=None, chat=USER)
    assert parse_html(reply.text) == answer
    assert audience.matching_chats(deps.db, entity="donetsk-pr") == set()


@pytest.mark.parametrize(("text", "chat", "answer"), [
    ("/subscribe @nosuchchannel dpr", USER,
     "I cannot find the channel @nosuchchannel. Add me to it as an administrator, then try again."),
    ("/subscribe @x! dpr", USER,
     "I cannot find the channel @x!. Add me to it as an administrator, then try again."),
    ("/subscribe @dpr_watch dpr", FORUM,
     "Manage a channel's subscriptions from your private chat with me, e.g. "
     "/subscribe @yourchannel dpr"),
    ("/subscribe @dpr_watch", USER, "Say what @dpr_watch should follow, e.g. /subscribe @dpr_watch dpr"),
])
async def test_a_channel_request_that_cannot_be_done_says_why(forum, deps, channel, text, chat,
                                                              answer):
    (reply,) = await forum.ask(text, thread=None, chat=chat)
    assert parse_html(reply.text) == answer
    assert audience.matching_chats(deps.db, entity="donetsk-pr") == set()


@pytest.mark.parametrize("fault", [
    Fault(400, "Bad Request: need administrator rights in the channel chat"),
    Fault(403, FORBIDDEN["not_member"]),
])
async def test_a_channel_that_took_the_bot_s_rights_goes_inactive(forum, deps, bot_api, channel,
                                                                  fault):
    await forum.ask(f"/subscribe {channel} dpr", thread=None, chat=USER)
    bot_api.add_fault(fault, chat_id=CHANNEL, times=None)
    queue_alert(deps.db, "donetsk-pr")
    await deliver(deps.db, bot_api)
    assert len([c for c in bot_api.calls_to("sendMessage") if c.chat_id == CHANNEL]) == 1
    gone = chats.get_chat(deps.db, CHANNEL)
    assert not gone.active and fault.description.split(": ", 1)[1].lower() in gone.inactive_reason.lower()
    assert audience.matching_chats(deps.db, entity="donetsk-pr") == set()
    # rights given back: subscribing again checks them and makes the channel active
    bot_api.clear_faults(CHANNEL)
    await forum.ask(f"/subscribe {channel} abkhazia", thread=None, chat=USER)
    assert chats.get_chat(deps.db, CHANNEL).active
    assert audience.matching_chats(deps.db, entity="donetsk-pr") == {(CHANNEL, 0)}


async def test_channel_posts_to_the_bot_are_ignored_quietly(forum, bot_api, channel, caplog):
    calls = len(bot_api.calls)
    update = bot_api.inject_channel_post(CHANNEL, "/subscribe dpr")
    await forum.app.process_update(Update.de_json(update, forum.app.bot))
    assert len(bot_api.calls) == calls and bot_api.sent_messages(CHANNEL) == []
    assert not [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")]


async def test_help_subscribe_tells_of_topics_and_channels(forum):
    (reply,) = await forum.ask("/help subscribe", thread=None, chat=USER)
    text = parse_html(reply.text)
    assert "forum topic" in text and "/subscribe @yourchannel dpr" in text
