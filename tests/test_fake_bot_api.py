"""The fake Bot API server itself, driven by the real python-telegram-bot."""

from __future__ import annotations

import asyncio
import sys

import aiohttp
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
)

from tests.fakes.bot_api import FakeBotAPI

pytest_plugins = ["tests.fakes.bot_api"]  # the bot_api fixture


async def test_application_polls_and_replies(bot_api):
    seen: list[tuple[str, list[str]]] = []

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen.append((update.effective_user.first_name, context.args))
        button = InlineKeyboardButton("More", callback_data="more")
        await update.message.reply_html(
            "<b>Welcome</b>", reply_markup=InlineKeyboardMarkup([[button]])
        )

    async def more(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer("ok")
        await update.callback_query.edit_message_text("Edited")

    async def member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen.append(("member", [update.my_chat_member.new_chat_member.status]))

    app = Application.builder().token(bot_api.token).base_url(bot_api.base_url).build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(more))
    app.add_handler(ChatMemberHandler(member, ChatMemberHandler.MY_CHAT_MEMBER))
    async with app:
        await app.bot.set_my_commands([("start", "Start")])
        await app.updater.start_polling(poll_interval=0, timeout=1)
        await app.start()
        bot_api.inject_message(42, "/start hello", first_name="Ann")
        [reply] = await bot_api.wait_for_messages(1, chat_id=42)
        first_text = reply.text
        bot_api.inject_callback(42, "more")
        await bot_api.wait_for_call("editMessageText")
        bot_api.inject_my_chat_member(-5, new_status="administrator", old_status="left", title="G")
        bot_api.inject_my_chat_member(42, new_status="kicked", old_status="member")
        for _ in range(100):
            if len(seen) == 3:
                break
            await asyncio.sleep(0.02)
        await app.updater.stop()
        await app.stop()
    assert seen == [("Ann", ["hello"]), ("member", ["administrator"]), ("member", ["kicked"])]
    assert first_text == "<b>Welcome</b>" and reply.parse_mode == "HTML"
    assert reply.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "more"
    assert bot_api.sent_messages(42)[0].text == "Edited"  # edits update the record
    assert bot_api.calls_to("answerCallbackQuery")[0].params["text"] == "ok"
    assert bot_api.calls_to("getMe") and bot_api.calls_to("deleteWebhook")
    assert bot_api.commands == [{"command": "start", "description": "Start"}]
    assert bot_api.updates == []  # all confirmed on shutdown


@pytest.mark.parametrize(
    ("inject", "error", "text"),
    [
        (lambda api: api.flood(3), RetryAfter, "Flood control exceeded"),
        (lambda api: api.block(1), Forbidden, "blocked by the user"),
        (lambda api: api.block(1, "cant_initiate"), Forbidden, "can't initiate"),
        (lambda api: api.chat_not_found(1), BadRequest, "Chat not found"),
        (lambda api: api.migrate(1, -100123), ChatMigrated, "-100123"),
        (lambda api: api.parse_error(), BadRequest, "Can't parse entities"),
        (lambda api: api.server_error(502), NetworkError, "Bad Gateway"),
        (lambda api: api.disconnect(), NetworkError, "disconnected"),
        (lambda api: api.timeout(1.0), TimedOut, "Timed out"),
    ],
)
async def test_faults_map_to_ptb_errors(bot_api, inject, error, text):
    inject(bot_api)
    async with bot_api.bot(read_timeout=0.3) as bot:
        with pytest.raises(error, match=text):
            await bot.send_message(1, "<b>x</b>", parse_mode="HTML")


async def test_faults_count_down_and_filter_by_chat(bot_api):
    bot_api.server_error(chat_id=2, times=2)
    async with bot_api.bot() as bot:
        await bot.send_message(1, "fine")
        for _ in range(2):
            with pytest.raises(NetworkError):
                await bot.send_message(2, "fails")
        await bot.send_message(2, "fine again")
    assert [m.text for m in bot_api.sent_messages()] == ["fine", "fine again"]
    assert [c.status for c in bot_api.calls_to("sendMessage")] == [200, 502, 502, 200]


async def test_delayed_answer_still_delivers(bot_api):
    bot_api.timeout(0.6, deliver=True)
    async with bot_api.bot(read_timeout=0.2) as bot:
        with pytest.raises(TimedOut):
            await bot.send_message(3, "maybe")
    assert [m.text for m in bot_api.sent_messages(3)] == ["maybe"]


@pytest.mark.parametrize(
    ("text", "parse_mode", "message"),
    [
        ("<b>open", "HTML", "Can't parse entities"),
        ("1 < 2", "HTML", "Can't parse entities"),
        ('<span class="x">s</span>', "HTML", "Can't parse entities"),
        ("<b> </b>", "HTML", "Message text is empty"),
        ("x" * 4097, None, "Message is too long"),
    ],
)
async def test_message_validation(bot_api, text, parse_mode, message):
    async with bot_api.bot() as bot:
        with pytest.raises(BadRequest, match=message):
            await bot.send_message(1, text, parse_mode=parse_mode)


async def test_entities_count_once_toward_the_limit(bot_api):
    async with bot_api.bot() as bot:
        sent = await bot.send_message(1, "&amp;" * 4096, parse_mode="HTML")
    assert sent.text == "&" * 4096


async def test_media_commands_and_wrong_token(bot_api, tmp_path):
    chart = tmp_path / "chart.png"
    chart.write_bytes(b"\x89PNG fake")
    async with bot_api.bot() as bot:
        photo = await bot.send_photo(
            9, chart.read_bytes(), caption="<i>chart</i>", parse_mode="HTML"
        )
        doc = await bot.send_document(9, chart, caption="data")
        await bot.set_my_commands([("recognized", "Who recognizes it")])
        commands = await bot.get_my_commands()
    assert photo.photo[0].width == 640 and photo.caption == "chart"
    assert doc.document.file_name == "chart.png"
    assert [c.command for c in commands] == ["recognized"]
    assert [m.method for m in bot_api.sent_messages(9)] == ["sendPhoto", "sendDocument"]
    assert bot_api.sent_messages(9)[0].params["photo"] == b"\x89PNG fake"
    async with FakeBotAPI(token="1:other") as other:
        with pytest.raises(InvalidToken):
            async with Bot(bot_api.token, base_url=other.base_url):  # initialize() calls getMe
                pass


async def test_long_polling_offsets_and_conflict(bot_api):
    async with bot_api.bot(read_timeout=3) as bot:
        waiting = asyncio.create_task(bot.get_updates(timeout=2))
        await asyncio.sleep(0.1)
        bot_api.inject_message(1, "hi")
        [update] = await waiting
        assert update.message.text == "hi" and update.message.entities == ()
        assert len(await bot.get_updates()) == 1  # not confirmed yet
        assert await bot.get_updates(offset=update.update_id + 1) == ()
        first = asyncio.create_task(bot.get_updates(timeout=2))
        await asyncio.sleep(0.1)
        async with bot_api.bot() as second_instance:  # another process polling the same token
            assert await second_instance.get_updates(timeout=0) == ()
        with pytest.raises(Conflict, match="terminated by other getUpdates"):
            await first
        bot_api.conflict()
        with pytest.raises(Conflict, match="only one bot instance"):
            await bot.get_updates()


async def test_rate_limit_and_chat_limit_violations(bot_api):
    bot_api.set_rate_limit(5, burst=5, retry_after=2)
    async with bot_api.bot() as bot:
        for n in range(5):
            await bot.send_message(100 + n, "ok")
        with pytest.raises(RetryAfter):
            await bot.send_message(200, "too fast")
        bot_api.set_rate_limit(None)
        await bot.send_message(100, "again")  # < 1 s after the first to chat 100
        for _ in range(21):
            await bot.send_message(-9, "group")
    kinds = [v.kind for v in bot_api.violations]
    assert kinds.count("global_rate") == 1
    assert kinds.count("private_interval") == 1
    assert kinds.count("group_per_minute") == 1
    assert bot_api.stats()["rate_limited"] == 1


async def test_enforced_chat_limits_answer_429(bot_api):
    bot_api.enforce_chat_limits = True
    async with bot_api.bot() as bot:
        await bot.send_message(7, "one")
        with pytest.raises(RetryAfter):
            await bot.send_message(7, "two")


async def test_standalone_process_with_control_api():
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.fakes.bot_api",
        "--rate",
        "100",
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        line = await asyncio.wait_for(proc.stdout.readline(), 10)
        port = int(line.split()[1])
        root = f"http://127.0.0.1:{port}"
        async with aiohttp.ClientSession() as http:
            async with http.post(
                f"{root}/_fake/inject", json={"chat_id": 5, "text": "/start"}
            ) as r:
                assert (await r.json())["message"]["entities"][0]["type"] == "bot_command"
            async with http.post(f"{root}/_fake/fault", json={"kind": "block", "chat_id": 6}) as r:
                assert r.status == 200
            from tests.fakes.bot_api import TOKEN

            for chat in (5, 6):
                async with http.post(
                    f"{root}/bot{TOKEN}/sendMessage", data={"chat_id": chat, "text": "x"}
                ):
                    pass
            async with http.get(f"{root}/_fake/stats") as r:
                stats = await r.json()
            async with http.get(f"{root}/_fake/messages") as r:
                messages = await r.json()
        assert stats["messages"] == 1 and stats["calls"] == 2
        assert [m["chat_id"] for m in messages] == [5]
    finally:
        proc.terminate()
        await proc.wait()
