"""Fuzzing the chat commands: any console line, any command name with any arguments, any
button data, from any user in any kind of chat, gets a Reply whose text is valid Telegram
HTML, whose buttons Telegram accepts, and which is not the internal-error answer."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplowatch import ledger, texts
from diplowatch.config import Settings, parse_sources
from diplowatch.handlers import COMMANDS, dispatch
from diplowatch.handlers.console import parse_line
from diplowatch.handlers.core import Deps, Reply, Request
from diplowatch.models import Statement
from diplowatch.pipeline import ingest
from diplowatch.store import open_db
from diplowatch.store.sources import sync_sources
from diplowatch.telegram_html import MAX_MESSAGE, split_message, utf16_len, validate_html

FUZZ = settings(max_examples=250, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
ADMIN = 1001
SOURCES = ('[[sources]]\nname = "pushilin"\nkind = "telegram"\nurl = "https://t.me/s/pushilindenis"\n'
           '[[sources]]\nname = "mfa"\nkind = "rss"\nurl = "https://mfa.example/rss"\n')
HOSTILE = '<script>alert(1)</script> &amp; <b>bold</b> <a href="javascript:x">x</a> "q" \u202e'

WORDS = st.sampled_from([
    "dpr", "all", "state", "country", "source", "keyword", "word", "pushilin", "mfa", "kosovo",
    "north", "korea", "Косово", "ДНР", "10", "0", "-1", "50", "51", "99999999999999999999",
    "²", "１２", "٣", "*", "recogni*", '"', "NEAR(", "a OR b", "-x", "^", "(", ")", "AND", "off",
    "<b>", "&amp;", "rss", "telegram", "html", "https://e.example/f", "file:///etc/passwd",
    "5m", "1s", "\u202e", "\x00", "'", "’", "@bot", "—", "\n",
])
ARGS = st.lists(WORDS | st.text(max_size=30), max_size=6)
NAMES = st.sampled_from(sorted(COMMANDS)) | st.text(max_size=40)
CALLBACKS = st.one_of(
    st.text(max_size=80),
    st.tuples(st.sampled_from(["sub:", "sub:entity:", "sub:all:", "sub:state:", "unsub:", "s:",
                               "s:0:", "s:1:", "s:-1:", "s:99999999999999999999:", "s:²:",
                               "unsub:²", "unsub:99999999999999999999"]),
              WORDS | st.text(max_size=40)).map("".join),
)
USERS = st.sampled_from([ADMIN, 2002, 0, -5, 2**52])  # Telegram ids fit in 52 bits
CHAT_TYPES = st.sampled_from(["private", "group", "supergroup", "channel", "", "weird"])


@pytest.fixture(scope="module")
def deps(tmp_path_factory):
    db = open_db(tmp_path_factory.mktemp("fuzz") / "t.db")
    sync_sources(db, parse_sources(SOURCES, origin="t"), now=NOW)
    ledger.load_seed(db, now=NOW)
    ingest(db, [
        Statement("pushilin", "post:p/1", "https://t.me/pushilindenis/1", HOSTILE,
                  "Russia has recognized the independence of the DPR. " + HOSTILE, lang="en",
                  published_at=NOW),
        Statement("mfa", "guid:2", "javascript:alert(1)", "", "Referendum " * 500,
                  published_at=NOW),
    ], now=NOW)
    yield Deps(db, Settings(admin_ids=frozenset({ADMIN})), lambda: NOW)
    db.close()


def run(deps: Deps, request: Request) -> Reply:
    reply = asyncio.run(dispatch(deps, request))
    check_reply(reply)
    return reply


def check_reply(reply: Reply) -> None:
    assert isinstance(reply, Reply)
    assert reply.text != texts.INTERNAL_ERROR
    assert validate_html(reply.text) == [], reply.text
    for part in split_message(reply.text):
        assert utf16_len(part) <= MAX_MESSAGE and validate_html(part) == []
    if reply.photo is not None or reply.document is not None:
        assert utf16_len(reply.text) <= 1024  # a caption
    for row in reply.buttons:
        for label, data in row:
            assert label.strip() and 1 <= len(data.encode("utf-8")) <= 64, (label, data)


@FUZZ
@given(line=st.text(max_size=200) | st.tuples(st.sampled_from(["/", "!", "/start@bot ", "#"]),
                                                ARGS).map(lambda t: t[0] + " ".join(t[1])))
def test_console_lines(deps, line):
    request = parse_line(line)
    if request is None:
        assert not line.strip() or line.strip().startswith("#")
        return
    assert request.operator and request.command == request.command.lower()
    run(deps, request)


@FUZZ
@given(name=NAMES, args=ARGS, user=USERS, chat_type=CHAT_TYPES,
       chat=st.sampled_from([None, -100500, 0, 42]))
def test_commands_with_any_arguments(deps, name, args, user, chat_type, chat):
    run(deps, Request(chat_id=user if chat is None else chat, user_id=user, command=name,
                      args=args, chat_type=chat_type, chat_title="<i>t</i>"))


@FUZZ
@given(data=CALLBACKS, user=USERS, chat_type=CHAT_TYPES)
def test_any_button_data(deps, data, user, chat_type):
    run(deps, Request(chat_id=user, user_id=user, command="", callback=data, chat_type=chat_type))


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_with_and_without_arguments(deps, name):
    for args in ([], ["x"], ["all"], ["pushilin"], ["10"], ["x"] * 5):
        run(deps, Request(ADMIN, ADMIN, name, args))
