"""Statements store: dedup across polls, drifting keys, revisions, FTS search."""

from datetime import UTC, datetime, timedelta

import pytest

from diplowatch.models import Statement
from diplowatch.pipeline import ingest, ingest_batch
from diplowatch.store import open_db
from diplowatch.store import statements as st

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)


def make(key, text, *, url=None, title="", source="s", published=None):
    return Statement(source=source, key=key, url=url, title=title, text=text, published_at=published)


def test_new_then_duplicate(db):
    items = [make("guid:1", "one"), make("guid:2", "two")]
    assert len(ingest(db, items, now=NOW)) == 2
    assert ingest(db, [make("guid:2", "two"), make("guid:1", "one")], now=NOW) == []
    assert st.count_statements(db) == 2


def test_same_key_other_source_is_new(db):
    ingest(db, [make("guid:1", "one")], now=NOW)
    assert len(ingest(db, [make("guid:1", "one", source="other")], now=NOW)) == 1


def test_republished_with_new_guids_is_not_new(db):
    ingest(db, [make("guid:a", "x", url="http://e/1"), make("guid:b", "y")], now=NOW)
    again = [make("guid:a2", "x", url="http://e/1"), make("guid:b2", "y")]
    batch = ingest_batch(db, again, now=NOW)
    assert batch.new == [] and batch.duplicates == 2


def test_telegram_posts_with_equal_text_are_distinct(db):
    posts = [make("post:ch/1", "Happy holidays"), make("post:ch/2", "Happy holidays")]
    assert len(ingest(db, posts, now=NOW)) == 2


def test_edit_keeps_revision(db):
    [first] = ingest(db, [make("post:ch/7", "Draft text")], now=NOW)
    batch = ingest_batch(db, [make("post:ch/7", "Final text")], now=NOW + timedelta(minutes=5))
    assert [s.id for s in batch.revised] == [first.id] and batch.new == []
    assert st.get_statement(db, first.id).text == "Final text"
    assert [r["text"] for r in st.revisions(db, first.id)] == ["Draft text"]
    # the search index follows the edit
    assert st.search(db, "final") and not st.search(db, "draft")


def test_whitespace_only_change_is_not_an_edit(db):
    ingest(db, [make("post:ch/8", "Some  text\n")], now=NOW)
    assert ingest_batch(db, [make("post:ch/8", "Some text")], now=NOW).revised == []


def test_search_newest_first_with_snippet(db):
    for n in range(5):
        when = NOW - timedelta(days=n)
        ingest(db, [make(f"guid:{n}", f"Statement {n} on the recognition of Kosovo",
                         published=when, url=f"https://e/{n}")], now=NOW)
    hits = st.search(db, "Kosovo recognition", limit=3)
    assert [h.id for h in hits] == [1, 2, 3]
    assert "[Kosovo]" in hits[0].snippet and hits[0].url == "https://e/0"


def test_search_inflected_and_prefix(db):
    ingest(db, [make("guid:1", "Северная Корея признала независимость Донецкой республики")], now=NOW)
    assert st.search(db, "призна*") and not st.search(db, "признание")


@pytest.mark.parametrize("words", ['"', "AND OR NOT", "*", "NEAR(", "'; DROP TABLE statements; --",
                                   "a" * 10_000, "\x00", "col:val"])
def test_search_hostile_words_never_raise(db, words):
    ingest(db, [make("guid:1", "text")], now=NOW)
    st.search(db, words)
    assert st.count_statements(db) == 1


def test_future_published_date_does_not_pin_to_top(db):
    ingest(db, [make("guid:old", "word old", published=NOW - timedelta(hours=1))], now=NOW)
    ingest(db, [make("guid:future", "word future", published=NOW + timedelta(days=300))],
           now=NOW - timedelta(hours=2))
    hits = st.search(db, "word")
    assert [h.id for h in hits] == [1, 2]


def test_statements_survive_reopen(tmp_path):
    db = open_db(tmp_path / "t.db")
    ingest(db, [make("guid:1", "kept")], now=NOW)
    db.close()
    assert st.count_statements(open_db(tmp_path / "t.db")) == 1
