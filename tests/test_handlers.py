"""Every command through `dispatch` (the table both Telegram and the console use):
good, bad, missing and hostile arguments get a clear reply, never a traceback."""

from datetime import UTC, datetime

import pytest

from diplowatch import ledger
from diplowatch.config import Settings, parse_sources
from diplowatch.handlers import COMMANDS, dispatch
from diplowatch.handlers.core import Deps, Request
from diplowatch.models import Statement
from diplowatch.pipeline import ingest
from diplowatch.store import chats, open_db
from diplowatch.store.sources import sync_sources
from diplowatch.telegram_html import validate_html

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
ADMIN, USER, GROUP = 1001, 2002, -100500
SOURCES = '[[sources]]\nname = "pushilin"\nkind = "telegram"\nurl = "https://t.me/s/pushilindenis"\n'


@pytest.fixture
def deps(tmp_path):
    db = open_db(tmp_path / "t.db")
    sync_sources(db, parse_sources(SOURCES, origin="t"), now=NOW)
    ledger.load_seed(db, now=NOW)
    ingest(db, [Statement("pushilin", "post:p/1", "https://t.me/pushilindenis/1", "",
                          "Провёл совещание о референдуме <b>важно</b>", lang="ru",
                          published_at=NOW)], now=NOW)
    yield Deps(db, Settings(admin_ids=frozenset({ADMIN})), lambda: NOW)
    db.close()


async def ask(deps, text, *, user=USER, chat=None, chat_type="private", chat_admin=None):
    name, *args = text.split()
    request = Request(chat_id=chat if chat is not None else user, user_id=user,
                      command=name.lstrip("/"), args=args, chat_type=chat_type,
                      chat_admin=chat_admin)
    reply = await dispatch(deps, request)
    assert validate_html(reply.text) == [], reply.text
    return reply


async def press(deps, data, *, user=USER):
    reply = await dispatch(deps, Request(user, user, "", callback=data))
    assert validate_html(reply.text) == []
    return reply


async def test_start_and_help_list_every_public_command(deps):
    assert "diplowatch" in (await ask(deps, "/start")).text
    text = (await ask(deps, "/help")).text
    for cmd in COMMANDS.values():
        assert (f"/{cmd.name}" in text) != cmd.admin, cmd.name
    admin_help = (await ask(deps, "/help", user=ADMIN)).text
    assert all(f"/{c.name}" in admin_help for c in COMMANDS.values())


async def test_help_and_the_menu_start_with_what_people_use_first(deps):
    from diplowatch.handlers.telegram import bot_commands

    text = (await ask(deps, "/help", user=ADMIN)).text
    at = {c.name: text.index(f"/{c.name} ") if f"/{c.name} " in text else text.index(f"/{c.name}")
          for c in COMMANDS.values()}
    assert at["start"] < at["help"] < at["subscribe"] < at["recognized"] < at["search"]
    assert max(at[c.name] for c in COMMANDS.values() if not c.admin) < min(
        at[c.name] for c in COMMANDS.values() if c.admin)  # admin commands come last
    menu = [c.command for c in bot_commands()]
    assert menu[:3] == ["start", "help", "subscribe"] and menu.index("recognized") < menu.index("search")


async def test_recognized_dpr_from_seed_data(deps):
    text = (await ask(deps, "/recognized dpr")).text
    assert "Recognized by <b>3 UN member states</b>" in text
    # latest changes, newest first
    assert text.index("North Korea") < text.index("Syria") < text.index("Russia")
    assert "21 Feb 2022" in text


@pytest.mark.parametrize("name", ["Абхазию", "Kosovo", "Косово", "DNR", "Südossetien"])
async def test_recognized_resolves_names_in_many_languages(deps, name):
    assert "Recognized by <b>" in (await ask(deps, f"/recognized {name}")).text


@pytest.mark.parametrize(("text", "says"), [
    ("/recognized", "Which entity?"),
    ("/recognized Donbass", "Did you mean: Donetsk People's Republic (dpr), Luhansk People's Republic (lpr)?"),
    ("/recognized <script>alert(1)</script>", 'Unknown entity "&lt;script&gt;'),
    ("/recognizes", "Which state or entity?"),
    ("/recognizes north koria", "Did you mean: North Korea"),
    ("/latest 0", "Usage: /latest [n]"),
    ("/latest lots", "Usage: /latest [n]"),
    ("/search", "Type words to search for"),
    ("/statements nosuch", 'No source named "nosuch"'),
    ("/subscribe source nosuch", 'No source named "nosuch"'),
    ("/subscribe keyword ab", "A keyword must be 3 to 64 characters long"),
    ("/unsubscribe 999999", "subscription"),
    ("/frobnicate", "Unknown command /frobnicate"),
    ("/timeline", "Which entity?"),
    ("/recognized " + "x" * 10_000, "That is too long"),
])
async def test_bad_arguments_get_clear_replies(deps, text, says):
    assert says in (await ask(deps, text)).text


async def test_recognizes_state(deps):
    text = (await ask(deps, "/recognizes КНДР")).text
    assert text.startswith("<b>North Korea: acts on the entities") and "recognizes Donetsk People's Republic" in text


async def test_latest_and_timeline_and_export(deps):
    assert "Latest recognition events" in (await ask(deps, "/latest 3")).text
    reply = await ask(deps, "/timeline kosovo")
    assert reply.photo and reply.photo.startswith(b"\x89PNG")
    reply = await ask(deps, "/export")
    name, content = reply.document
    assert name.endswith(".csv") and content.startswith(b"actor,target,act,date")


async def test_subscribe_flow_and_listing(deps):
    assert "Subscribed: recognitions of Donetsk People's Republic" in (await ask(deps, "/subscribe dpr")).text
    assert "recognitions by North Korea" in (await ask(deps, "/subscribe state north korea")).text
    assert "all recognitions" in (await ask(deps, "/subscribe all")).text
    assert "every statement of source pushilin" in (await ask(deps, "/subscribe source pushilin")).text
    assert 'mentioning "референдум"' in (await ask(deps, "/subscribe keyword Референдум")).text
    again = await ask(deps, "/subscribe dpr")  # idempotent, and says so
    assert "already follows recognitions of Donetsk People's Republic" in again.text
    listing = await ask(deps, "/subscriptions")
    assert listing.text.count("\n") >= 5 and len(listing.buttons) == 5


async def test_subscriptions_are_numbered_in_the_chat_and_replies_name_what_changed(deps):
    await ask(deps, "/subscribe dpr", user=ADMIN)  # another chat's rows take the first ids
    await ask(deps, "/subscribe kosovo")
    await ask(deps, "/subscribe all")
    listing = (await ask(deps, "/subscriptions")).text
    assert "1. recognitions of Kosovo" in listing and "2. all recognitions" in listing
    assert "Unsubscribed from all recognitions" in (await ask(deps, "/unsubscribe all")).text
    await ask(deps, "/subscribe all")
    assert "Unsubscribed from all recognitions" in (
        await ask(deps, "/unsubscribe all recognitions")).text
    assert "Unsubscribed from recognitions of Kosovo" in (await ask(deps, "/unsubscribe 1")).text
    assert "no subscription 1: this chat follows nothing yet" in (
        await ask(deps, "/unsubscribe 1")).text
    assert "does not follow recognitions of Abkhazia" in (
        await ask(deps, "/unsubscribe abkhazia")).text


@pytest.mark.parametrize(("text", "says"), [
    ("/subscribe state", "Which state? e.g. /subscribe state north korea"),
    ("/subscribe source", "Which source?"),
    ("/subscribe keyword", "Which word?"),
    ("/subscribe Russia", "Russia is a state, not a partially recognized entity. To follow what "
                          "it recognizes: /subscribe state russia"),
])
async def test_subscribe_usage_and_hints(deps, text, says):
    reply = (await ask(deps, text)).text
    assert says in reply and "Did you mean" not in reply


async def test_subscribe_without_argument_offers_buttons(deps):
    reply = await ask(deps, "/subscribe")
    data = [d for row in reply.buttons for _, d in row]
    assert "sub:entity:donetsk-pr" in data and all(len(d.encode()) <= 64 for d in data)
    assert "Subscribed" in (await press(deps, "sub:entity:abkhazia")).text


async def test_unsubscribe_own_only(deps):
    await ask(deps, "/subscribe dpr", user=USER)
    [sub] = chats.list_subscriptions(deps.db, USER)
    other = await ask(deps, f"/unsubscribe {sub.id}", user=ADMIN)
    assert "Unsubscribed" not in other.text
    assert chats.list_subscriptions(deps.db, USER)
    assert "Unsubscribed" in (await press(deps, f"unsub:{sub.id}")).text
    assert chats.list_subscriptions(deps.db, USER) == []


async def test_group_subscriptions_belong_to_the_group(deps):
    async def administers() -> bool:
        return True

    await ask(deps, "/subscribe kosovo", user=USER, chat=GROUP, chat_type="supergroup",
              chat_admin=administers)
    assert chats.list_subscriptions(deps.db, USER) == []
    assert [s.value for s in chats.list_subscriptions(deps.db, GROUP)] == ["XK"]


async def test_search_pages_with_buttons(deps):
    reply = await ask(deps, "/search референдуме")
    assert "&lt;b&gt;важно&lt;/b&gt;" in reply.text or "важно" in reply.text
    assert "<b>важно</b>" not in reply.text  # source HTML is escaped
    assert "No more results" in (await press(deps, "s:1:референдуме")).text


@pytest.mark.parametrize("data", ["", "zzz:1", "unsub:abc", "sub:evil:x", "unsub:", "sub:entity"])
async def test_forged_buttons(deps, data):
    assert "That button is no longer valid" in (await press(deps, data)).text


@pytest.mark.parametrize("text", ["/addsource x rss https://e.example/f", "/removesource pushilin",
                                  "/pausesource pushilin", "/stats"])
async def test_admin_commands_refused_to_others(deps, text):
    assert "for administrators" in (await ask(deps, text, user=USER)).text
    # an admin in a group is refused too (private chats only)
    assert "for administrators" in (await ask(deps, text, user=ADMIN, chat=GROUP,
                                              chat_type="group")).text


async def test_admin_commands_for_admins(deps):
    assert "Added source" in (await ask(deps, "/addsource mfa rss https://mfa.example/rss 10m", user=ADMIN)).text
    assert "exists already" in (await ask(deps, "/addsource mfa rss https://mfa.example/rss", user=ADMIN)).text
    assert "must be an http(s) URL" in (await ask(deps, "/addsource x rss file:///etc/passwd", user=ADMIN)).text
    assert "Usage" in (await ask(deps, "/addsource x", user=ADMIN)).text
    assert "paused" in (await ask(deps, "/pausesource mfa", user=ADMIN)).text
    assert "resumed" in (await ask(deps, "/pausesource mfa off", user=ADMIN)).text
    assert "delete it there" in (await ask(deps, "/removesource pushilin", user=ADMIN)).text
    missing = (await ask(deps, "/removesource nosuch", user=ADMIN)).text
    assert missing == 'No source named "nosuch". See the list with /sources.'
    assert "diplowatch sources list" not in missing  # a chat hint in the chat
    assert "removed" in (await ask(deps, "/removesource mfa", user=ADMIN)).text
    assert "Statements: 1" in (await ask(deps, "/stats", user=ADMIN)).text


async def test_status_and_sources(deps):
    assert "Statements archived: 1" in (await ask(deps, "/status")).text
    assert "pushilin" in (await ask(deps, "/sources")).text


async def test_internal_error_is_a_clear_reply(deps):
    deps.db.close()  # the database going away mid-command
    reply = await ask(deps, "/status")
    assert "Something went wrong on our side" in reply.text


@pytest.mark.parametrize(("text", "reason"), [
    ("/search a* b* c* d* e* f* g* h* i* j* k* l* m* n* o* p* q* r* s* t*",
     "“a*” is too short a prefix: put at least 3 letters before the *."),
    ("/search рефер* совещ*", "Only 1 word of a search may end in * (this one has 2)."),
    ("/search a b c d e f g h i", "Too many words (9): a search takes at most 8."),
])
async def test_costly_searches_are_refused_saying_why(deps, text, reason):
    assert (await ask(deps, text)).text.startswith(reason)


async def test_help_search_states_the_limits(deps):
    text = (await ask(deps, "/help search")).text
    assert text.startswith("/search &lt;words&gt; — full-text search")
    for limit in ("at most 8 words", "at most 1 word ending in *", "at least 3 letters", "0.5 s"):
        assert limit in text
    assert "No command /nosuch" in (await ask(deps, "/help nosuch")).text
    assert "No command /stats" in (await ask(deps, "/help stats")).text  # admin only


async def test_search_runs_off_the_event_loop_on_a_read_connection(deps, monkeypatch):
    import threading

    from diplowatch.store import statements as statement_store
    from diplowatch.store.readers import Readers

    seen, real = [], statement_store.search

    def search(db, words, **options):
        seen.append((threading.current_thread().name, db is deps.db))
        return real(db, words, **options)

    monkeypatch.setattr(statement_store, "search", search)
    deps.readers = Readers(deps.db)
    try:
        assert "важно" in (await ask(deps, "/search референдуме")).text
    finally:
        deps.readers.close()
    [(thread, writer)] = seen
    assert thread.startswith("diplowatch-read") and not writer


async def test_commands_past_the_global_cap_are_answered_busy(deps, monkeypatch):
    import asyncio

    from diplowatch.handlers import core

    release, started = asyncio.Event(), []

    async def slow_status(deps_, request):
        started.append(request.user_id)
        await release.wait()
        return core.Reply("done")

    monkeypatch.setitem(COMMANDS, "status", core.Command("status", slow_status, "s"))
    deps.in_flight = asyncio.Semaphore(core.MAX_IN_FLIGHT)
    running = [asyncio.create_task(ask(deps, "/status", user=u)) for u in range(core.MAX_IN_FLIGHT)]
    while len(started) < core.MAX_IN_FLIGHT:
        await asyncio.sleep(0)
    busy = await ask(deps, "/help", user=999)
    assert busy.text == "The bot is busy answering many requests right now. Please try again in a moment."
    release.set()
    assert [r.text for r in await asyncio.gather(*running)] == ["done"] * core.MAX_IN_FLIGHT
    assert "<b>Commands</b>" in (await ask(deps, "/help", user=999)).text  # free again


# /timeline draws in the chart cache's own worker thread: see test_charts_requests.py,
# test_drawing_runs_off_the_event_loop.
@pytest.mark.parametrize(("text", "module", "name"), [
    ("/export", "diplowatch.handlers.recognitions", "_csv"),
])
async def test_charts_and_exports_run_off_the_event_loop(deps, monkeypatch, text, module, name):
    import importlib
    import threading

    from diplowatch.store.readers import Readers

    seen, target = [], importlib.import_module(module)
    real = getattr(target, name)

    def traced(db, *args, **kwargs):
        seen.append(threading.current_thread().name)
        return real(db, *args, **kwargs)

    monkeypatch.setattr(target, name, traced)
    deps.readers = Readers(deps.db)
    try:
        reply = await ask(deps, text)
    finally:
        deps.readers.close()
    assert (reply.photo or reply.document) and len(seen) == 1
    assert seen[0].startswith("diplowatch-read")
