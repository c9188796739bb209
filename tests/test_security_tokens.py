"""The bot token never reaches the log, whatever logger, level or traceback carries it.

The real python-telegram-bot Application runs against the fake Bot API server with every
logger (diplowatch, telegram, httpx, httpcore) at DEBUG, after `logs.setup_logging`.
"""

from __future__ import annotations

import asyncio
import io
import logging

import httpx
import pytest

from diplowatch import bot, logs
from diplowatch.config import ConfigError, Settings
from tests.fakes.bot_api import TOKEN, FakeBotAPI

SECRET = TOKEN.split(":", 1)[1]
LOUD = ("", "telegram", "telegram.ext", "httpx", "httpcore", "apscheduler", "diplowatch")


@pytest.fixture
def log_output():
    """Yields a function that installs diplowatch's logging for some Settings, with every
    logger at DEBUG, and returns the buffer all records are written to."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level,
             {name: logging.getLogger(name).level for name in LOUD})

    def install(settings: Settings) -> io.StringIO:
        logs.setup_logging(settings)
        buffer = io.StringIO()
        root.handlers[0].setStream(buffer)
        for name in LOUD:  # stricter than production, which keeps httpx/httpcore at WARNING
            logging.getLogger(name).setLevel(logging.DEBUG)
        return buffer

    yield install
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    for name, level in saved[2].items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture
def settings(tmp_path, bot_api: FakeBotAPI) -> Settings:
    sources = tmp_path / "sources.toml"
    sources.write_text("")
    return Settings(token=bot_api.token, api_url=bot_api.base_url, db_path=tmp_path / "t.db",
                    sources_path=sources, admin_ids=frozenset({42}), log_level="DEBUG")


async def test_a_whole_telegram_session_at_debug_never_logs_the_token(
    bot_api: FakeBotAPI, settings: Settings, log_output
):
    out = log_output(settings)
    stop = asyncio.Event()
    bot_api.inject_message(42, "/start")
    bot_api.inject_message(43, "/addsource x rss https://example.org/feed")  # not an admin
    run = asyncio.create_task(bot.run_telegram(settings, stop=stop))
    await bot_api.wait_for_messages(2, timeout=30)
    bot_api.server_error(method="getUpdates", times=1)  # logged as a getUpdates failure
    bot_api.conflict(times=None)  # 409: a second instance → the bot stops by itself
    bot_api.inject_message(42, "/help")  # ends the long poll in progress
    with pytest.raises(bot.TokenInUse):
        await asyncio.wait_for(run, timeout=60)
    text = out.getvalue()
    assert SECRET not in text and TOKEN not in text
    # the log did see the URLs that carry the token: the redaction, not silence, protects it
    assert "/bot<token>/getUpdates" in text
    assert "another instance is polling with this token (409 Conflict)" in text


async def test_a_traceback_quoting_the_url_is_redacted(settings: Settings, log_output):
    out = log_output(settings)
    request = httpx.Request("POST", f"https://api.telegram.org/bot{TOKEN}/getMe")
    try:
        httpx.Response(404, request=request).raise_for_status()
    except httpx.HTTPStatusError:
        logging.getLogger("telegram.ext.Updater").exception("polling failed")
    logging.getLogger("diplowatch.x").warning("token %s in args", TOKEN, stack_info=True)
    text = out.getvalue()
    assert "Traceback" in text and "bot<token>/getMe" in text
    assert SECRET not in text


async def test_any_token_shaped_string_is_redacted_not_just_ours(
    settings: Settings, log_output
):
    out = log_output(settings)
    other = "987654321:ZZotherBotTokenLooksLikeThis_0123456"
    logging.getLogger("httpx").info("HTTP Request: POST https://api.telegram.org/bot%s/x", other)
    assert other.split(":")[1] not in out.getvalue()


async def test_a_rejected_token_is_a_config_error_without_the_token(
    bot_api: FakeBotAPI, settings: Settings, log_output
):
    wrong = "111111111:AAwrongTokenForTheFakeServer-000000000"
    settings = Settings(**{**settings.__dict__, "token": wrong})
    out = log_output(settings)
    with pytest.raises(ConfigError, match="DIPLOWATCH_TELEGRAM_TOKEN was rejected") as caught:
        await bot.run_telegram(settings, stop=asyncio.Event())
    assert wrong.split(":")[1] not in str(caught.value)
    assert wrong.split(":")[1] not in out.getvalue()


def test_redaction_ignores_case_and_short_tokens():
    from diplowatch.config import redact

    token = "123:AbCdEf"  # too short for the token pattern: only the configured value finds it
    echoed = "internal error: NetworkError: upstream error for /bot123:abcdef/getMe"
    assert redact(echoed, (token,)) == "internal error: NetworkError: upstream error for /bot<token>/getMe"
    assert "abcdef" not in redact(echoed.upper(), (token,)).lower()


def test_every_cli_output_path_is_redacted(monkeypatch, capsys, tmp_path):
    """An error printed with print() (not logged) used to show the token."""
    from diplowatch import cli
    from diplowatch.cli import operations

    token = "123456:ABCdefGhIjklMNOpqrs"
    monkeypatch.setenv("DIPLOWATCH_TELEGRAM_TOKEN", token)
    monkeypatch.setenv("DIPLOWATCH_DB", str(tmp_path / "t.db"))

    def boom(settings, args):
        print(f"about to call /bot{token.lower()}/getMe")
        raise RuntimeError(f"upstream error for /bot{token.lower()}/getMe")

    monkeypatch.setattr(operations, "cmd_status", boom)
    assert cli.main(["status"]) == 70
    out, err = capsys.readouterr()
    assert "internal error" in err and "/bot<token>/getMe" in err and "<token>" in out
    assert "abcdefghijklmnopqrs" not in (out + err).lower()
