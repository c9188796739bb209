"""Source health for people: a source failing for DIPLOWATCH_SOURCE_ALERT_AFTER is reported to
the admins once and its recovery once, through the outbox (a restart repeats nothing), and
delivered through the real Bot client to the fake Bot API; /sources shows since when."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from diplowatch import texts
from diplowatch.config import ConfigError, load_settings
from diplowatch.delivery import Sender, SendPolicy, telegram_send
from diplowatch.models import Source
from diplowatch.scheduler import Monitor
from diplowatch.sources import close_parse_pool, make_client
from diplowatch.sources.budget import InlineParser
from diplowatch.sources.fetch import Fetcher
from diplowatch.store import chats, open_db
from diplowatch.store import sources as source_store
from tests.fakes.clock import Clock
from tests.fakes.feed_server import FeedServer

T0 = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
ADMINS = frozenset({1001, 1002})
FEED = (b'<rss version="2.0"><channel><title>MFA</title><item><guid>g1</guid>'
        b"<title>Statement</title></item></channel></rss>")


class World:
    def __init__(self, path, server: FeedServer, admins: frozenset[int]) -> None:
        self.path, self.server, self.admins = path, server, admins
        self.clock = Clock(T0)
        self.client = make_client(connect_timeout=2, read_timeout=2)
        self.open()

    def open(self) -> None:
        """(Re)start: a new database connection and monitor, as after a restart."""
        self.db = open_db(self.path)
        self.monitor = Monitor(self.db, Fetcher(self.client, allow_private=True), clock=self.clock,
                               parser=InlineParser(), admins=self.admins,
                               source_alert_after=24 * 3600)

    def close(self) -> None:
        self.monitor.close()
        self.db.close()

    async def poll_at(self, hours: float) -> str:
        self.clock.now = T0 + timedelta(hours=hours)
        return (await self.monitor.poll("mfa", force=True)).status

    def reports(self) -> list[tuple[str, int, str]]:
        return [(r["kind"], r["chat_id"], r["text"]) for r in self.db.query(
            "SELECT a.kind, o.chat_id, a.text FROM alerts a JOIN outbox o ON o.alert_id = a.id"
            " WHERE a.kind LIKE 'source-%' ORDER BY a.id, o.chat_id")]


@pytest.fixture
async def world(tmp_path, feed_server: FeedServer):
    feed_server.set_fault("/feed.xml", status=503)
    world = World(tmp_path / "t.db", feed_server, ADMINS)
    source_store.add_source(world.db, Source("mfa", "rss", feed_server.url("/feed.xml")), now=T0)
    yield world
    world.close()
    await world.client.aclose()
    close_parse_pool()


FAILING = ("⚠️ <b>Source failing</b>: mfa has failed every poll since 20 Nov 2026, 06:00 UTC (1d, "
           "{n} attempts).\nLast reason: HTTP 503 Service Unavailable from 127.0.0.1\n"
           "See what it gives with /testsource mfa; all sources: /sources. You will be told once"
           " when it works again.")
RECOVERED = ("✅ <b>Source back</b>: mfa works again after failing since 20 Nov 2026, 06:00 UTC "
             "(1d).")


async def test_failing_is_reported_once_after_a_day_and_recovery_once(world: World) -> None:
    assert [await world.poll_at(h) for h in (0, 6, 23.9)] == ["error"] * 3
    assert world.reports() == []
    assert await world.poll_at(24) == "error"
    failing = FAILING.format(n=4)
    assert world.reports() == [("source-failing", 1001, failing), ("source-failing", 1002, failing)]
    await world.poll_at(30)
    world.close()
    world.open()  # a restart: the report is in the store, it is not made again
    await world.poll_at(36)
    assert len(world.reports()) == 2
    world.server.clear_fault("/feed.xml")
    world.server.set_content("/feed.xml", FEED)
    assert await world.poll_at(40) == "new"
    assert world.reports()[2:] == [("source-recovered", 1001, RECOVERED),
                                   ("source-recovered", 1002, RECOVERED)]
    assert await world.poll_at(41) == "not_modified"
    assert len(world.reports()) == 4
    state = source_store.get_source(world.db, "mfa")[1]
    assert (state.failing_since, state.failure_reported_at) == (None, None)


async def test_a_short_outage_is_never_reported(world: World) -> None:
    await world.poll_at(0)
    world.server.clear_fault("/feed.xml")
    world.server.set_content("/feed.xml", FEED)
    await world.poll_at(20)
    world.server.set_fault("/feed.xml", status=503)
    await world.poll_at(30)  # a new run of failures: it counts from hour 30
    await world.poll_at(53)
    assert world.reports() == []
    assert source_store.get_source(world.db, "mfa")[1].failing_since == T0 + timedelta(hours=30)


async def test_without_admins_nothing_is_queued_and_recovery_is_quiet(tmp_path, feed_server):
    feed_server.set_fault("/feed.xml", status=503)
    world = World(tmp_path / "t.db", feed_server, frozenset())
    try:
        source_store.add_source(world.db, Source("mfa", "rss", feed_server.url("/feed.xml")),
                                now=T0)
        await world.poll_at(0)
        await world.poll_at(25)
        assert world.reports() == []
        assert source_store.get_source(world.db, "mfa")[1].failure_reported_at is None
    finally:
        world.close()
        await world.client.aclose()


async def test_the_report_reaches_the_admins_through_the_bot_api(world: World, bot_api) -> None:
    await world.poll_at(0)
    await world.poll_at(25)
    async with bot_api.bot(read_timeout=2, write_timeout=2, connect_timeout=2,
                           pool_timeout=2) as bot:
        sender = Sender(world.db, telegram_send(bot),
                        policy=SendPolicy(rate=1000, backoff_base=0.01))
        stop = asyncio.Event()
        task = asyncio.create_task(sender.run(stop=stop))
        async with asyncio.timeout(10):
            while len(bot_api.sent_messages()) < 2:
                await asyncio.sleep(0.02)
        stop.set()
        await asyncio.wait_for(task, 5)
    sent = sorted((m.chat_id, m.text) for m in bot_api.sent_messages())
    assert [chat for chat, _ in sent] == [1001, 1002]
    assert [text for _, text in sent] == [FAILING.format(n=2)] * 2


async def test_each_admin_reads_the_report_in_their_language(world: World) -> None:
    chats.set_chat_language(world.db, 1001, "fr", type="private", title="", now=T0)
    await world.poll_at(0)
    await world.poll_at(25)
    [(alert_id, english)] = [(r["id"], r["text"]) for r in world.db.query(
        "SELECT id, text FROM alerts WHERE kind = 'source-failing'")]
    assert english == FAILING.format(n=2)
    [french] = [r["text"] for r in world.db.query(
        "SELECT text FROM alert_texts WHERE alert_id = ? AND language = 'fr'", [alert_id])]
    assert french == (
        "⚠️ <b>Source en échec</b> : mfa échoue à chaque consultation depuis le 20 novembre 2026, "
        "06:00 UTC (1 j, 2 tentatives).\nDernière raison : HTTP 503 Service Unavailable from "
        "127.0.0.1\nVoyez ce qu'elle donne avec /testsource mfa ; toutes les sources : /sources. "
        "Vous serez prévenu une fois quand elle fonctionnera de nouveau.")


async def test_sources_shows_since_when_a_source_fails(world: World) -> None:
    await world.poll_at(0)
    await world.poll_at(3)
    now = T0 + timedelta(hours=5)
    page = texts.sources_html(source_store.list_sources(world.db), now=now)
    assert page.endswith("— failing ×2: HTTP 503 Service Unavailable from 127.0.0.1 — since "
                         "20 Nov 2026, 06:00 UTC (5h ago)")


def test_the_delay_is_configurable() -> None:
    assert load_settings({}).source_alert_after == 24 * 3600
    assert load_settings({"DIPLOWATCH_SOURCE_ALERT_AFTER": "90m"}).source_alert_after == 5400
    with pytest.raises(ConfigError, match=r"^DIPLOWATCH_SOURCE_ALERT_AFTER='soon' must be how "
                                          r"long a source fails"):
        load_settings({"DIPLOWATCH_SOURCE_ALERT_AFTER": "soon"})
