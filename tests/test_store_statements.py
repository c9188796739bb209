"""Statements store: dedup across polls, drifting keys, revisions, FTS search."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from diplowatch.models import Statement
from diplowatch.pipeline import ingest, ingest_batch
from diplowatch.store import open_db
from diplowatch.store import statements as st
from diplowatch.store.dedup import DRIFTING_KEYS
from tests.fakes.sql import traced_sql

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


@pytest.mark.parametrize("words", ["*", "'; DROP TABLE statements; --", "a" * 10_000, "\x00",
                                   "col:val"])
def test_search_hostile_words_never_raise(db, words):
    ingest(db, [make("guid:1", "text")], now=NOW)
    st.search(db, words)
    assert st.count_statements(db) == 1


@pytest.mark.parametrize(("words", "reason"), [
    ('"', "A quote is not closed"), ("AND OR NOT", "OR goes between two words"),
    ("NEAR(", "NEAR is not part of the search syntax"),
])
def test_search_syntax_errors_are_refused_saying_why(db, words, reason):
    ingest(db, [make("guid:1", "text")], now=NOW)
    with pytest.raises(st.SearchRefused, match=reason):
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


# The batched lookup (one query per kind per batch) must decide exactly as the per-item
# queries it replaced: key; for drifting keys, then the newest row with the URL, then the
# oldest with the content. This is that reference, run on a second database.
def _reference_find(db, s):
    sql = "SELECT id, content_hash FROM statements WHERE source = ? AND "
    lookups = [("key = ?", s.key)]
    if s.key.startswith(DRIFTING_KEYS):
        lookups += [("url = ? ORDER BY id DESC", s.url)] if s.url else []
        lookups += [("content_hash = ? ORDER BY id", s.content_hash)]
    for where, value in lookups:
        row = db.execute(sql + where + " LIMIT 1", [s.source, value]).fetchone()
        if row:
            return row
    return None


def _reference_add(db, statements):
    decisions = []
    for s in statements:
        row = _reference_find(db, s)
        if row is None:
            s.id = st._next_id(db)
            st._index_for_search(db, [st._insert(db, s, s.id, now=NOW)])
            decisions.append(("new", s.id))
        elif row[1] != s.content_hash:
            s.id = st._revise(db, row[0], s, now=NOW)
            decisions.append(("revised", s.id))
        else:
            decisions.append(("duplicate", row[0]))
    return decisions


_items = hs.lists(
    hs.builds(
        lambda source, kind, k, u, t: Statement(
            source=source, key=f"{kind}:{k}", url=f"http://e/{u}" if u else None,
            title="", text=f"text {t}"),
        hs.sampled_from(["a", "b"]), hs.sampled_from(["guid", "link", "hash", "post"]),
        hs.integers(0, 3), hs.integers(0, 3), hs.integers(0, 3)),
    max_size=12,
)


@given(batches=hs.lists(_items, min_size=1, max_size=4))
@settings(max_examples=150, deadline=None)
def test_batched_lookup_decides_like_per_item_queries(tmp_path_factory, batches):
    folder = tmp_path_factory.mktemp("dedup")
    ours, reference = open_db(folder / "ours.db"), open_db(folder / "ref.db")
    for batch in batches:
        stored = st.add_statements(ours, [_copy(s) for s in batch], now=NOW)
        got = sorted([("new", s.id) for s in stored.new] + [("revised", s.id) for s in stored.revised])
        expected = _reference_add(reference, [_copy(s) for s in batch])
        assert got == sorted(d for d in expected if d[0] != "duplicate")
        assert stored.duplicates == sum(d[0] == "duplicate" for d in expected)
    table = "SELECT id, source, key, url, text, content_hash, revision FROM statements ORDER BY id"
    assert ours.execute(table).fetchall() == reference.execute(table).fetchall()
    ours.execute("INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1)")


def _copy(s):
    return Statement(source=s.source, key=s.key, url=s.url, title=s.title, text=s.text)


def test_relaxed_transaction_commits_and_restores_full_sync(db):
    from diplowatch.store import transaction

    full = db.execute("PRAGMA synchronous").fetchone()[0]
    with transaction(db, durable=False):
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL: no fsync at commit
        ingest(db, [make("guid:1", "one")], now=NOW)
    assert db.execute("PRAGMA synchronous").fetchone()[0] == full == 2
    with pytest.raises(RuntimeError), transaction(db, durable=False):
        ingest(db, [make("guid:2", "two")], now=NOW)
        raise RuntimeError
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert st.count_statements(db) == 1  # the failed one rolled back
    with db.atomic(), transaction(db, durable=False):  # nested: a savepoint, the outer decides
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2


@pytest.mark.parametrize("when", [
    datetime(2026, 11, 25, 6, 0, 0, 999_999, tzinfo=UTC),
    datetime(1999, 12, 31, 23, 59, 59, tzinfo=UTC),
    datetime(1950, 5, 1, 12, 0, 0, 500_000, tzinfo=UTC),
    datetime(2026, 3, 29, 3, 30, tzinfo=timezone(timedelta(hours=5, minutes=45))),
])
def test_sort_key_given_at_insert_is_the_one_the_trigger_computes(db, when):
    """Rows inserted without a sort key (the trigger's path) and by add_statements must order
    and index alike."""
    ingest(db, [make("guid:py", "python path", published=when)], now=NOW)
    db.execute("INSERT INTO statements (source, key, url, title, text, fetched_at, sort_at, "
               "content_hash) SELECT source, 'guid:sql', url, title, 'trigger path', fetched_at, "
               "sort_at, 'x' FROM statements WHERE key = 'guid:py'")
    (py_key, py_id), (sql_key, sql_id) = db.execute(
        "SELECT sort_key, id FROM statements ORDER BY key").fetchall()
    assert py_key - py_id == sql_key - sql_id
    assert [h.id for h in st.search(db, "path")] == [sql_id, py_id]
    db.execute("INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1)")


def test_a_batch_is_searchable_and_the_index_consistent(db):
    items = [make(f"guid:{i}", f"statement number {i} on recognition",
                  published=NOW - timedelta(hours=i)) for i in range(30)]  # newest first
    ingest(db, items, now=NOW)
    hits = st.search(db, "recognition", limit=50)
    assert [h.title or h.snippet for h in hits][:1] and len(hits) == 30
    assert [h.date for h in hits] == sorted((h.date for h in hits), reverse=True)
    db.execute("INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1)")


def test_latest_statements_newest_first_ties_by_id(db):
    same = NOW - timedelta(hours=1)
    ingest(db, [make("guid:old", "old", published=NOW - timedelta(days=1)),
                make("guid:a", "a", published=same), make("guid:b", "b", published=same),
                make("guid:other", "other source", source="t", published=NOW)], now=NOW)
    assert [s.text for s in st.latest_statements(db)] == ["other source", "b", "a", "old"]
    assert [s.text for s in st.latest_statements(db, source="s", limit=2)] == ["b", "a"]
    with traced_sql(db) as ran:
        st.latest_statements(db)
    query = next(q for q in ran if q.startswith("SELECT * FROM statements"))
    plan = str(db.execute("EXPLAIN QUERY PLAN " + query).fetchall())
    assert "USING INDEX statements_sort_key" in plan and "TEMP B-TREE" not in plan


def test_statement_journals_stay_in_memory(tmp_path):
    """Savepoint journals in temp files were two thirds of a poll cycle's writes (docs/benchmarks.md)."""
    db = open_db(tmp_path / "t.db")
    assert db.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert open_db(tmp_path / "t.db", readonly=True).execute("PRAGMA temp_store").fetchone()[0] == 2


@pytest.mark.parametrize(("words", "reason"), [
    (" ".join(f"{c}*" for c in "abcdefghijklmnopqrst"), "“a*” is too short a prefix: put at "
                                                        "least 3 letters before the *."),
    ("ab*", "“ab*” is too short a prefix: put at least 3 letters before the *."),
    ("non-re*", "“non-re*” is too short a prefix: put at least 3 letters before the *."),
    ("rec* ind*", "Only 1 word of a search may end in * (this one has 2)."),
    ("one two three four five six seven eight nine",
     "Too many words (9): a search takes at most 8. Leave out the common ones."),
    ("a-b-c-d-e-f-g-h-i", "Too many words (9): a search takes at most 8. Leave out the common "
                          "ones."),
    ("statemen* OR kosovo", "A word ending in * cannot be one side of an OR when it has more "
                            "than 6 letters: shorten it, or search for each side alone."),
])
def test_search_past_the_cost_limits_is_refused_saying_why(db, words, reason):
    ingest(db, [make("guid:1", "abc recognition")], now=NOW)
    with pytest.raises(st.SearchRefused) as refused:
        st.search(db, words)
    assert str(refused.value) == reason


def test_the_largest_accepted_search_runs(db):
    ingest(db, [make("guid:1", "recognition independence one two three four five six")],
           now=NOW)
    assert len(st.search(db, "rec* independence one two three four five six")) == 1


def test_a_search_over_its_time_budget_is_stopped_saying_why(db):
    ingest(db, [make(f"guid:{i}", f"recognition number {i}") for i in range(300)], now=NOW)
    with pytest.raises(st.SearchRefused, match=r"took longer than 0 s and was stopped"):
        st.search(db, "recognition", limit=300, budget=0.0)
    assert len(st.search(db, "recognition", limit=300)) == 300  # the handler is gone again
    assert db.execute("SELECT count(*) FROM statements").fetchone()[0] == 300


# Words a long prefix (7+ letters) must tell apart: only those that begin with the whole prefix
# match, whatever their case and accents; the others share the cut prefix (6 letters) or not.
LONG_PREFIX_WORDS = ["statement", "Statements", "STATEMÉNT", "statemx", "statem", "stated",
                     "ministry", "foreign"]
LONG_PREFIX_QUERIES = ["statemen*", "statements*", "statemx*", "statemén*", "statemen* ministry",
                       "statemen* -foreign", '"foreign statemen"*', "statemenz*"]


@pytest.fixture
def long_prefix_db(db):
    rng = __import__("random").Random(5)
    ingest(db, [make(f"guid:{i}", " ".join(rng.sample(LONG_PREFIX_WORDS, 3)),
                     published=NOW - timedelta(minutes=i)) for i in range(120)], now=NOW)
    return db


def _fts5_ids(db, words, *, limit, offset):
    """What FTS5 itself answers (its merge of every word the prefix begins)."""
    return [r[0] for r in db.execute(
        "SELECT s.id FROM statements_fts JOIN statements s ON s.sort_key = statements_fts.rowid "
        "WHERE statements_fts MATCH ? ORDER BY statements_fts.rowid DESC LIMIT ? OFFSET ?",
        [st.fts_query(words), limit, offset])]


@pytest.mark.parametrize("words", LONG_PREFIX_QUERIES)
@pytest.mark.parametrize("rows", [5, 200])  # rows of the cut prefix read: few, or all of them
def test_a_long_prefix_finds_what_fts5_finds(long_prefix_db, monkeypatch, words, rows):
    monkeypatch.setattr(st, "LONG_PREFIX_ROWS", rows)
    for limit, offset in ((20, 0), (7, 5), (50, 100)):
        found = [h.id for h in st.search(long_prefix_db, words, limit=limit, offset=offset)]
        assert found == _fts5_ids(long_prefix_db, words, limit=limit, offset=offset)
    assert [h.id for h in st.search(long_prefix_db, words, source="s")] == _fts5_ids(
        long_prefix_db, words, limit=20, offset=0)
    assert st.search(long_prefix_db, words, source="other") == []


def test_a_long_prefix_of_a_common_word_reads_the_index_of_its_first_six_letters(
        long_prefix_db, monkeypatch):
    """FTS5 merges the row lists of every word a prefix without an index of its own begins;
    a common one is answered from the 6-letter index alone, a rare one by that merge."""
    monkeypatch.setattr(st, "LONG_PREFIX_ROWS", 10)
    with traced_sql(long_prefix_db) as ran:
        assert len(st.search(long_prefix_db, "statemen*", limit=5)) == 5
    assert any("'\"statem\"*'" in sql for sql in ran)
    assert not any("'\"statemen\"*'" in sql for sql in ran)
    with traced_sql(long_prefix_db) as ran:
        assert st.search(long_prefix_db, "statemenz*") == []
    assert any("'\"statemenz\"*'" in sql for sql in ran)  # rare: read by FTS5's merge


def test_prefix_test_compares_words_as_fts5_does():
    from diplowatch.store.search_syntax import MARKS, prefix_test

    shows = prefix_test("Statemén")
    assert shows(f"a {MARKS[0]}STATEMENTS{MARKS[1]} b")
    assert not shows(f"a {MARKS[0]}statemx{MARKS[1]} statements")  # only marked words count
    assert not shows("") and not shows(None)
