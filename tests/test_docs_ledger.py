"""docs/ledger.md stays true: the figures it works through are what the bot answers on a fresh
database (the bundled seed only), asked through `dispatch` as the console chat and Telegram ask."""

from __future__ import annotations

import csv
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from diplowatch import ledger, names
from diplowatch.config import Settings
from diplowatch.handlers import dispatch
from diplowatch.handlers.core import Deps, Request
from diplowatch.names.resolve import resolve_entity
from diplowatch.store import open_db

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "ledger.md").read_text("utf-8")
SEED = list(csv.DictReader((ROOT / "diplowatch" / "data" / "recognitions.csv").read_text("utf-8").splitlines()))
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def deps(tmp_path_factory):
    db = open_db(tmp_path_factory.mktemp("fresh") / "fresh.db")
    ledger.load_seed(db, now=NOW)
    yield Deps(db, Settings(), lambda: NOW)
    db.close()


def section(title: str) -> str:
    start = DOC.index(title)
    end = DOC.find("\n## ", start)
    return DOC[start:end]


WORKED = section("### Worked through on a fresh database")
flat = " ".join(WORKED.split())  # the section's words, line breaks aside


def table_rows() -> list[list[str]]:
    lines = [line for line in WORKED.splitlines() if line.startswith("| ")][2:]  # header, rule
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


async def ask(deps, command: str, *args: str) -> str:
    return plain((await dispatch(deps, Request(1, 1, command, list(args)))).text)


def test_the_table_covers_kosovo_palestine_and_taiwan():
    assert [row[0] for row in table_rows()] == ["Kosovo", "State of Palestine", "Taiwan (Republic of China)"]


@pytest.mark.parametrize("row", table_rows(), ids=lambda row: row[0])
async def test_each_row_is_what_recognized_answers(deps, row):
    name, recognize, withdrew, claimed, others, latest = row
    target = resolve_entity(name)
    text = await ask(deps, "recognized", name)
    assert f"Recognized by {recognize} UN member states" in text
    if int(withdrew):
        assert f"Withdrew: {withdrew} UN member states" in text
    else:
        assert "Withdrew:" not in text
    if int(claimed):
        assert f"{claimed} more are claimed to have withdrawn, without a date" in text
    else:
        assert "claimed to have withdrawn" not in text
    assert re.search(rf"counted apart: {re.escape(others)}\.", text), text
    first_latest = text.split("Latest changes\n", 1)[1].splitlines()[0]
    assert first_latest.startswith(f"• {latest} ·"), first_latest
    assert "As of 26 Dec 2025 (the newest act in the ledger)" in text and "As of 26 Dec 2025" in WORKED
    summary = ledger.summary_of(deps.db, target)
    assert (summary.status.un_count, sum(f.un_member for f in summary.status.withdrew)) == (int(recognize), int(withdrew))


def _rows(target: str, act: str | None = None) -> list[dict]:
    return [r for r in SEED if r["target"] == target and (act is None or r["act"] == act)]


def test_kosovo_arithmetic(deps):
    recognizers = {r["actor"] for r in _rows("XK", "recognize") if names.is_un_member(r["actor"])}
    un_rows = [r for r in _rows("XK", "recognize") if names.is_un_member(r["actor"])]
    dated_withdrawers = {r["actor"] for r in _rows("XK", "withdraw") if r["date"] and names.is_un_member(r["actor"])}
    status = ledger.status_of(deps.db, "XK")
    back = sorted(names.display(f.actor, actor=True) for f in status.recognizes if f.actor in dated_withdrawers)
    withdrew = sum(f.un_member for f in status.withdrew)
    claims = ledger.summary_of(deps.db, "XK").claims
    assert f"The seed has {len(_rows('XK'))} rows on Kosovo" in flat
    assert f"{len(recognizers)} UN members have a recognize row ({len(un_rows)}" in flat
    assert f"{len(dated_withdrawers)} of them have a later dated withdrawal" in flat
    assert f"and {len(back)} of those" in flat and f"({', '.join(back)})" in flat
    assert f"so {withdrew} withdrew: {len(recognizers)} − {withdrew} = {status.un_count}" in flat
    assert f"Counting them as withdrawn gives {status.un_count - len(claims)}" in flat
    assert f"({', '.join(names.display(c.actor, actor=True) for c in claims)})" in flat


def test_palestine_arithmetic(deps):
    rows = _rows("PS", "recognize")
    un = {r["actor"] for r in rows if names.is_un_member(r["actor"])}
    twice = sorted(a for a in un if sum(r["actor"] == a for r in rows) > 1)
    assert twice == ["MT"] and not _rows("PS", "withdraw")
    assert f"{len(rows)} recognize rows: {len(un)} UN members, one of them twice (Malta" in flat
    malta = next(f for f in ledger.status_of(deps.db, "PS").recognizes if f.actor == "MT")
    assert malta.since.isoformat() == "1988-11-16" and "since 16 Nov 1988" in flat


async def test_taiwans_allies_are_the_full_list_the_bot_gives(deps):
    named = re.search(r"allies \(January 2024, after Nauru\): (.+?) — 12 in all", flat)[1]
    doc = dict(re.findall(r"(?:and )?([A-Z][^,(]+?) \(([^)]+)\)", named))
    page = plain((await dispatch(deps, Request(1, 1, "", callback="rec:list:name:TW:0"))).text)
    bot = dict(re.findall(r"^\d+\. (.+?)(?: \(not a UN member\))? — since ([^·]+?) ·", page, re.M))
    assert doc == bot and len(bot) == 12
    status = ledger.status_of(deps.db, "TW")
    states = sum(f.un_member for f in status.recognizes + status.withdrew + status.rejects)
    assert f"{len(_rows('TW'))} rows" in flat and f"{states} UN members have a status" in flat
    assert f"{sum(f.un_member for f in status.withdrew)} withdrew" in flat


def test_the_seed_breakdown_matches_the_file():
    whole = " ".join(DOC.split())
    by_precision = {p: sum(r["date_precision"] == p for r in SEED) for p in ("day", "month", "year", "unknown")}
    assert (f"Of the {len(SEED)} rows, {by_precision['day']} are dated to the day, {by_precision['month']} to "
            f"the month, {by_precision['year']} to the year and {by_precision['unknown']} not at all") in whole
    for target, label in (("XK", "Kosovo"), ("PS", "State of Palestine"), ("TW", "Taiwan"), ("EH", "SADR")):
        assert re.search(rf"\*\*{label}\*\* \({len(_rows(target))} rows", whole), label
