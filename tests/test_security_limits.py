"""Size limits on every input: command arguments, messages, response bodies, parsed
documents, OPML files and ledger CSVs. Each limit answers with a clear reason."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import httpx
import pytest

from diplowatch import ledger, texts
from diplowatch.config import Settings
from diplowatch.handlers import dispatch
from diplowatch.handlers.core import MAX_ARG_CHARS, Deps, Request
from diplowatch.models import UserError
from diplowatch.opml import MAX_OPML_BYTES, import_opml
from diplowatch.sources import html, rss, telegram
from diplowatch.sources.fetch import MAX_BYTES, Fetcher, FetchError
from diplowatch.sources.plaintext import MAX_TEXT_CHARS
from diplowatch.telegram_html import MAX_MESSAGE, split_message, to_plain, utf16_len, validate_html

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)


async def reply_to(db, command: str, args: list[str]) -> str:
    deps = Deps(db, Settings(), lambda: NOW)
    text = (await dispatch(deps, Request(1, 1, command, args))).text
    assert validate_html(text) == []
    return text


# ---- chat input ---------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["x" * (MAX_ARG_CHARS + 1)],
                                  ["ab"] * (MAX_ARG_CHARS // 2 + 1),
                                  ["<b>" * 200]])
async def test_long_arguments_are_refused_before_any_work(db, args):
    for command in ("search", "subscribe", "recognized", "nosuchcommand"):
        assert await reply_to(db, command, args) == texts.TOO_LONG.format(limit=MAX_ARG_CHARS)


async def test_a_long_keyword_is_refused(db):
    assert "3 to 64 characters" in await reply_to(db, "subscribe", ["keyword", "k" * 65])


async def test_unknown_command_names_are_cut_and_escaped_once(db):
    text = await reply_to(db, "<script>" * 50, [])
    assert text == "Unknown command /" + "&lt;script&gt;" * 4 + ". Type /help for the list."


async def test_usage_answers_show_their_placeholders_not_entities(db):
    deps = Deps(db, Settings(), lambda: NOW)
    request = Request(1, 1, "pausesource", [], operator=True)
    assert to_plain((await dispatch(deps, request)).text).startswith("Usage: /pausesource <name>")


def test_every_message_part_fits_telegram():
    text = "\n\n".join(f"<b>{'ж' * 300}</b> {'😀' * 700}" for _ in range(10))
    parts = split_message(text)
    assert len(parts) > 3
    assert all(utf16_len(p) <= MAX_MESSAGE and validate_html(p) == [] for p in parts)


# ---- fetched bodies -------------------------------------------------------------------------

def test_the_default_body_cap_is_10_mib():
    assert MAX_BYTES == 10 * 1024 * 1024


@pytest.mark.parametrize("declared", [None, "10"])  # no length, and a length that lies
async def test_a_streamed_body_is_cut_at_the_cap(declared):
    async def endless():
        for _ in range(64):
            yield b"x" * 1024

    def transport(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Length": declared} if declared else {}
        return httpx.Response(200, headers=headers, content=endless())

    async def public(host: str, port: int) -> list[str]:
        return ["93.184.216.34"]

    async with httpx.AsyncClient(transport=httpx.MockTransport(transport)) as http:
        fetcher = Fetcher(http, max_bytes=16 * 1024, resolver=public)
        with pytest.raises(FetchError, match="larger than 16384 bytes"):
            await fetcher.get("https://feeds.example/big")


# ---- parsed documents -----------------------------------------------------------------------

def test_a_feed_with_too_many_entries_is_cut():
    items = b"".join(b"<item><guid>g%d</guid><title>t%d</title></item>" % (i, i)
                     for i in range(rss.MAX_ENTRIES + 200))
    feed = b'<rss version="2.0"><channel><title>T</title>' + items + b"</channel></rss>"
    assert len(rss.parse(feed, source="s").statements) == rss.MAX_ENTRIES


def test_a_huge_entry_body_is_cut():
    body = b"word " * 600_000  # 3 MB
    feed = (b'<rss version="2.0"><channel><item><guid>g</guid><title>' + b"t" * 50_000
            + b"</title><description>" + body + b"</description></item></channel></rss>")
    [statement] = rss.parse(feed, source="s").statements
    assert len(statement.text) <= MAX_TEXT_CHARS and len(statement.title) <= rss.MAX_TITLE_CHARS


def test_a_channel_page_with_too_many_posts_is_cut():
    posts = "".join(f'<div class="tgme_widget_message" data-post="c/{i}">'
                    f'<div class="tgme_widget_message_text">post {i}</div></div>'
                    for i in range(1, telegram.MAX_POSTS + 100))
    page = f'<div class="tgme_channel_history">{posts}</div>'.encode()
    parsed = telegram.parse(page, source="s", base_url="https://t.me/s/c")
    assert len(parsed.statements) == telegram.MAX_POSTS


def test_a_listing_with_too_many_items_is_cut():
    items = "".join(f'<li><a href="/n/{i}">n{i}</a></li>' for i in range(html.MAX_ITEMS + 50))
    found = html.parse_listing(f"<ul>{items}</ul>".encode(), source="s",
                               base_url="https://mfa.example/", selectors={"item": "li"})
    assert len(found) == html.MAX_ITEMS


def test_entity_declarations_are_refused():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel>'
            b"<item><title>&b;</title></item></channel></rss>")
    with pytest.raises(rss.SourceError, match="declares XML entities"):
        rss.parse(bomb, source="s")


# ---- OPML and ledger files ----------------------------------------------------------------

OPML = (b'<?xml version="1.0"?><opml version="2.0"><body>'
        b'<outline type="rss" text="MFA" xmlUrl="https://mfa.example/rss"/></body></opml>')


def test_an_oversized_opml_file_is_refused(db, tmp_path):
    path = tmp_path / "big.opml"
    path.write_bytes(OPML[:-15] + b"<!-- " + b"x" * MAX_OPML_BYTES + b" -->" + OPML[-15:])
    with pytest.raises(UserError, match="larger than 5 MiB"):
        import_opml(db, path, now=NOW)


def test_an_opml_file_declaring_entities_is_refused(db, tmp_path):
    path = tmp_path / "x.opml"
    path.write_bytes(b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                     + OPML[21:])
    with pytest.raises(UserError, match="declares XML entities"):
        import_opml(db, path, now=NOW)


def test_an_opml_file_cannot_add_non_http_sources(db, tmp_path):
    path = tmp_path / "x.opml"
    path.write_bytes(OPML.replace(b"https://mfa.example/rss", b"file:///etc/passwd"))
    added, skipped = import_opml(db, path, now=NOW)
    assert added == [] and "must be an http(s) URL" in skipped[0]


def test_a_broken_opml_file_says_so(db, tmp_path):
    path = tmp_path / "x.opml"
    path.write_bytes(OPML[:60])  # cut off mid-element
    with pytest.raises(UserError, match="not a readable OPML file"):
        import_opml(db, path, now=NOW)
    path.write_bytes(b'<?xml version="1.0"?><opml version="2.0"><body></body></opml>')
    with pytest.raises(UserError, match="holds no feeds"):
        import_opml(db, path, now=NOW)
    path.write_bytes(b"<html><body>Sign in</body></html>")
    with pytest.raises(UserError, match="not an OPML file"):
        import_opml(db, path, now=NOW)


def test_an_opml_import_names_what_it_added_and_skips_addresses_already_polled(db, tmp_path):
    path = tmp_path / "x.opml"
    path.write_bytes(OPML.replace(b"</body>", b'<outline type="rss" text="MFA" '
                                  b'xmlUrl="https://mfa.example/other"/></body>'))
    added, skipped = import_opml(db, path, now=NOW)
    assert added == ["mfa  https://mfa.example/rss", "mfa-2  https://mfa.example/other"]
    again = tmp_path / "y.opml"  # the same feed, written another way
    again.write_bytes(OPML.replace(b"https://mfa.example/rss", b"http://www.MFA.example/rss/"))
    added, skipped = import_opml(db, again, now=NOW)
    assert added == [] and skipped == ["http://www.MFA.example/rss/: already polled as 'mfa'"]


HEADER = "actor,target,act,date,date_precision,source_url,note\n"


@pytest.mark.parametrize(("body", "says"), [
    ("RU,abkhazia,recognize,2008-08-26,day,https://e.example/," + "n" * 2001 + "\n",
     "note is longer than 2000 characters"),
    ('RU,abkhazia,recognize,2008-08-26,day,https://e.example/,"' + "n" * 200_000 + '"\n',
     "broken CSV quoting"),  # past the csv module's field limit
    ("RU,abkhazia,recognize,2008-08-26,day,javascript:alert(1),x\n", "source_url"),
])
def test_oversized_or_hostile_ledger_rows_import_nothing(db, body, says):
    before = next(db.query("SELECT count(*) AS n FROM events"))["n"]
    with pytest.raises(ledger.LedgerImportError, match=says):
        ledger.import_csv(db, io.StringIO(HEADER + body), now=NOW, origin="manual")
    assert next(db.query("SELECT count(*) AS n FROM events"))["n"] == before


def test_a_ledger_file_with_many_bad_rows_stops_at_the_error_limit(db):
    bad = "XX,nowhere,recognize,2008-08-26,day,,\n" * 10_000
    with pytest.raises(ledger.LedgerImportError) as caught:
        ledger.import_csv(db, io.StringIO(HEADER + bad), now=NOW, origin="manual")
    assert len(caught.value.errors) == ledger.MAX_IMPORT_ERRORS
