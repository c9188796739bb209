"""bot.PollingErrors, the getUpdates error callback: a 409 blip is retried, a persistent 409
Conflict (another instance polling with the token) stops the bot once; the command menu is
sent per language."""

from __future__ import annotations

import asyncio
import logging

from telegram.error import Conflict, NetworkError

from diplowatch.bot import CONFLICT_WINDOW, CONFLICTS_TO_STOP, PollingErrors, run_telegram
from diplowatch.config import Settings
from tests.fakes.bot_api import FakeBotAPI
from tests.fakes.clock import Clock

CONFLICT = Conflict("Conflict: terminated by other getUpdates request")




def polling() -> tuple[PollingErrors, asyncio.Event, Clock]:
    stop, clock = asyncio.Event(), Clock(1000.0)
    return PollingErrors(stop, clock=clock), stop, clock


def test_conflicts_in_a_row_stop_the_bot_with_one_error(caplog):
    errors, stop, clock = polling()
    with caplog.at_level(logging.WARNING, logger="diplowatch.bot"):
        for _ in range(CONFLICTS_TO_STOP - 1):
            errors(CONFLICT)
            clock.now += 1.5
        assert not stop.is_set() and not errors.token_in_use
        for _ in range(3):  # PTB goes on retrying until the updater is stopped
            errors(CONFLICT)
    assert stop.is_set() and errors.token_in_use
    assert [r.levelname for r in caplog.records] == ["WARNING"] * (CONFLICTS_TO_STOP - 1) + ["ERROR"]
    assert caplog.records[-1].getMessage() == (
        "another instance is polling with this token (409 Conflict); stopping after 3 conflicts "
        "in 3 s. Stop the other instance, or give each its own bot token")


def test_conflicts_spread_over_more_than_the_window_are_blips():
    errors, stop, clock = polling()
    for _ in range(10):
        errors(CONFLICT)
        clock.now += CONFLICT_WINDOW / (CONFLICTS_TO_STOP - 1) + 1
    assert not stop.is_set()


def test_other_errors_are_logged_and_left_to_ptb(caplog):
    errors, stop, _ = polling()
    with caplog.at_level(logging.WARNING, logger="diplowatch.bot"):
        for _ in range(5):
            errors(NetworkError("Bad Gateway"))
    assert not stop.is_set()
    assert caplog.messages == ["getUpdates failed: Bad Gateway"] * 5


async def test_the_command_menu_is_sent_in_each_language(tmp_path):
    """setMyCommands once per language: English as the default list, then ru, uk, es, fr and de
    by their language_code; the same commands in the same order, described in that language."""
    (tmp_path / "sources.toml").write_text("")
    stop, up = asyncio.Event(), asyncio.Event()
    async with FakeBotAPI() as api:
        settings = Settings(token=api.token, api_url=api.base_url,
                            db_path=tmp_path / "t.db", sources_path=tmp_path / "sources.toml")
        run = asyncio.create_task(run_telegram(settings, stop=stop, started=lambda rt: up.set()))
        await asyncio.wait_for(up.wait(), 30)
        stop.set()
        await asyncio.wait_for(run, 30)
        menus = {language: {c["command"]: c["description"] for c in commands}
                 for language, commands in api.commands_in.items()}
    assert set(menus) == {"", "ru", "uk", "es", "fr", "de"}
    assert all(list(menu) == list(menus[""]) for menu in menus.values())
    assert list(menus[""])[:3] == ["start", "help", "subscribe"]
    assert menus[""]["recognized"] == "who recognizes an entity now: summary, then lists, CSV, chart"
    assert menus["ru"]["recognized"] == "кто признаёт образование сейчас: сводка, затем списки, CSV, график"
    assert menus["uk"]["language"] == "мова відповідей бота в цьому чаті"
    assert menus["es"]["subscribe"] == (
        "seguir una entidad, un Estado, todos los reconocimientos, una fuente o una palabra clave")
    assert menus["fr"]["unsubscribe"] == "ne plus suivre quelque chose"
    assert menus["de"]["recognized"] == "wer ein Gebiet heute anerkennt: Übersicht, dann Listen, CSV, Diagramm"
