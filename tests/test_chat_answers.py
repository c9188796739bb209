"""Answers as Telegram users read them (issue 15): the search syntax, one date format, plurals,
no internal words. Through the real PTB Application talking HTTP to the fake Bot API, on a
real SQLite store with the seed history and a few statements."""

from __future__ import annotations

import contextlib
import re
import socket
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Update
from telegram.ext import Application

from diplowatch import handlers, ledger, pipeline
from diplowatch.config import Settings, parse_sources
from diplowatch.delivery import Sender, SendPolicy, telegram_send
from diplowatch.handlers.core import Deps
from diplowatch.models import Event, Statement
from diplowatch.pipeline import ingest
from diplowatch.scheduler import Monitor
from diplowatch.sources.budget import InlineParser
from diplowatch.sources.fetch import Fetcher, make_client
from diplowatch.store import open_db, outbox
from diplowatch.store import statements as statement_store
from diplowatch.store.sources import sync_sources
from tests.fakes.bot_api import FakeBotAPI, parse_html
from tests.fakes.ptb import diplowatch_app

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
ADMIN, USER = 1001, 2002
SOURCES = """
[[sources]]
name = "pushilin"
kind = "telegram"
url = "https://t.me/s/pushilindenis"

[[sources]]
name = "mfa-example"
kind = "rss"
url = "https://mfa.example/rss"
official = true
"""
STATEMENTS = [
    ("mfa-example", "guid:1", "The Republic of Kosovo welcomes its recognition by another state"),
    ("mfa-example", "guid:2", "Statement on the de facto authorities in Abkhazia"),
    ("mfa-example", "guid:3", "Kosovo and Serbia resume the dialogue in Brussels"),
    ("pushilin", "post:p/4", "Провёл совещание о референдуме"),
]


@pytest.fixture
def deps(tmp_path):
    db = open_db(tmp_path / "t.db")
    sync_sources(db, parse_sources(SOURCES, origin="t"), now=NOW)
    ledger.load_seed(db, now=NOW)
    ingest(db, [Statement(source, key, f"https://mfa.example/{n}", "", text,
                          published_at=NOW - timedelta(days=n))
                for n, (source, key, text) in enumerate(STATEMENTS)], now=NOW)
    yield Deps(db, Settings(admin_ids=frozenset({ADMIN})), lambda: NOW,
               started_at=NOW - timedelta(seconds=90))
    db.close()


class Chat:
    """One private chat with the bot: ask() sends a command as Telegram would deliver it
    and returns the visible text of what the bot sent back."""

    def __init__(self, app: Application, bot_api: FakeBotAPI, clock: list[float]):
        self.app, self.bot_api, self.clock = app, bot_api, clock

    async def ask(self, text: str, *, user: int = USER) -> str:
        self.clock[0] += 2  # past the per-user throttle
        before = len(self.bot_api.sent_messages(user))
        update = self.bot_api.inject_message(user, text, user_id=user)
        await self.app.process_update(Update.de_json(update, self.app.bot))
        sent = self.bot_api.sent_messages(user)[before:]
        assert sent, f"no reply to {text!r}"
        return "\n".join(_visible(m) for m in sent)

    async def press(self, data: str, *, user: int = USER) -> str:
        """Press a button under the bot's last message; the visible new or edited text."""
        self.clock[0] += 2
        sent, edits = len(self.bot_api.sent_messages(user)), len(self.bot_api.calls_to("editMessageText"))
        update = self.bot_api.inject_callback(user, data, user_id=user)
        await self.app.process_update(Update.de_json(update, self.app.bot))
        new = [_visible(m) for m in self.bot_api.sent_messages(user)[sent:]]
        new += [parse_html(c.params["text"]) for c in self.bot_api.calls_to("editMessageText")[edits:]]
        assert new, f"no answer to the button {data!r}"
        return "\n".join(new)


def _visible(message) -> str:
    return parse_html(message.text) if (message.parse_mode or "").upper() == "HTML" \
        else message.text


@pytest.fixture
async def chat(deps, bot_api: FakeBotAPI, monkeypatch):
    async with diplowatch_app(bot_api, deps, monkeypatch) as (app, clock):
        yield Chat(app, bot_api, clock)


# ---- 1. search syntax -----------------------------------------------------------------------

async def test_or_finds_either_word(chat):
    reply = await chat.ask("/search Kosovo OR Freedonia")
    assert "welcomes its recognition" in reply and "resume the dialogue" in reply
    assert "Abkhazia" not in reply


@pytest.mark.parametrize(("words", "found", "not_found"), [
    ('"Republic of Kosovo"', ["welcomes"], ["dialogue"]),
    ("“de facto authorities”", ["Abkhazia"], ["Kosovo"]),  # a phone's curly quotes
    ('"Kosovo of Republic"', [], ["welcomes", "dialogue"]),  # a phrase keeps its order
    ("Kosovo -Serbia", ["welcomes"], ["dialogue"]),
    ('Kosovo -"resume the dialogue"', ["welcomes"], ["dialogue"]),
    ("state Kosovo OR Abkhazia", ["welcomes"], ["dialogue", "de facto"]),  # OR binds its neighbours
    ("Abkhazia OR Serbia -Brussels", ["de facto"], ["welcomes", "dialogue"]),
    ("recogni* AND Kosovo", ["welcomes"], ["dialogue"]),
    ("kosovo or", [], ["welcomes"]),  # lower-case "or" is a word
])
async def test_search_syntax(chat, words, found, not_found):
    reply = await chat.ask(f"/search {words}")
    hits = reply.split("\n", 1)[1] if reply.startswith("Search:") else ""  # not the words echoed
    for text in found:
        assert text in hits
    for text in not_found:
        assert text not in hits
    if not found:
        assert reply.startswith("No statements match.")


@pytest.mark.parametrize(("words", "says"), [
    ('"Republic of Kosovo', 'A quote is not closed: end the phrase with a quote too, e.g. '
                           '/search "recognition of Kosovo".'),
    ("(Kosovo OR Abkhazia) recognition", "Brackets are not part of the search syntax"),
    ("Kosovo NEAR Serbia", "NEAR is not part of the search syntax: put the words in quotes"),
    ("Kosovo NOT Serbia", "To leave a word out, put a minus before it: -word"),
    ("OR Kosovo", "OR goes between two words, e.g. /search recognition Kosovo OR Abkhazia"),
    ("Kosovo OR", "OR goes between two words"),
    ("Kosovo OR OR Serbia", "OR goes between two words"),
    ("Kosovo OR -Serbia", "-word cannot be one side of an OR"),
    ("-Serbia", "Add a word to look for: -word only leaves statements out"),
    ("Kosovo -Serb*", "A word left out with - cannot end in *: type it whole."),
    ('"of Ko"*', "“\"of Ko\"*” is too short a prefix"),
])
async def test_refused_syntax_says_what_to_type(chat, words, says):
    assert (await chat.ask(f"/search {words}")).startswith(says)


@pytest.mark.parametrize("words", [
    'title:Kosovo', 'Kosovo^', '{text}: Kosovo', 'Kosovo + Serbia', "Kosovo's", '"" Kosovo',
    'Kosovo "', 'NEAR/3', '*', '"*"', "'Kosovo'", 'Kosovo\u00a0OR\u00a0Serbia',
])
async def test_fts_syntax_typed_by_a_user_is_never_run_as_fts(chat, words):
    """Column filters, ^, +, stray quotes: either words or a refusal, never an FTS5 error
    ('Something went wrong on our side')."""
    reply = await chat.ask(f"/search {words}")
    assert "went wrong" not in reply


async def test_help_search_documents_the_syntax(chat):
    text = await chat.ask("/help search")
    for part in ('"recognition of Kosovo"', "Kosovo OR Abkhazia", "-Serbia", "recogni*",
                 "Brackets, NEAR and NOT are refused"):
        assert part in text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from('Kosvo ab"“”«»()-*:^+{}ORNEAT\'’.'), max_size=40))
def test_any_text_is_a_refusal_or_a_query_sqlite_runs(deps, words):
    with contextlib.suppress(statement_store.SearchRefused):
        statement_store.search(deps.db, words)


# ---- every command on a populated store -------------------------------------------------------

DAY = r"(?:[1-9]|[12]\d|3[01]) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}"
OTHER_DATE_SHAPES = re.compile(  # what must not appear: ISO, numeric and zero-padded days, bare times
    r"\b\d{4}-\d{2}-\d{2}|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b0\d (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
    r"Sep|Oct|Nov|Dec)\b|\b\d{1,2}:\d{2}(?!\d| UTC)|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),|"
    r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
)
COMMAND_ARGS = {  # what people type; a command missing here is run without arguments
    "search": ["Kosovo", "Kosovo OR Abkhazia"], "statements": ["", "mfa-example"],
    "help": ["", "search", "subscribe"], "recognized": ["kosovo", "dpr", "abkhazia", "taiwan"],
    "recognizes": ["russia", "abkhazia", "nauru"], "history": ["ghana kosovo", "russia dpr"],
    "latest": ["", "20"], "timeline": ["kosovo"], "subscribe": ["kosovo", "state north korea"],
    "unsubscribe": ["1"], "addsource": ["mfa-two rss https://two.example/rss"],
    "pausesource": ["mfa-two"], "removesource": ["mfa-two"],
}
BUTTONS = ["rec:list:date:XK:0", "rec:withdrew:date:XK:0", "rec:rejects:name:XK:0", "rec:list:name:EH:1",
           "s:1:Kosovo"]


async def every_reply(chat) -> list[tuple[str, str]]:
    """(what was typed, the visible reply) for every command, admin ones as the admin."""
    replies = []
    for command in handlers.COMMANDS.values():
        for args in COMMAND_ARGS.get(command.name, [""]):
            typed = f"/{command.name} {args}".strip()
            replies.append((typed, await chat.ask(typed, user=ADMIN if command.admin else USER)))
    for data in BUTTONS:
        replies.append((data, await chat.press(data)))
    return replies


# ---- 2. one date format (the formats themselves: test_texts_wording.py) ---------------------

async def test_every_reply_writes_dates_one_way(chat):
    replies = await every_reply(chat)
    assert any(re.search(DAY, reply) for _, reply in replies)  # the scan sees dates at all
    for typed, reply in replies:
        assert not OTHER_DATE_SHAPES.search(reply), (typed, OTHER_DATE_SHAPES.search(reply)[0], reply)
        assert "seed history on 2023-01-04" not in reply


async def test_alerts_carry_the_time_in_utc(chat, deps, monkeypatch):
    """A recognition alert and a keyword alert, drained by the real Sender through PTB to the
    fake Bot API, say when the statement was published, in UTC."""
    assert "Subscribed" in await chat.ask("/subscribe all")
    assert "Subscribed" in await chat.ask("/subscribe keyword referendum")
    monkeypatch.setattr(pipeline, "extract", lambda text, lang=None: [
        Event("TG", "XK", "recognize", evidence=text, confidence=0.95)] if "Togo" in text else [])
    published = datetime(2026, 11, 24, 17, 5, tzinfo=timezone(timedelta(hours=3)))
    ingest(deps.db, [
        Statement("mfa-example", "guid:10", "https://mfa.example/10", "",
                  "Togo recognizes the Republic of Kosovo", published_at=published),
        Statement("pushilin", "post:p/11", "https://t.me/pushilindenis/11", "",
                  "A statement on the referendum", published_at=published + timedelta(hours=1)),
    ], now=NOW)
    sent = len(chat.bot_api.sent_messages(USER))
    sender = Sender(deps.db, telegram_send(chat.app.bot),
                    policy=SendPolicy(rate=1000, private_interval=0))
    await sender.drain_once(now=NOW)
    alerts = "\n".join(_visible(m) for m in chat.bot_api.sent_messages(USER)[sent:])  # maybe merged
    assert re.search(r"Togo recognizes Kosovo[^📰]*mfa-example · 24 Nov 2026, 14:05 UTC", alerts), alerts
    assert "📰 pushilin · 24 Nov 2026, 15:05 UTC\nA statement on the referendum" in alerts
    assert not OTHER_DATE_SHAPES.search(alerts), alerts


# ---- 3. plurals (the rules themselves: test_texts_wording.py) ------------------------------


async def test_replies_agree_with_their_counts(chat):
    taiwan = await chat.ask("/recognized taiwan")
    assert "Also by 1 recognizer that is not a UN member state" in taiwan
    dpr = await chat.ask("/recognized dpr")
    assert "Recognized by 3 UN member states" in dpr
    assert "Russia and Donetsk People's Republic: 1 recorded act," in await chat.ask("/history russia dpr")
    assert "Ghana and Kosovo: 2 recorded acts," in await chat.ask("/history ghana kosovo")
    await chat.ask("/recognized dpr")
    page = await chat.press("rec:list:date:donetsk-pr:0")
    assert page.startswith("Donetsk People's Republic: 3 states recognize it (3 UN members)")
    await chat.ask("/recognized taiwan")
    withdrew = await chat.press("rec:withdrew:date:TW:0")
    assert re.match(r"Taiwan \(Republic of China\): \d+ states withdrew their recognition", withdrew)
    for _, reply in await every_reply(chat):
        assert not re.search(r"\b1 [\w ]*?(states|acts|recognizers|members)\b", reply), reply
        assert not re.search(r"\b(?:[02-9]|\d\d+) [\w ]*?(state|act|recognizer) (recognizes|is)\b", reply)


# ---- 4. no internal words -------------------------------------------------------------------

INTERNAL = re.compile(
    r"possibly_delivered|\b[a-z]+_[a-z_]+\b|recognitions\.csv|\.py\b|\b0s ago|Up since|ssl:default|"
    r"Connect call|Cannot connect to host|Errno|Traceback|Exception|\bNone\b(?! recorded\.)|\bnull\b|\bn/a\b|"
    r"official-(?:self|other)|donetsk-pr|\baiohttp|\bhttpx|\bsqlite|UserError|\bTrue\b|\bFalse\b"
)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def poll_a_closed_port(deps) -> None:
    """A source on 127.0.0.1 where nothing listens, polled by the real Monitor and Fetcher."""
    sync_sources(deps.db, parse_sources(SOURCES + f"""
[[sources]]
name = "gone"
kind = "rss"
url = "http://127.0.0.1:{closed_port()}/rss"
""", origin="t"), now=NOW)
    async with make_client(connect_timeout=2.0, read_timeout=2.0) as client:
        monitor = Monitor(deps.db, Fetcher(client, allow_private=True), clock=lambda: NOW,
                          parser=InlineParser())
        try:
            outcome = await monitor.poll("gone", force=True)
        finally:
            monitor.close()
    assert outcome.status == "error"


async def test_a_refused_connection_reads_as_such(chat, deps):
    await poll_a_closed_port(deps)
    sources = await chat.ask("/sources")
    assert re.search(r"gone \(rss, every 5m\) — last ok never — failing ×1: could not connect to "
                     r"127\.0\.0\.1 \(connection refused\) — since \d+ \w+ \d{4}, \d\d:\d\d UTC",
                     sources, re.M), sources


async def test_no_reply_carries_internal_words(chat, deps, monkeypatch):
    """Every command on a store with a failing source, alerts in every outbox state and the
    seed history: the replies hold none of the program's own words."""
    await poll_a_closed_port(deps)
    await chat.ask("/subscribe all")
    monkeypatch.setattr(pipeline, "extract", lambda text, lang=None: [
        Event("TG", "XK", "recognize", evidence=text, confidence=0.95)])
    ingest(deps.db, [Statement("mfa-example", f"guid:2{n}", f"https://mfa.example/2{n}", "",
                               f"Togo recognizes the Republic of Kosovo ({n})",
                               published_at=NOW) for n in range(5)], now=NOW)
    for state, row in zip(outbox.STATES, deps.db.query("SELECT id FROM outbox ORDER BY id"),
                          strict=False):
        deps.db.execute("UPDATE outbox SET state = ? WHERE id = ?", [state, row["id"]])
    replies = await every_reply(chat)
    stats = dict(replies)["/stats"]
    assert "Alerts possibly delivered (Telegram did not answer in time; not resent): " in stats
    assert "Running since 25 Nov 2026, 05:58 UTC (for 1 minute)" in dict(replies)["/status"]
    for typed, reply in replies:
        found = INTERNAL.search(reply)
        assert not found, (typed, found[0], reply)


@pytest.mark.parametrize(("recorded", "shown"), [
    ("could not store statements: OperationalError: database is locked",
     "could not store statements: the database was locked by another program; the poll is retried"),
    ("could not store statements: OperationalError: database or disk is full",
     "could not store statements: the database's disk is full; the poll is retried, nothing of it "
     "was stored"),
    ("could not store statements: DatabaseError: file is not a database",
     "could not store statements: a database error (details in the log); the poll is retried"),
])
async def test_sources_word_a_failed_write_plainly(chat, deps, recorded, shown):
    """A reason recorded with an exception's class name (as releases before this one did)
    reads as words in /sources; the monitor records the words themselves now
    (tests/test_faults_storage.py)."""
    await poll_a_closed_port(deps)
    deps.db.execute("UPDATE sources SET last_error = ? WHERE name = 'gone'", [recorded])
    sources = await chat.ask("/sources")
    assert f"failing ×1: {shown} — since" in sources, sources
    assert "Error" not in sources
