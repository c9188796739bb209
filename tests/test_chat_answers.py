"""Answers as Telegram users read them (issue 15): the search syntax, one date format, plurals,
no internal words. Through the real PTB Application talking HTTP to the fake Bot API, on a
real SQLite store with the seed history and a few statements."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Update
from telegram.ext import Application

from diplowatch import handlers, ledger
from diplowatch.config import Settings, parse_sources
from diplowatch.handlers import core
from diplowatch.handlers.core import Deps
from diplowatch.models import Statement
from diplowatch.pipeline import ingest
from diplowatch.store import open_db
from diplowatch.store import statements as statement_store
from diplowatch.store.sources import sync_sources
from tests.fakes.bot_api import FakeBotAPI, parse_html

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
    yield Deps(db, Settings(admin_ids=frozenset({ADMIN})), lambda: NOW)
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


def _visible(message) -> str:
    return parse_html(message.text) if (message.parse_mode or "").upper() == "HTML" \
        else message.text


@pytest.fixture
async def chat(deps, bot_api: FakeBotAPI, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(core.time, "monotonic", lambda: clock[0])
    app = Application.builder().token(bot_api.token).base_url(bot_api.base_url) \
        .updater(None).build()
    handlers.register(app, deps)
    async with app:
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
