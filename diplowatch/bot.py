"""The Telegram front end: the PTB Application, its start against the Bot API and its
polling life, attached to the runtime (runtime.py) for as long as it runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time
from collections.abc import Callable

from telegram.error import Conflict, InvalidToken, NetworkError, TelegramError
from telegram.ext import AIORateLimiter, Application

from . import handlers, texts
from .config import ConfigError, Settings, redact
from .delivery import Sender, SendPolicy, sending_request, telegram_send
from .handlers.core import MAX_IN_FLIGHT
from .handlers.telegram import command_menus
from .runtime import Runtime, background, deps_for, open_runtime, stop_on_signals

log = logging.getLogger(__name__)


def build_application(settings: Settings) -> Application:
    # Our outbox sender paces alerts; PTB's limiter is only a safety net for replies.
    limiter = AIORateLimiter(overall_max_rate=max(30.0, settings.send_rate), max_retries=0)
    # Updates are handled concurrently (one user's slow search must not hold up the others),
    # more of them than MAX_IN_FLIGHT, so that the commands past that cap get their "busy".
    # sending_request: a send the Bot API accepted is never retried, even if its answer is junk.
    return (Application.builder().token(settings.token or "").base_url(settings.api_url)
            .request(sending_request()).rate_limiter(limiter)
            .concurrent_updates(4 * MAX_IN_FLIGHT).build())


async def run_telegram(settings: Settings, *, stop: asyncio.Event | None = None,
                       started: Callable[[Runtime], object] | None = None) -> None:
    """Bot + monitor + sender until `stop`; `started(runtime)` runs once all are up (tests).

    Raises TokenInUse, after a clean stop, when another instance kept polling with the token."""
    stop = stop or stop_on_signals()
    async with open_runtime(settings) as rt:
        app = build_application(settings)
        handlers.register(app, deps_for(rt))
        if not await _initialize(app, settings, stop):
            return
        for language_code, commands in command_menus():
            await app.bot.set_my_commands(commands, language_code=language_code)
        await app.start()
        polling, updater = PollingErrors(stop), app.updater
        assert updater is not None  # the builder makes one unless told not to
        await updater.start_polling(allowed_updates=ALLOWED_UPDATES, error_callback=polling)
        sender = Sender(rt.db, telegram_send(app.bot, paid_broadcast=settings.paid_broadcast),
                        policy=SendPolicy(rate=settings.send_rate),
                        clock=rt.clock)
        try:
            async with background(rt, sender=sender):
                if started:
                    started(rt)
                await stop.wait()
        finally:
            await updater.stop()
            await app.stop()
            await app.shutdown()
        if polling.token_in_use:
            raise TokenInUse


ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member", "inline_query"]
# Waits between tries of getMe while the Bot API cannot be reached at start: about a minute.
START_RETRY_DELAYS = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)


async def _initialize(app: Application, settings: Settings, stop: asyncio.Event) -> bool:
    """app.initialize() (getMe), tried again with backoff while the Bot API is unreachable or
    failing; False if `stop` came meanwhile. ConfigError for a rejected token, or once the
    tries are spent."""
    started, delays = time.monotonic(), iter(START_RETRY_DELAYS)
    for attempt in itertools.count(1):
        try:
            await app.initialize()
            return True
        except InvalidToken:
            await app.bot.shutdown()  # initialize() opened the HTTP clients before getMe failed
            raise ConfigError("DIPLOWATCH_TELEGRAM_TOKEN was rejected by the Bot API. Copy the "
                              "token again from @BotFather, or unset it for the console chat.") from None
        except NetworkError as exc:  # connection refused, timeouts, 5xx
            reason, delay = redact(str(exc), (settings.token or "",)), next(delays, None)
            if delay is None:
                await app.bot.shutdown()
                raise ConfigError(texts.api_unreachable(
                    settings.api_url, reason, attempt, time.monotonic() - started)) from None
            log.warning("Bot API not reachable at %s (%s); trying again in %gs",
                        settings.api_url, reason, delay)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), delay)
        if stop.is_set():
            await app.bot.shutdown()
            return False
    return False  # itertools.count does not end


CONFLICTS_TO_STOP = 3  # 409s within CONFLICT_WINDOW: another instance, not a blip
CONFLICT_WINDOW = 60.0


class TokenInUse(Exception):
    """Another bot instance kept polling with this token; this one stopped (already logged)."""


class PollingErrors:
    """PTB's polling ``error_callback``: logs getUpdates failures (PTB retries them) and sets
    ``stop`` once 409 Conflicts persist: CONFLICTS_TO_STOP of them within CONFLICT_WINDOW s.
    Telegram answers 409 when a second getUpdates with the same token ends ours."""

    def __init__(self, stop: asyncio.Event, *, clock: Callable[[], float] = time.monotonic):
        self.stop, self._clock = stop, clock
        self.conflicts: list[float] = []
        self.token_in_use = False

    def __call__(self, exc: TelegramError) -> None:
        if not isinstance(exc, Conflict):
            log.warning("getUpdates failed: %s", exc)
            return
        now = self._clock()
        self.conflicts = [t for t in self.conflicts if t > now - CONFLICT_WINDOW] + [now]
        if len(self.conflicts) < CONFLICTS_TO_STOP:
            log.warning("getUpdates failed (%d of %d conflicts before stopping): %s",
                        len(self.conflicts), CONFLICTS_TO_STOP, exc)
        elif not self.token_in_use:
            self.token_in_use = True
            log.error("another instance is polling with this token (409 Conflict); stopping "
                      "after %d conflicts in %.0f s. Stop the other instance, or give each its "
                      "own bot token", len(self.conflicts), now - self.conflicts[0])
            self.stop.set()
