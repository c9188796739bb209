"""Golden-file tests for the pure parsers: tests/data/{feeds,telegram,html}/*.

Each input has ``<name>.expected.json`` beside it. ``REGEN_GOLDEN=1`` rewrites the expected
files from the current output; review the diff before committing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from diplowatch.models import SourceError, Statement
from diplowatch.sources import html, rss, telegram

DATA = Path(__file__).parent / "data"
REGEN = os.environ.get("REGEN_GOLDEN") == "1"
FEED_BASE = "https://mfa.example.org/feeds/"
CHANNEL_BASE = "https://t.me/s/mid_example"


def statement_json(st: Statement) -> dict[str, Any]:
    data = asdict(st)
    for name in ("source", "id", "fetched_at"):
        data.pop(name)
    data["published_at"] = st.published_at.isoformat() if st.published_at else None
    return data


def outcome(produce: Callable[[], Any]) -> Any:
    try:
        return produce()
    except SourceError as exc:
        return {"error": str(exc)}


def check_golden(path: Path, actual: Any) -> None:
    expected_path = path.with_name(path.stem + ".expected.json")
    if REGEN:
        expected_path.write_text(
            json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))


def lang_of(path: Path) -> str | None:
    suffix = path.stem.rsplit("_", 1)[-1]
    return suffix if len(suffix) == 2 else None


@pytest.mark.parametrize("path", sorted(DATA.glob("feeds/*.xml")), ids=lambda p: p.name)
def test_rss_golden(path: Path) -> None:
    def produce() -> dict[str, Any]:
        feed = rss.parse(
            path.read_bytes(), source="golden", base_url=FEED_BASE + path.name, lang=lang_of(path)
        )
        statements = [statement_json(st) for st in feed.statements]
        return {"title": feed.title, "ttl_seconds": feed.ttl_seconds, "statements": statements}

    check_golden(path, outcome(produce))


@pytest.mark.parametrize("path", sorted(DATA.glob("telegram/*.html")), ids=lambda p: p.name)
def test_telegram_golden(path: Path) -> None:
    def produce() -> dict[str, Any]:
        page = telegram.parse(path.read_bytes(), source="golden", base_url=CHANNEL_BASE, lang="ru")
        return {
            "title": page.title,
            "channel": page.channel,
            "before": page.before,
            "post_ids": page.post_ids,
            "statements": [statement_json(st) for st in page.statements],
        }

    check_golden(path, outcome(produce))


@pytest.mark.parametrize("path", sorted(DATA.glob("html/*.html")), ids=lambda p: p.name)
def test_html_golden(path: Path) -> None:
    settings = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    data = path.read_bytes()
    if settings.get("article"):
        check_golden(path, outcome(lambda: {"text": html.parse_article(data)}))
        return

    def produce() -> list[dict[str, Any]]:
        found = html.parse_listing(
            data,
            source="golden",
            base_url=settings["base_url"],
            selectors=settings["selectors"],
            lang=settings.get("lang"),
        )
        return [statement_json(st) for st in found]

    check_golden(path, outcome(produce))


def test_golden_files_have_expectations() -> None:
    inputs = [*DATA.glob("feeds/*.xml"), *DATA.glob("telegram/*.html"), *DATA.glob("html/*.html")]
    missing = [p.name for p in inputs if not p.with_name(p.stem + ".expected.json").exists()]
    assert not missing
