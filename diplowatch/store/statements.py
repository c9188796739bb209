"""Statements: stored once (dedup.py finds the stored row an item is), revisions of edited
ones, full-text search."""

from __future__ import annotations

import math
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlite_utils import Database

from ..models import N_, Statement
from .dedup import Known
from .isotime import iso, parse_iso
from .search_syntax import (  # noqa: F401 (the limits are read from here too)
    MARKS,
    MAX_PREFIXES,
    MAX_TERMS,
    MIN_PREFIX,
    Query,
    SearchRefused,
    fts_query,
    parse_query,
    prefix_test,
)

SORT_EPOCH = 946_684_800  # 2000-01-01T00:00:00Z


@dataclass
class StoredBatch:
    new: list[Statement] = field(default_factory=list)
    revised: list[Statement] = field(default_factory=list)
    duplicates: int = 0
    alerts: int = 0  # queued for these statements (the pipeline counts them)

    def __iadd__(self, other: StoredBatch) -> StoredBatch:
        """Another chunk of the same poll (pipeline.chunks)."""
        self.new += other.new
        self.revised += other.revised
        self.duplicates += other.duplicates
        self.alerts += other.alerts
        return self


@dataclass(frozen=True)
class SearchHit:
    id: int
    source: str
    title: str
    snippet: str
    url: str | None
    date: datetime | None


def add_statements(db: Database, statements: list[Statement], *, now: datetime) -> StoredBatch:
    """Store what is new, keep a revision of what changed; runs in the caller's transaction."""
    batch = StoredBatch()
    known = Known.load(db, statements)
    searchable: list[tuple[int, str, str]] = []
    with db.atomic():
        next_id = _next_id(db)
        for statement in statements:
            existing = known.find(statement)
            if existing is None:
                searchable.append(_insert(db, statement, next_id, now=now))
                statement.id, next_id = next_id, next_id + 1
                known.inserted(statement)
                batch.new.append(statement)
            elif existing.content_hash != statement.content_hash:
                _index_for_search(db, searchable)  # its trigger may update a row just added
                searchable.clear()
                statement.id = _revise(db, existing.id, statement, now=now)
                known.revised(existing, statement)
                batch.revised.append(statement)
            else:
                batch.duplicates += 1
        _index_for_search(db, searchable)
    return batch


def unstored(db: Database, statements: list[Statement]) -> list[Statement]:
    """Those of ``statements`` that add_statements would store now as new or as a revision
    (it decides again when it runs: this is for preparing work ahead of the write)."""
    known = Known.load(db, statements)
    out = []
    for statement in statements:
        existing = known.find(statement)
        if existing is None or existing.content_hash != statement.content_hash:
            out.append(statement)
    return out


def stored_keys(db: Database, statements: list[Statement]) -> set[str]:
    """The keys of those of ``statements`` that are stored already (found as add_statements
    finds them: by key, and for drifting keys by URL or content), whatever their text now."""
    known = Known.load(db, statements)
    return {s.key for s in statements if known.find(s) is not None}


def _next_id(db: Database) -> int:
    """The id SQLite would give the next row (max + 1): given explicitly, so that the sort key,
    which contains it, is known before the insert."""
    return db.execute("SELECT coalesce(max(id), 0) + 1 FROM statements").fetchone()[0]


def _insert(db: Database, s: Statement, statement_id: int, *, now: datetime
            ) -> tuple[int, str, str]:
    """Insert ``s`` as ``statement_id``; returns its search index row (sort key, title, text)."""
    fetched = s.fetched_at or now
    sort_at = _sort_time(s.published_at, fetched)
    key = sort_key(sort_at, statement_id)
    db.execute(
        "INSERT INTO statements (id, source, key, url, title, text, lang, published_at, "
        "fetched_at, sort_at, sort_key, content_hash, forwarded_from) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [statement_id, s.source, s.key, s.url, s.title, s.text, s.lang, iso(s.published_at),
         iso(fetched), iso(sort_at), key, s.content_hash, s.forwarded_from],
    )
    return key, s.title, s.text


def sort_key(sort_at: datetime, statement_id: int) -> int:
    """migrations.SORT_KEY in Python: whole seconds of ``sort_at`` since 2000, shifted left by
    31 bits, plus the id. Time-ordered, so the FTS index yields newest matches first."""
    if sort_at.tzinfo is None:
        sort_at = sort_at.replace(tzinfo=UTC)  # as iso() reads it
    seconds = math.floor(sort_at.timestamp())  # iso() stores whole seconds, cut, not rounded
    return (seconds - SORT_EPOCH) * 2**31 + statement_id


def _index_for_search(db: Database, rows: list[tuple[int, str, str]]) -> None:
    """Add a batch to the FTS index in one statement, in rowid order. (Through a trigger, FTS5
    wrote each row out on its own: 3 times the cost; descending rowids force the same.)"""
    db.conn.executemany("INSERT INTO statements_fts (rowid, title, text) VALUES (?, ?, ?)",
                        sorted(rows))


def _sort_time(published: datetime | None, fetched: datetime) -> datetime:
    # A date in the future (bad clock at the source) must not pin a statement to the top.
    return min(published, fetched) if published else fetched


def _revise(db: Database, statement_id: int, s: Statement, *, now: datetime) -> int:
    old = next(db.query("SELECT title, text, content_hash FROM statements WHERE id = ?",
                        [statement_id]))
    db.table("statement_revisions").insert(
        {"statement_id": statement_id, **old, "replaced_at": iso(now)}
    )
    db.execute(
        "UPDATE statements SET title = ?, text = ?, content_hash = ?, revision = revision + 1 "
        "WHERE id = ?", [s.title, s.text, s.content_hash, statement_id],
    )
    return statement_id


def revisions(db: Database, statement_id: int) -> list[dict]:
    return list(db.query(
        "SELECT title, text, replaced_at FROM statement_revisions WHERE statement_id = ? "
        "ORDER BY id", [statement_id],
    ))


SEARCH_BUDGET = 0.5  # seconds of SQLite work for one search, then it is stopped
_PROGRESS_STEPS = 1000  # SQLite VM instructions between two looks at the clock


def search(
    db: Database, words: str, *, limit: int = 20, offset: int = 0, source: str | None = None,
    budget: float = SEARCH_BUDGET,
) -> list[SearchHit]:
    """The newest statements matching ``words``. SearchRefused for a query past the limits or
    one that runs longer than ``budget`` seconds (SQLite's progress handler stops it)."""
    query = parse_query(words)
    if not query.fts:
        return []
    with _time_budget(db, budget):
        found = _with_long_prefix(db, query, source, offset + limit) if query.cut else None
        if found is None:
            rows = _matching(db, query.fts, source, limit=limit, offset=offset)
        else:
            rows = _matching(db, query.cut, source, limit=limit, offset=0,
                             rowids=found[offset:offset + limit])
    return [
        SearchHit(r[0], r[1], r[2], " ".join(r[5].split()), r[3], parse_iso(r[4]))
        for r in rows
    ]


def _matching(db: Database, fts: str, source: str | None, *, limit: int, offset: int,
              rowids: list[int] | None = None) -> list[tuple]:
    """(id, source, title, url, sort_at, snippet) of the newest rows matching ``fts`` (of
    ``rowids`` only, when given)."""
    where, params = "statements_fts MATCH ?", [fts]
    if source:
        where, params = where + " AND s.source = ?", [*params, source]
    if rowids is not None:
        where += f" AND statements_fts.rowid IN ({', '.join(map(str, map(int, rowids)))})"
    sql = ("SELECT s.id, s.source, s.title, s.url, s.sort_at, "
           "snippet(statements_fts, -1, '[', ']', '…', 16) AS snippet "
           "FROM statements_fts JOIN statements s ON s.sort_key = statements_fts.rowid "
           f"WHERE {where} ORDER BY statements_fts.rowid DESC LIMIT ? OFFSET ?")
    return db.execute(sql, [*params, limit, offset]).fetchall()


LONG_PREFIX_ROWS = 100  # rows of a cut prefix read before FTS5's own merge is the cheaper way


def _with_long_prefix(db: Database, query: Query, source: str | None, wanted: int
                      ) -> list[int] | None:
    """The index rowids of the newest ``wanted`` rows of a search with a long prefix (Query),
    read through the index of its first PREFIX_INDEX letters: those of the cut query's rows
    in which a matched word begins with the whole prefix. None when the first
    LONG_PREFIX_ROWS rows of the cut query gave fewer: then the whole prefix is rare among
    the words the cut one begins, and FTS5's merge of their row lists is short."""
    read = max(LONG_PREFIX_ROWS, 4 * wanted)
    where, params = "statements_fts MATCH ?", [query.cut]
    if source:
        where, params = where + " AND s.source = ?", [*params, source]
    marks = ", ".join(f"highlight(statements_fts, {column}, '{MARKS[0]}', '{MARKS[1]}')"
                      for column in (0, 1))
    rows = db.execute(f"SELECT statements_fts.rowid, {marks} FROM statements_fts JOIN statements s"
                      f" ON s.sort_key = statements_fts.rowid WHERE {where} "
                      "ORDER BY statements_fts.rowid DESC LIMIT ?", [*params, read])
    shows, kept, seen = prefix_test(query.prefix), [], 0
    for rowid, title, text in rows:  # read lazily: most long prefixes stop early
        seen += 1
        if shows(title) or shows(text):
            kept.append(rowid)
            if len(kept) == wanted:
                return kept
    return kept if seen < read else None


@contextmanager
def _time_budget(db: Database, seconds: float) -> Iterator[None]:
    deadline = time.monotonic() + seconds
    db.conn.set_progress_handler(lambda: time.monotonic() > deadline, _PROGRESS_STEPS)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if time.monotonic() <= deadline or "interrupt" not in str(exc):
            raise
        raise SearchRefused(N_("This search took longer than {seconds} s and was stopped. Use "
                               "fewer words ending in *, or add a rarer word."),
                            seconds=f"{seconds:g}") from None
    finally:
        db.conn.set_progress_handler(None, 0)


def latest_statements(db: Database, *, source: str | None = None, limit: int = 10) -> list[Statement]:
    # sort_key orders as (sort_at, id) does (sort_at is whole seconds); its unique index
    # serves the newest overall, statements_source_sort the newest of one source.
    where, order, params = (("WHERE source = ?", "sort_at DESC, id DESC", [source]) if source
                            else ("", "sort_key DESC", []))
    rows = db.query(
        f"SELECT * FROM statements {where} ORDER BY {order} LIMIT ?",
        [*params, limit],
    )
    return [_statement(r) for r in rows]


def get_statement(db: Database, statement_id: int) -> Statement | None:
    row = next(db.query("SELECT * FROM statements WHERE id = ?", [statement_id]), None)
    return _statement(row) if row else None


def _statement(r: dict) -> Statement:
    return Statement(
        source=r["source"], key=r["key"], url=r["url"], title=r["title"], text=r["text"],
        lang=r["lang"], published_at=parse_iso(r["published_at"]),
        fetched_at=parse_iso(r["fetched_at"]), content_hash=r["content_hash"],
        forwarded_from=r["forwarded_from"], id=r["id"],
    )


def count_statements(db: Database) -> int:
    return next(db.query("SELECT count(*) AS n FROM statements"))["n"]


def ids_after(db: Database, after: int, *, limit: int) -> list[int]:
    """Up to ``limit`` statement ids greater than ``after``, in order (a batch of the archive)."""
    return [r["id"] for r in db.query(
        "SELECT id FROM statements WHERE id > ? ORDER BY id LIMIT ?", [after, limit])]
