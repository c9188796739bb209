"""/recognized, its buttons, /recognizes and /history: answers that fit a chat.

Through `dispatch` (the table the console and Telegram share), and through the real PTB
Application against the fake Bot API for what Telegram receives (keyboard, edit, document).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from telegram import Update
from telegram.ext import Application

from diplowatch import handlers, ledger
from diplowatch.config import Settings
from diplowatch.handlers import core, dispatch
from diplowatch.handlers.core import Deps, Request
from diplowatch.store import open_db
from diplowatch.telegram_html import validate_html
from tests.fakes.bot_api import FakeBotAPI

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
USER = 2002
TELEGRAM_LIMIT = 4096


@pytest.fixture
def deps(tmp_path):
    db = open_db(tmp_path / "t.db")
    ledger.load_seed(db, now=NOW)
    yield Deps(db, Settings(), lambda: NOW)
    db.close()


async def ask(deps, text):
    name, *args = text.split()
    reply = await dispatch(deps, Request(USER, USER, name.lstrip("/"), args))
    assert validate_html(reply.text) == [], reply.text
    return reply


async def press(deps, data):
    reply = await dispatch(deps, Request(USER, USER, "", callback=data))
    assert validate_html(reply.text) == [], reply.text
    return reply


def buttons(reply) -> dict[str, str]:
    return {label: data for row in reply.buttons for label, data in row}


async def test_kosovo_summary_fits_one_message_and_shows_disputes_apart(deps):
    reply = await ask(deps, "/recognized kosovo")
    text = reply.text
    assert len(text) < TELEGRAM_LIMIT
    assert "Recognized by <b>99 UN member states</b>" in text
    assert ("⚠️ 9 more are claimed to have withdrawn, without a date (Serbian President Vucic on"
            " 4 Jan 2023)") in text and "Not counted above." in text
    assert "Also by 3 recognizers that are not UN member states, counted apart: Cook Islands, Niue," in text
    latest = text[text.index("Latest changes"):]
    assert latest.index("26 Mar 2025 — Kenya recognized") < latest.index("4 Sep 2020 — Israel")
    assert "As of 26 Dec 2025 (the newest act in the ledger)." in text
    assert "Baseline: 147 sourced historical acts from diplowatch's seed history" in text
    assert set(buttons(reply)) == {"Full list by date", "by name", "Withdrawals", "CSV", "Timeline", "Map"}


async def test_palestine_and_taiwan_summaries(deps):
    palestine = (await ask(deps, "/recognized palestine")).text
    assert "Recognized by <b>157 UN member states</b>" in palestine
    assert "Also by 1 recognizer that is not a UN member state, counted apart: Holy See." in palestine
    taiwan = (await ask(deps, "/recognized taiwan")).text
    assert "Recognized by <b>11 UN member states</b>" in taiwan and "counted apart: Holy See." in taiwan


async def test_full_list_is_paged_by_date_and_by_name(deps):
    first = await press(deps, "rec:list:date:XK:0")
    assert first.edit and "102 states recognize it</b> (99 UN members) · by date · page 1/5" in first.text
    assert "\n1. Costa Rica — since 17 Feb 2008" in first.text  # the first, by its date
    assert set(buttons(first)) == {"Next ▶", "Summary"} and buttons(first)["Next ▶"] == "rec:list:date:XK:1"
    last = await press(deps, "rec:list:date:XK:4")
    assert "page 5/5" in last.text and "Kenya — since 26 Mar 2025" in last.text
    assert set(buttons(last)) == {"◀ Previous", "Summary"}
    by_name = await press(deps, "rec:list:name:XK:0")
    assert by_name.text.index("1. Afghanistan") < by_name.text.index("2. Albania")
    beyond = await press(deps, "rec:list:date:XK:99")  # an old button after the list shrank
    assert "page 5/5" in beyond.text


async def test_withdrawals_page_lists_dated_ones_then_the_undated_claims(deps):
    page = await press(deps, "rec:withdrew:date:XK:0")
    text = page.text
    assert "16 states withdrew their recognition</b> (16 UN members)" in text
    assert "Ghana — withdrew 11 Nov 2019 (recognized 23 Jan 2012)" in text
    assert text.index("Sierra Leone — withdrew 3 Mar 2020") < text.index("⚠️ 9 more are claimed")


async def test_csv_button_sends_the_entitys_acts(deps):
    reply = await press(deps, "rec:csv:date:XK:0")
    name, body = reply.document
    rows = body.decode().splitlines()
    assert name == "diplowatch-XK.csv" and rows[0].startswith("actor,target,act,date")
    assert len(rows) == 1 + 147 and all(",XK," in r for r in rows[1:])


@pytest.mark.parametrize("data", ["rec:list:date:nowhere:0", "rec:list:sideways:XK:0", "rec:list:date:XK:-1",
                                  "rec:frob:date:XK:0", "rec", "rec:list:date:XK:99999999999"])
async def test_stale_or_forged_buttons_get_a_clear_answer(deps, data):
    assert "That button is no longer valid" in (await press(deps, data)).text


async def test_entity_with_no_data(tmp_path):
    db = open_db(tmp_path / "empty.db")
    reply = await dispatch(Deps(db, Settings(), lambda: NOW), Request(USER, USER, "recognized", ["crimea"]))
    assert reply.text == ("No recognition data for Republic of Crimea yet: no act is recorded, in the"
                          " baseline or from monitored sources.") and reply.buttons == []
    db.close()


async def test_recognizes_an_entity_as_actor_and_a_state_with_withdrawals(deps):
    abkhazia = (await ask(deps, "/recognizes abkhazia")).text
    assert abkhazia.startswith("<b>Abkhazia (partially recognized entity): acts on the entities")
    assert "2006 — recognizes South Ossetia" in abkhazia
    ghana = (await ask(deps, "/recognizes ghana")).text
    lines = [line for line in ghana.splitlines() if line.startswith("•")]
    assert [line.split(" · ")[0] for line in lines] == [
        "• 29 Nov 1988 — recognizes State of Palestine",
        "• 8 Sep 2011 — recognizes Sahrawi Arab Democratic Republic",
        "• 11 Nov 2019 — withdrew recognition of Kosovo (recognized 23 Jan 2012)",
    ]


async def test_state_that_recognizes_nothing(deps):
    text = (await ask(deps, "/recognizes greece")).text
    assert text.startswith("No recognition act by Greece is recorded for the entities diplowatch tracks")


async def test_history_of_one_pair_with_evidence(deps):
    text = (await ask(deps, "/history ghana kosovo")).text
    assert text.startswith("<b>Ghana and Kosovo</b>: 2 recorded acts, in timeline order")
    assert text.index("23 Jan 2012 — recognized (diplowatch seed history)") < text.index("11 Nov 2019 — withdrew (diplowatch seed history)")
    assert "announced by Serbian FM" in text
    multiword = (await ask(deps, "/history north korea dpr")).text
    assert multiword.startswith("<b>North Korea and Donetsk People's Republic</b>: 1 recorded act")


@pytest.mark.parametrize(("text", "says"), [
    ("/history", "Usage: /history &lt;state&gt; &lt;entity&gt;"),
    ("/history ghana", "Usage: /history &lt;state&gt; &lt;entity&gt;"),
    ("/history narnia kosovo", 'Unknown state "narnia"'),
    ("/history ghana narnia", 'Unknown entity "narnia"'),
    ("/recognizes narnia", 'Unknown state "narnia"'),
])
async def test_bad_history_and_recognizes_input(deps, text, says):
    assert says in (await ask(deps, text)).text


# ---- through the PTB Application and the fake Bot API ---------------------------------------


@pytest.fixture
async def app(deps, bot_api: FakeBotAPI, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(core.time, "monotonic", lambda: clock[0])
    application = Application.builder().token(bot_api.token).base_url(bot_api.base_url).updater(None).build()
    handlers.register(application, deps)
    async with application:
        application.clock = clock  # type: ignore[attr-defined]
        yield application


async def send(app: Application, payload: dict) -> None:
    await app.process_update(Update.de_json(payload, app.bot))
    app.clock[0] += 2  # past the per-user command interval


async def test_summary_keyboard_page_edit_and_csv_through_telegram(app, bot_api: FakeBotAPI):
    await send(app, bot_api.inject_message(USER, "/recognized kosovo"))
    [summary] = bot_api.sent_messages(USER)
    assert "99 UN member states" in summary.text and summary.parse_mode == "HTML"
    markup = summary.params["reply_markup"]
    keyboard = markup if isinstance(markup, dict) else json.loads(markup)
    datas = [b["callback_data"] for row in keyboard["inline_keyboard"] for b in row]
    assert "rec:list:date:XK:0" in datas and "rec:csv:date:XK:0" in datas
    await send(app, bot_api.inject_callback(USER, "rec:list:date:XK:1", message_id=summary.message_id))
    [edit] = bot_api.calls_to("editMessageText")
    assert edit.params["message_id"] in (summary.message_id, str(summary.message_id))
    assert "page 2/5" in edit.params["text"]
    await send(app, bot_api.inject_callback(USER, "rec:csv:date:XK:0", message_id=summary.message_id))
    assert len(bot_api.calls_to("sendDocument")) == 1


async def test_map_command_and_button_send_a_photo_through_telegram(app, bot_api: FakeBotAPI):
    await send(app, bot_api.inject_message(USER, "/recognized kosovo"))
    [summary] = bot_api.sent_messages(USER)
    markup = summary.params["reply_markup"]
    keyboard = markup if isinstance(markup, dict) else json.loads(markup)
    assert "rec:map:date:XK:0" in [b["callback_data"] for row in keyboard["inline_keyboard"] for b in row]
    await send(app, bot_api.inject_callback(USER, "rec:map:date:XK:0", message_id=summary.message_id))
    await send(app, bot_api.inject_message(USER, "/map taiwan"))
    photos = bot_api.calls_to("sendPhoto")
    assert len(photos) == 2 and all(p.params["photo"].startswith(b"\x89PNG") for p in photos)
    assert photos[1].params["caption"] == "Who recognizes Taiwan (Republic of China): UN member states by their last dated act."
    await send(app, bot_api.inject_message(USER, "/map atlantis"))
    assert 'Unknown entity "atlantis"' in bot_api.sent_messages(USER)[-1].text
