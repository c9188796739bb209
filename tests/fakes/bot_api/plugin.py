"""The pytest plugin: ``pytest_plugins = ["tests.fakes.bot_api"]`` gives the ``bot_api`` fixture."""

from __future__ import annotations

import os

import pytest

from .server import FakeBotAPI


def pytest_configure(config: pytest.Config) -> None:
    # PTB 22 warns on every RetryAfter unless opted in to timedelta periods; tests treat
    # warnings as errors.
    os.environ.setdefault("PTB_TIMEDELTA", "1")


@pytest.fixture
async def bot_api(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A started FakeBotAPI on 127.0.0.1 (random port), stopped after the test."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    async with FakeBotAPI() as server:
        yield server
