"""Fixtures shared by the whole test suite. Keep them generic."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from diplowatch.sources import close_parse_pool
from diplowatch.sources.fetch import Fetcher, make_client
from diplowatch.store import open_db
from tests.fakes.feed_server import FeedServer

pytest_plugins = ["tests.fakes.bot_api"]

DATA_DIR = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    """tests/data: golden files and sample documents."""
    return DATA_DIR


@pytest.fixture
def db(tmp_path):
    """A fresh store (a real SQLite file, migrations applied), closed after the test."""
    database = open_db(tmp_path / "test.db")
    yield database
    database.close()


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    """A FeedServer on 127.0.0.1 (random port), serving tests/data for unmatched paths."""
    server = FeedServer(root=DATA_DIR)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture(scope="module")
def parse_pool() -> Iterator[None]:
    """The parse worker pool, shut down after the module (use: ``pytestmark``)."""
    yield
    close_parse_pool()


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    """A Fetcher over a real client with short timeouts; private addresses allowed (the feed
    server is on 127.0.0.1)."""
    async with make_client(connect_timeout=1.0, read_timeout=2.0) as client:
        yield Fetcher(client, allow_private=True, total_timeout=10.0)
