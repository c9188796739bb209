"""The parsers on material no one here wrote: feedparser's own test suite and saved t.me pages.

They are read from ../shared/fixtures/real/ (never copied into the project); every test here
skips, saying so, when that folder is absent.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from diplowatch.models import SourceError
from diplowatch.sources import rss

REAL = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "real"
FEEDS = REAL / "feedparser-tests"
PAGES = REAL / "telegram"
pytestmark = pytest.mark.skipif(
    not REAL.is_dir(), reason=f"real fixtures not found at {REAL} (../shared is absent)"
)
_HEADER = re.compile(r"^\s*Header:\s*Content-type:\s*(.*?)\s*$", re.IGNORECASE | re.MULTILINE)
_EXPECT_DESCRIPTION = re.compile(r"entries\[0\]\['description'\] == ('(?:[^'\\]|\\.)*')")
MOJIBAKE = ("\ufffd", "Ã", "â€", "Ð")


def feed_files() -> list[Path]:
    if not FEEDS.is_dir():
        return []
    return sorted(p for p in FEEDS.rglob("*") if p.is_file() and p.suffix in {".xml", ".json"})


def header_files() -> list[Path]:
    return [p for p in feed_files() if p.parent.name == "encoding" and _header(p)]


def _header(path: Path) -> str | None:
    match = _HEADER.search(path.read_bytes()[:2000].decode("latin-1"))
    return match[1] if match else None


def test_the_real_fixtures_are_there() -> None:
    assert len(feed_files()) > 2000
    assert len(header_files()) > 40
    assert len(list(PAGES.glob("*.html"))) == 9


@pytest.mark.parametrize("path", feed_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_feedparser_suite_never_raises_anything_but_a_reason(path: Path) -> None:
    try:
        rss.parse(path.read_bytes(), source="real", base_url="https://example.org/feed")
    except SourceError as exc:
        assert str(exc)


@pytest.mark.parametrize("path", header_files(), ids=lambda p: p.name)
def test_encoding_suite_with_its_header_comes_out_readable(path: Path) -> None:
    data = path.read_bytes()
    try:
        feed = rss.parse(data, source="real", content_type=_header(path))
    except SourceError as exc:
        pytest.fail(f"refused with its header: {exc}")
    texts = [st.title + st.text for st in feed.statements] + [feed.title]
    assert not [t for t in texts if any(mark in t for mark in MOJIBAKE)]
    if expected := _EXPECT_DESCRIPTION.search(data.decode("latin-1")):
        assert feed.statements[0].text == ast.literal_eval(expected[1])
