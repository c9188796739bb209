"""End to end: the real python-telegram-bot Application (`bot.run_telegram`) against the fake
Bot API server and the loopback feed server. Users subscribe by sending commands; a channel
publishes; the poll runs (called, not slept for); every subscriber gets the alert exactly once —
also under 429 storms, blocked users, a group migrating and a restart mid-broadcast."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from telegram.error import Conflict

from diplowatch import bot
from diplowatch.bot import run_telegram
from diplowatch.config import Settings
from diplowatch.runtime import Runtime
from diplowatch.store import chats, open_db, outbox
from diplowatch.telegram_html import to_plain

NEW_RECOGNITION = "Республика Никарагуа официально признала независимость Донецкой Народной Республики."
REPEAT = "Никарагуа ранее признала ДНР, напомнили в МИД."
HEADLINE = "Nicaragua recognizes the Donetsk People's Republic — the 4th UN member state to do so"


@dataclass
class World:
    api: object
    feed: object
    posts: dict
    settings: Settings
    rt: Runtime | None = None
    stop: asyncio.Event | None = None
    task: asyncio.Task | None = None

    async def start(self) -> None:
        self.stop, ready = asyncio.Event(), asyncio.Event()

        def started(rt: Runtime) -> None:
            self.rt = rt
            ready.set()

        self.task = asyncio.create_task(run_telegram(self.settings, stop=self.stop, started=started))
        await asyncio.wait_for(ready.wait(), 30)

    async def restart(self) -> None:
        await self.shutdown()
        await self.start()

    async def shutdown(self) -> None:
        if self.task:
            self.stop.set()
            await asyncio.wait_for(self.task, 30)
            self.task = None

    def publish(self, text: str) -> None:
        self.posts[max(self.posts) + 1] = text

    async def poll(self) -> None:
        await self.rt.monitor.poll_all()
        self.rt.monitor.on_ingested and self.rt.monitor.on_ingested()

    async def command(self, chat_id: int, text: str, **kw) -> None:
        before = len(self.api.sent_messages(chat_id))
        self.api.inject_message(chat_id, text, **kw)
        await self.api.wait_for_messages(before + 1, chat_id=chat_id, timeout=15)

    def alerts(self, chat_id: int | None = None) -> list:
        return [m for m in self.api.sent_messages(chat_id) if HEADLINE in to_plain(m.text)]


@pytest.fixture
async def world(tmp_path, bot_api, feed_server):
    posts = {100: "Провёл совещание по восстановлению школ."}
    feed_server.set_channel("/s/head", "head", posts)
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[sources]]\nname = "head"\nkind = "telegram"\nurl = "{feed_server.url("/s/head")}"\n'
                       'interval = "1m"\nlang = "ru"\nofficial = true\n')
    settings = Settings(token=bot_api.token, api_url=bot_api.base_url, db_path=tmp_path / "d.db",
                        sources_path=sources, allow_private=True, send_rate=500)
    w = World(bot_api, feed_server, posts, settings)
    await w.start()
    yield w
    with contextlib.suppress(Exception):
        await w.shutdown()


async def wait_until(condition, timeout: float = 30, world: World | None = None) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            state = ""
            if world and world.rt:
                state = (f" outbox={outbox.outbox_counts(world.rt.db)} "
                         f"last={[(m.chat_id, m.text[:40]) for m in world.api.sent_messages()][-5:]} "
                         f"rows={list(world.rt.db.query('select chat_id, state, last_error from outbox where state != ? limit 5', ['sent']))}")
            raise AssertionError(f"condition not reached in {timeout}s{state}")
        await asyncio.sleep(0.05)


async def test_subscribers_get_one_alert_each(world):
    api = world.api
    await api.wait_for_call("setMyCommands")
    users = [11, 12, 13, 14, 15]
    for user in users:
        await world.command(user, "/subscribe dpr")
    await world.command(16, "/subscribe state nicaragua")
    api.set_member(-100200, 99, "administrator")  # in groups only admins subscribe
    await world.command(-100200, "/subscribe@diplowatch_test_bot all", chat_type="supergroup",
                        user_id=99, title="Newsroom")
    await world.command(17, "/start")  # follows nothing
    assert "Subscribed: recognitions of Donetsk People's Republic" in api.sent_messages(11)[-1].text
    await world.poll()  # the archive's existing post: no recognition
    world.publish(NEW_RECOGNITION)
    await world.poll()
    targets = [*users, 16, -100200]
    await wait_until(lambda: all(world.alerts(c) for c in targets), world=world)
    world.publish(REPEAT)  # old news again: evidence only
    await world.poll()
    await asyncio.sleep(1.5)
    for chat in targets:
        [alert] = world.alerts(chat)
        assert alert.parse_mode == "HTML"
        assert "Russia (21 Feb 2022), Syria (29 Jun 2022) and North Korea (13 Jul 2022)" in alert.text
        assert "https://t.me/head/101" in alert.text and "Никарагуа" in alert.text
    assert world.alerts(17) == []


async def test_429_storm_loses_and_duplicates_nothing(world):
    users = list(range(200, 230))
    for user in users:
        await world.command(user, "/subscribe all")
    world.api.flood(retry_after=1, times=6)
    world.publish(NEW_RECOGNITION)
    await world.poll()
    await wait_until(lambda: all(world.alerts(u) for u in users), timeout=60, world=world)
    await asyncio.sleep(1)
    counts = Counter(m.chat_id for m in world.alerts())
    assert set(counts) == set(users) and set(counts.values()) == {1}


async def test_blocked_users_become_inactive_others_receive(world):
    users = list(range(300, 310))
    for user in users:
        await world.command(user, "/subscribe dpr")
    blocked = users[:3]
    for user in blocked:
        world.api.block(user, "blocked")
    world.publish(NEW_RECOGNITION)
    await world.poll()
    await wait_until(lambda: all(world.alerts(u) for u in users[3:]), world=world)
    db = world.rt.db
    await wait_until(lambda: not any(chats.get_chat(db, u).active for u in blocked))
    assert all(chats.get_chat(db, u).active for u in users[3:])
    # unblocking: the user sends /start again
    world.api.unblock(300)
    await asyncio.sleep(1.1)  # the per-user command limit is 1/s, in real time
    await world.command(300, "/start")
    assert chats.get_chat(db, 300).active


async def test_my_chat_member_updates(world):
    await world.command(400, "/subscribe dpr")
    db = world.rt.db
    world.api.inject_my_chat_member(400, new_status="kicked", old_status="member")
    await wait_until(lambda: not chats.get_chat(db, 400).active)
    world.api.inject_my_chat_member(400, new_status="member", old_status="kicked")
    await wait_until(lambda: chats.get_chat(db, 400).active)


async def test_a_membership_change_the_database_refuses_is_logged_not_raised(world, caplog):
    await world.command(410, "/subscribe dpr")
    db = world.rt.db
    db.execute("PRAGMA query_only = 1")  # SQLITE_READONLY for every write, as a read-only file
    try:
        world.api.inject_my_chat_member(410, new_status="kicked", old_status="member")
        await wait_until(lambda: "could not record chat membership chat=410" in caplog.text)
    finally:
        db.execute("PRAGMA query_only = 0")
    assert "database read-only" in caplog.text
    assert "Traceback" not in caplog.text and "No error handlers" not in caplog.text
    assert chats.get_chat(db, 410).active  # unchanged, and the bot goes on
    await asyncio.sleep(1.1)
    await world.command(410, "/start")


async def test_group_migration_moves_chat_and_subscriptions(world):
    world.api.set_member(-500, 42, "creator")
    await world.command(-500, "/subscribe dpr", chat_type="group", user_id=42, title="Desk")
    world.api.migrate(-500, -100500)
    world.publish(NEW_RECOGNITION)
    await world.poll()
    await wait_until(lambda: world.alerts(-100500), world=world)
    db = world.rt.db
    assert [s.value for s in chats.list_subscriptions(db, -100500)] == ["donetsk-pr"]
    assert chats.list_subscriptions(db, -500) == []


async def test_restart_in_the_middle_of_a_broadcast(world, tmp_path):
    n = 300
    await world.shutdown()
    db = open_db(world.settings.db_path)
    for chat in range(1000, 1000 + n):
        chats.add_subscription(db, chat, "all", "*", now=__import__("datetime").datetime.now(
            __import__("datetime").UTC))
    db.close()
    world.settings = Settings(**{**world.settings.__dict__, "send_rate": 60})
    await world.start()
    world.publish(NEW_RECOGNITION)
    await world.poll()
    await wait_until(lambda: len(world.alerts()) >= 60, timeout=30)
    await world.restart()  # stop mid-broadcast: in-flight sends finish and are recorded
    assert len(world.alerts()) < n
    await wait_until(lambda: len({m.chat_id for m in world.alerts()}) == n, timeout=60)
    await asyncio.sleep(0.5)
    counts = Counter(m.chat_id for m in world.alerts())
    assert sum(counts.values()) - n == 0  # a clean stop repeats nothing
    assert outbox.queue_length(world.rt.db) == 0


async def subscribe_in_db(world: World, chat_ids, *, send_rate: float) -> None:
    """Subscribe chats directly in the database and restart at ``send_rate``."""
    await world.shutdown()
    db = open_db(world.settings.db_path)
    for chat in chat_ids:
        chats.add_subscription(db, chat, "all", "*", now=datetime.now(UTC))
    db.close()
    world.settings = Settings(**{**world.settings.__dict__, "send_rate": send_rate})
    await world.start()


async def test_a_409_blip_does_not_stop_the_bot(world, caplog):
    world.api.conflict(times=2)
    world.api.inject_message(601, "/help")  # ends the long poll in progress; the next two get 409
    await world.command(600, "/help")  # answered once polling goes on
    assert not world.task.done()
    assert len([c for c in world.api.calls_to("getUpdates") if c.status == 409]) == 2
    assert [r.levelname for r in caplog.records if r.levelname == "ERROR"] == []


@contextlib.asynccontextmanager
async def another_instance(api):
    """A second bot polling getUpdates with the same token, as a second process would."""

    async def poll(other) -> None:
        while True:
            with contextlib.suppress(Conflict):  # each poll of ours ends one of its polls
                await other.get_updates(timeout=1)

    async with api.bot() as other:
        task = asyncio.create_task(poll(other))
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def test_another_instance_polling_stops_this_one_cleanly(world, caplog):
    n = 300
    await subscribe_in_db(world, range(2000, 2000 + n), send_rate=40)
    world.publish(NEW_RECOGNITION)
    await world.poll()
    await wait_until(lambda: len(world.alerts()) >= 30, world=world)
    async with another_instance(world.api):
        with pytest.raises(bot.TokenInUse):
            await asyncio.wait_for(world.task, 30)
    world.task = None
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and errors[0].startswith(
        "another instance is polling with this token (409 Conflict); stopping")
    # the sender stopped cleanly: every message that went out is marked, the rest stay queued
    delivered = len(world.alerts())
    db = open_db(world.settings.db_path)
    try:
        states = outbox.outbox_counts(db)
    finally:
        db.close()
    assert 30 <= delivered < n
    assert (states["sent"], states["pending"]) == (delivered, n - delivered)
    await world.start()  # the other instance is gone: this one resumes
    await wait_until(lambda: len({m.chat_id for m in world.alerts()}) == n, timeout=60)
    await asyncio.sleep(0.5)
    assert set(Counter(m.chat_id for m in world.alerts()).values()) == {1}


async def test_run_exits_2_while_another_instance_polls_with_its_token(tmp_path, bot_api):
    sources = tmp_path / "sources.toml"
    sources.write_text("")
    env = {**os.environ, "DIPLOWATCH_TELEGRAM_TOKEN": bot_api.token,
           "DIPLOWATCH_TELEGRAM_API_URL": bot_api.base_url, "DIPLOWATCH_DB": str(tmp_path / "d.db"),
           "DIPLOWATCH_SOURCES": str(sources), "DIPLOWATCH_LOG_LEVEL": "INFO"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "diplowatch", "run", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    await bot_api.wait_for_call("getUpdates", timeout=60)  # it is up and polling
    async with another_instance(bot_api):
        _, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    errors = [line for line in err.decode().splitlines() if " ERROR " in line]
    assert proc.returncode == 2, err.decode()
    assert len(errors) == 1 and "another instance is polling with this token" in errors[0]
    assert "Traceback" not in err.decode()
