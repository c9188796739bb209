from datetime import UTC, datetime, timedelta

import pytest

from diplowatch.config import parse_sources
from diplowatch.models import UserError
from diplowatch.store import sources as ss

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
FILE = """
[[sources]]
name = "a"
kind = "rss"
url = "https://a.example/feed"
[[sources]]
name = "b"
kind = "rss"
url = "https://b.example/feed"
"""


def test_sync_keeps_state_and_drops_unlisted(db):
    ss.sync_sources(db, parse_sources(FILE, origin="f"), now=NOW)
    ss.record_success(db, "a", now=NOW, next_poll_at=NOW + timedelta(minutes=5), etag='"e1"',
                      last_modified=None, last_seen_key="ch/9")
    ss.sync_sources(db, parse_sources(FILE.split("[[sources]]\nname = \"b\"")[0], origin="f"), now=NOW)
    [(source, state)] = ss.list_sources(db)
    assert source.name == "a" and state.etag == '"e1"' and state.last_seen_key == "ch/9"


def test_changed_url_resets_validators(db):
    ss.sync_sources(db, parse_sources(FILE, origin="f"), now=NOW)
    ss.record_success(db, "a", now=NOW, next_poll_at=NOW, etag='"e1"', last_modified="x",
                      last_seen_key="ch/9")
    ss.sync_sources(db, parse_sources(FILE.replace("a.example", "c.example"), origin="f"), now=NOW)
    _, state = ss.get_source(db, "a")
    assert state.etag is None and state.last_seen_key is None


def test_failure_then_success_clears_error(db):
    ss.sync_sources(db, parse_sources(FILE, origin="f"), now=NOW)
    ss.record_failure(db, "a", now=NOW, reason="HTTP 503", next_poll_at=NOW + timedelta(minutes=10))
    ss.record_failure(db, "a", now=NOW, reason="HTTP 503", next_poll_at=NOW + timedelta(minutes=20))
    _, state = ss.get_source(db, "a")
    assert state.error_count == 2 and state.last_error == "HTTP 503"
    assert [s.name for s in ss.due_sources(db, now=NOW)] == ["b"]
    ss.record_success(db, "a", now=NOW, next_poll_at=NOW, etag=None, last_modified=None,
                      last_seen_key=None)
    _, state = ss.get_source(db, "a")
    assert state.error_count == 0 and state.last_error is None


def test_remove_rules(db):
    ss.sync_sources(db, parse_sources(FILE, origin="f"), now=NOW)
    with pytest.raises(UserError, match="comes from the sources file"):
        ss.remove_source(db, "a")
    with pytest.raises(UserError, match="No source named 'zzz'"):
        ss.remove_source(db, "zzz")
    [src] = parse_sources(FILE.replace('"a"', '"x"'), origin="f")[:1]
    ss.add_source(db, src, now=NOW)
    with pytest.raises(UserError, match="exists already"):
        ss.add_source(db, src, now=NOW)
    ss.remove_source(db, "x")
    assert ss.get_source(db, "x") is None
