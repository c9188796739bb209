"""Who may do what: admin commands (fail-closed, numeric ids, private chats only), the
per-user command rate limit, and the per-chat subscription cap.

Most checks go through `dispatch`; the adapter checks drive the real PTB Application with
`process_update` against the fake Bot API, so what Telegram sends is what is tested.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from telegram import Update
from telegram.ext import Application

from diplowatch import handlers, texts
from diplowatch.config import ConfigError, Settings, load_settings, parse_sources
from diplowatch.handlers import core, dispatch
from diplowatch.handlers.console import parse_line
from diplowatch.handlers.core import Deps, Request, Throttle
from diplowatch.handlers.telegram import bot_commands
from diplowatch.store import chats, open_db
from diplowatch.store.chats import MAX_SUBSCRIPTIONS
from diplowatch.store.sources import get_source, sync_sources
from tests.fakes.bot_api import FakeBotAPI
from tests.fakes.ptb import diplowatch_app

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
ADMIN, USER, GROUP = 1001, 2002, -100500
SOURCES = '[[sources]]\nname = "pushilin"\nkind = "telegram"\nurl = "https://t.me/s/pushilindenis"\n'
ADMIN_COMMANDS = sorted(c.name for c in handlers.COMMANDS.values() if c.admin)
PAUSE = "/pausesource pushilin"


def make_deps(tmp_path, admins: frozenset[int]) -> Deps:
    db = open_db(tmp_path / "t.db")
    sync_sources(db, parse_sources(SOURCES, origin="t"), now=NOW)
    return Deps(db, Settings(admin_ids=admins), lambda: NOW)


@pytest.fixture
def deps(tmp_path):
    deps = make_deps(tmp_path, frozenset({ADMIN}))
    yield deps
    deps.db.close()


async def ask(deps: Deps, text: str, *, user: int = USER, chat: int | None = None,
              chat_type: str = "private") -> str:
    name, *args = text.split()
    request = Request(chat_id=user if chat is None else chat, user_id=user,
                      command=name.lstrip("/"), args=args, chat_type=chat_type)
    return (await dispatch(deps, request)).text


def paused(deps: Deps) -> bool:
    return get_source(deps.db, "pushilin")[1].paused


# ---- admin commands ---------------------------------------------------------------------------

def test_the_admin_commands_are_the_expected_ones():
    assert ADMIN_COMMANDS == ["addsource", "pausesource", "removesource", "retract", "review", "stats",
                              "testsource"]


@pytest.mark.parametrize("name", ADMIN_COMMANDS)
async def test_no_admin_ids_means_no_admins(tmp_path, name):
    deps = make_deps(tmp_path, frozenset())
    for user in (0, 1, ADMIN, 2**40):
        assert await ask(deps, f"/{name} pushilin", user=user) == texts.ADMIN_ONLY
    assert not paused(deps)
    deps.db.close()


@pytest.mark.parametrize("chat_type", ["group", "supergroup", "channel"])
async def test_an_admin_outside_a_private_chat_is_refused(deps, chat_type):
    assert await ask(deps, PAUSE, user=ADMIN, chat=GROUP, chat_type=chat_type) == texts.ADMIN_ONLY
    assert not paused(deps)


async def test_an_admin_in_a_private_chat_is_obeyed(deps):
    assert await ask(deps, PAUSE, user=ADMIN) == texts.SOURCE_PAUSED
    assert paused(deps)


async def test_a_private_chat_id_that_is_an_admin_id_does_not_make_its_user_one(deps):
    """Authorization looks at the user id, never at the chat id."""
    assert await ask(deps, PAUSE, user=USER, chat=ADMIN) == texts.ADMIN_ONLY


async def test_refusals_are_logged(deps, caplog):
    with caplog.at_level(logging.WARNING, logger="diplowatch.handlers.core"):
        await ask(deps, "/stats", user=USER)
    assert f"admin command refused command=stats user={USER}" in caplog.text


def test_only_the_console_sets_the_operator_flag():
    request = parse_line("/stats")
    assert request is not None and request.operator
    assert Request(1, 1, "stats").operator is False  # every other Request starts without it


@pytest.mark.parametrize("value", ["@someadmin", "someadmin", "1001,@x", "1e3", "0x3e9",
                                   "1001;1002", "-"])
def test_admin_ids_must_be_numeric(value):
    with pytest.raises(ConfigError, match="DIPLOWATCH_ADMIN_IDS.*not a numeric Telegram user id"):
        load_settings({"DIPLOWATCH_ADMIN_IDS": value})


def test_admin_ids_parse():
    assert load_settings({"DIPLOWATCH_ADMIN_IDS": " 1001 , 1002,,"}).admin_ids == {1001, 1002}
    assert load_settings({}).admin_ids == frozenset()


def test_admin_commands_are_not_advertised():
    assert not {c.command for c in bot_commands()} & set(ADMIN_COMMANDS)


# ---- through the Telegram adapter ---------------------------------------------------------

@pytest.fixture
async def app(deps, bot_api: FakeBotAPI, monkeypatch):
    """A PTB Application with diplowatch's handlers, fed with process_update, on a fake
    monotonic clock (the throttle's), so nothing depends on how fast the machine is."""
    async with diplowatch_app(bot_api, deps, monkeypatch) as (application, clock):
        application.clock = clock  # type: ignore[attr-defined]
        yield application


async def send(app: Application, payload: dict) -> None:
    await app.process_update(Update.de_json(payload, app.bot))


async def test_a_group_admin_is_not_a_bot_admin(app, bot_api: FakeBotAPI, deps):
    """Being an administrator (or creator) of a group grants nothing: the bot never asks
    Telegram who administers a chat; only DIPLOWATCH_ADMIN_IDS counts."""
    await send(app, bot_api.inject_message(GROUP, "/pausesource pushilin", user_id=USER,
                                           chat_type="supergroup", title="g"))
    app.clock[0] += 2
    await send(app, bot_api.inject_message(GROUP, "/pausesource pushilin", user_id=ADMIN,
                                           chat_type="supergroup", title="g"))
    assert [m.text for m in bot_api.sent_messages(GROUP)] == [texts.ADMIN_ONLY] * 2
    assert not paused(deps)
    assert not [c for c in bot_api.calls if "member" in c.method.lower()
                or "administrators" in c.method.lower()]


async def test_user_zero_from_telegram_is_not_the_console_operator(app, bot_api: FakeBotAPI,
                                                                   deps):
    await send(app, bot_api.inject_message(0, "/pausesource pushilin", user_id=0,
                                           chat_type="private"))
    assert [m.text for m in bot_api.sent_messages(0)] == [texts.ADMIN_ONLY]
    assert not paused(deps)


async def test_the_admin_in_private_through_telegram(app, bot_api: FakeBotAPI, deps):
    await send(app, bot_api.inject_message(ADMIN, "/pausesource pushilin", user_id=ADMIN))
    assert paused(deps)


# ---- rate limit ---------------------------------------------------------------------------

def test_throttle_allows_one_command_per_second_per_user(monkeypatch):
    clock = [50.0]
    monkeypatch.setattr(core.time, "monotonic", lambda: clock[0])
    throttle = Throttle()
    assert throttle.allow(1) and throttle.allow(2)  # users are independent
    clock[0] += 0.5
    assert not throttle.allow(1)
    assert throttle.first_refusal(1) and not throttle.first_refusal(1)  # one answer per burst
    clock[0] += 0.5
    assert throttle.allow(1)
    clock[0] += 0.99
    assert not throttle.allow(1) and throttle.first_refusal(1)  # a new burst: told again


def test_throttle_memory_is_bounded(monkeypatch):
    clock = [0.0]
    monkeypatch.setattr(core.time, "monotonic", lambda: clock[0])
    throttle = Throttle()
    for user in range(100_001):
        clock[0] += 0.00001
        throttle.allow(user)
    clock[0] += 5
    throttle.allow(-1)
    assert len(throttle.last) < 1000


async def test_the_telegram_adapter_throttles_commands(app, bot_api: FakeBotAPI):
    for _ in range(5):
        await send(app, bot_api.inject_message(USER, "/status"))
    replies = [m.text for m in bot_api.sent_messages(USER)]
    assert len(replies) == 2 and replies[1] == texts.SLOW_DOWN  # one answer, one warning
    app.clock[0] += 1.0
    await send(app, bot_api.inject_message(USER, "/status"))
    assert "Status" in bot_api.sent_messages(USER)[-1].text
    await send(app, bot_api.inject_message(USER + 1, "/status"))  # another user is not slowed
    assert "Status" in bot_api.sent_messages(USER + 1)[-1].text


async def test_the_telegram_adapter_throttles_buttons(app, bot_api: FakeBotAPI):
    await send(app, bot_api.inject_message(USER, "/subscriptions"))
    await send(app, bot_api.inject_callback(USER, "s:1:x"))
    answers = bot_api.calls_to("answerCallbackQuery")
    assert answers[-1].params.get("text") == texts.SLOW_DOWN
    assert len(bot_api.sent_messages(USER)) == 1  # the button ran nothing


# ---- subscription cap ---------------------------------------------------------------------

async def test_a_chat_holds_at_most_50_subscriptions(deps):
    for n in range(MAX_SUBSCRIPTIONS):
        assert "Subscribed" in await ask(deps, f"/subscribe keyword word{n:03d}")
    refused = await ask(deps, "/subscribe keyword one-too-many")
    assert f"already has {MAX_SUBSCRIPTIONS} subscriptions, the maximum" in refused
    assert len(chats.list_subscriptions(deps.db, USER)) == MAX_SUBSCRIPTIONS
    assert "already follows" in await ask(deps, "/subscribe keyword word000")  # a repeat is fine
    assert "Subscribed" in await ask(deps, "/subscribe dpr", user=USER + 1)  # per chat
    await ask(deps, "/unsubscribe keyword word000")
    assert "Subscribed" in await ask(deps, "/subscribe all")


async def test_the_cap_counts_for_a_group_not_for_its_members(deps):
    # any member may subscribe here (DIPLOWATCH_GROUP_ADMINS_ONLY=0): the cap is the point
    object.__setattr__(deps, "settings", Settings(group_admins_only=False))
    for n in range(MAX_SUBSCRIPTIONS):
        await ask(deps, f"/subscribe keyword word{n:03d}", user=USER + n, chat=GROUP,
                  chat_type="group")
    assert "the maximum" in await ask(deps, "/subscribe all", user=ADMIN, chat=GROUP,
                                      chat_type="group")


# ---- group subscriptions: administrators only ---------------------------------------------

def group_subs(deps: Deps) -> list[str]:
    return [s.value for s in chats.list_subscriptions(deps.db, GROUP)]


async def in_group(app: Application, bot_api: FakeBotAPI, text: str, *, user: int = USER,
                   **extra) -> str:
    app.clock[0] += 2  # past the per-user throttle
    before = len(bot_api.sent_messages(GROUP))
    await send(app, bot_api.inject_message(GROUP, text, user_id=user, chat_type="supergroup",
                                           title="g", **extra))
    return bot_api.sent_messages(GROUP)[before].text


async def test_in_a_group_only_its_administrators_change_subscriptions(app, bot_api, deps):
    bot_api.set_member(GROUP, ADMIN, "administrator")
    bot_api.set_member(GROUP, 3003, "creator")
    assert await in_group(app, bot_api, "/subscribe kosovo") == texts.GROUP_ADMINS_ONLY
    assert group_subs(deps) == []
    assert "Subscribed" in await in_group(app, bot_api, "/subscribe kosovo", user=ADMIN)
    assert "Subscribed" in await in_group(app, bot_api, "/subscribe dpr", user=3003)
    assert await in_group(app, bot_api, "/unsubscribe kosovo") == texts.GROUP_ADMINS_ONLY
    [first, _] = chats.list_subscriptions(deps.db, GROUP)
    assert await in_group(app, bot_api, f"/unsubscribe {first.id}") == texts.GROUP_ADMINS_ONLY
    assert group_subs(deps) == ["XK", "donetsk-pr"]
    # looking is for everyone, and costs no getChatMember
    calls = len(bot_api.calls_to("getChatMember"))
    assert "kosovo" in (await in_group(app, bot_api, "/subscriptions")).lower()
    assert len(bot_api.calls_to("getChatMember")) == calls
    assert [(c.params["chat_id"], c.params["user_id"]) for c in bot_api.calls_to("getChatMember")
            ] == [(str(GROUP), str(u)) for u in (USER, ADMIN, 3003, USER, USER)]
    assert "Unsubscribed" in await in_group(app, bot_api, "/unsubscribe kosovo", user=ADMIN)
    assert group_subs(deps) == ["donetsk-pr"]


async def test_a_member_pressing_a_groups_buttons_changes_nothing(app, bot_api, deps):
    chats.add_subscription(deps.db, GROUP, "entity", "XK", now=NOW)
    [sub] = chats.list_subscriptions(deps.db, GROUP)
    for data in (f"unsub:{sub.id}", "sub:entity:abkhazia"):
        app.clock[0] += 2
        await send(app, bot_api.inject_callback(GROUP, data, user_id=USER, chat_type="supergroup"))
    assert [m.text for m in bot_api.sent_messages(GROUP)] == [texts.GROUP_ADMINS_ONLY] * 2
    assert group_subs(deps) == ["XK"]


async def test_an_anonymous_administrator_posting_as_the_group_may_subscribe(app, bot_api, deps):
    anonymous = 1087968824  # Telegram's GroupAnonymousBot
    assert "Subscribed" in await in_group(app, bot_api, "/subscribe kosovo", user=anonymous,
                                          sender_chat=GROUP)
    assert group_subs(deps) == ["XK"] and not bot_api.calls_to("getChatMember")
    # on behalf of another chat (a channel) is not being the group's administrator
    assert await in_group(app, bot_api, "/subscribe dpr", user=136817688,
                          sender_chat=-100777) == texts.GROUP_ADMINS_ONLY


async def test_when_telegram_cannot_say_who_administers_nothing_changes(app, bot_api, deps):
    bot_api.server_error(method="getChatMember")
    assert await in_group(app, bot_api, "/subscribe kosovo", user=ADMIN) == (
        texts.ADMIN_CHECK_FAILED)
    assert group_subs(deps) == []


async def test_group_admins_only_can_be_turned_off(app, bot_api, deps):
    object.__setattr__(deps, "settings", load_settings({"DIPLOWATCH_GROUP_ADMINS_ONLY": "0"}))
    assert "Subscribed" in await in_group(app, bot_api, "/subscribe kosovo")
    assert group_subs(deps) == ["XK"] and not bot_api.calls_to("getChatMember")


async def test_private_chats_never_ask_who_administers(app, bot_api, deps):
    await send(app, bot_api.inject_message(USER, "/subscribe kosovo", user_id=USER))
    assert [s.value for s in chats.list_subscriptions(deps.db, USER)] == ["XK"]
    assert not bot_api.calls_to("getChatMember")


@pytest.mark.parametrize(("value", "expected"), [("", True), ("1", True), ("0", False)])
def test_group_admins_only_setting(value, expected):
    assert load_settings({"DIPLOWATCH_GROUP_ADMINS_ONLY": value}).group_admins_only is expected
    with pytest.raises(ConfigError, match="DIPLOWATCH_GROUP_ADMINS_ONLY='maybe' must be 1 or 0"):
        load_settings({"DIPLOWATCH_GROUP_ADMINS_ONLY": "maybe"})
