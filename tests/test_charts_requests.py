"""Chart requests through `dispatch`: drawn off the event loop, once per ledger change, however
many people ask at once; bad requests get a clear answer."""

from __future__ import annotations

import asyncio
import io
import threading
from datetime import UTC, datetime

import pytest

from diplowatch import ledger
from diplowatch.charts import cache
from diplowatch.config import Settings
from diplowatch.handlers import dispatch
from diplowatch.handlers.core import Deps, Request
from diplowatch.store import open_db

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
HEADER = "actor,target,act,date,date_precision,source_url,note\n"


@pytest.fixture
def deps(tmp_path):
    db = open_db(tmp_path / "charts.db")
    ledger.load_seed(db, now=NOW)
    yield Deps(db, Settings(), lambda: NOW)
    db.close()


def ask(deps, command, *args, user=1):
    return dispatch(deps, Request(user, user, command, list(args)))


async def test_a_flood_of_requests_draws_each_chart_once(deps):
    replies = await asyncio.gather(*(ask(deps, "timeline", "kosovo", user=u) for u in range(1, 41)))
    photos = {r.photo for r in replies if r.photo}
    assert len(photos) == 1 and deps.charts.renders == 1
    # past the cap on commands in flight (issue 13) the rest are told to try again, at once
    assert all(r.photo or "try again" in r.text for r in replies)
    await ask(deps, "timeline", "kosovo", user=99)
    assert deps.charts.renders == 1  # still cached


async def test_a_ledger_change_draws_it_again(deps):
    first = (await ask(deps, "timeline", "dpr")).photo
    ledger.import_csv(deps.db, io.StringIO(HEADER + "BY,donetsk-pr,recognize,2025-06-01,day,https://example.org/by,\n"),
                      now=NOW)
    second = (await ask(deps, "timeline", "dpr", user=2)).photo
    assert deps.charts.renders == 2 and first != second


async def test_a_retraction_is_a_ledger_change_too(deps):
    await ask(deps, "timeline", "dpr")
    deps.db.execute("UPDATE events SET retracted_at = '2026-03-01' WHERE id = (SELECT max(id) FROM events)")
    await ask(deps, "timeline", "dpr", user=2)
    assert deps.charts.renders == 2


async def test_drawing_runs_off_the_event_loop(deps, monkeypatch):
    """While a chart is being drawn, other commands are answered: the drawing is held on a
    threading.Event that only the test sets, after /help has been answered."""
    release, drawing = threading.Event(), threading.Event()
    read, draw = cache.RENDERERS["timeline"]

    def held(data):
        drawing.set()
        assert release.wait(30)
        return draw(data)

    monkeypatch.setitem(cache.RENDERERS, "timeline", (read, held))
    chart = asyncio.ensure_future(ask(deps, "timeline", "taiwan"))
    while not drawing.is_set():
        await asyncio.sleep(0.01)
    help_reply = await ask(deps, "help", user=2)
    assert "/timeline" in help_reply.text and not chart.done()
    release.set()
    assert (await chart).photo.startswith(b"\x89PNG")


@pytest.mark.parametrize("chart", ["timeline", "map"])
async def test_an_entity_with_no_data_is_a_clear_answer(tmp_path, chart):
    db = open_db(tmp_path / "empty.db")
    deps = Deps(db, Settings(), lambda: NOW)
    reply = await ask(deps, chart, "somaliland")
    db.close()
    assert reply.photo is None and reply.text == "No recognition history for Somaliland yet."
    assert deps.charts.renders == 0


async def test_the_map_is_drawn_off_the_loop_and_cached_apart_from_the_timeline(deps):
    replies = await asyncio.gather(*(ask(deps, "map", "kosovo", user=u) for u in range(1, 6)))
    assert len({r.photo for r in replies}) == 1 and replies[0].photo.startswith(b"\x89PNG")
    assert replies[0].text == "Who recognizes Kosovo: UN member states by their last dated act."
    timeline = await ask(deps, "timeline", "kosovo", user=7)
    assert deps.charts.renders == 2 and timeline.photo != replies[0].photo
    await ask(deps, "map", "kosovo", user=8)
    assert deps.charts.renders == 2  # still cached


@pytest.mark.parametrize(("args", "says"), [
    ((), "Which entity? e.g. /map kosovo"),
    (("narnia",), 'Unknown entity "narnia"'),
])
async def test_bad_map_requests_get_a_clear_answer(deps, args, says):
    reply = await ask(deps, "map", *args)
    assert reply.photo is None and says in reply.text and deps.charts.renders == 0

