"""diplowatch's handlers on a real python-telegram-bot Application that talks HTTP to the
fake Bot API, fed with process_update, on a fake monotonic clock (the per-user throttle's), so
nothing depends on how fast the machine is."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram.ext import Application

from diplowatch import handlers
from diplowatch.handlers import core


@asynccontextmanager
async def diplowatch_app(bot_api, deps, monkeypatch) -> AsyncIterator[tuple[Application, list[float]]]:
    """(the running Application, its clock: a one-item list of monotonic seconds to advance)."""
    clock = [1000.0]
    monkeypatch.setattr(core.time, "monotonic", lambda: clock[0])
    app = Application.builder().token(bot_api.token).base_url(bot_api.base_url) \
        .updater(None).build()
    handlers.register(app, deps)
    async with app:
        yield app, clock
