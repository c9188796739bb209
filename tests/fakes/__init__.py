"""Fakes for tests and scripts: a Telegram Bot API server on 127.0.0.1.

Register the ``bot_api`` fixture with ``pytest_plugins = ["tests.fakes.bot_api"]``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FakeBotAPI", "Fault", "SentMessage", "Violation"]


def __getattr__(name: str) -> Any:
    # Lazy, so that `python -m tests.fakes.bot_api` does not import the module twice.
    if name in __all__:
        from . import bot_api

        return getattr(bot_api, name)
    raise AttributeError(name)
