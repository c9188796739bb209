"""Statements: dedup on store, revisions of edited ones, full-text search."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlite_utils import Database

from ..models import Statement
from . import iso, parse_iso

# Keys whose identity can drift (a feed that re-publishes with new GUIDs or links): for these,
# an item matching a stored one by URL or by content is the same statement, not a new one.
DRIFTING_KEYS = ("guid:", "link:", "hash:")


@dataclass
class StoredBatch:
    new: list[Statement] = field(default_factory=list)
    revised: list[Statement] = field(default_factory=list)
    duplicates: int = 0


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
    with db.atomic():
        for statement in statements:
            existing = _find_existing(db, statement)
            if existing is None:
                statement.id = _insert(db, statement, now=now)
                batch.new.append(statement)
            elif existing["content_hash"] != statement.content_hash:
                statement.id = _revise(db, existing, statement, now=now)
                batch.revised.append(statement)
            else:
                batch.duplicates += 1
    return batch


def _find_existing(db: Database, s: Statement) -> dict | None:
    # A plain cursor: db.query() wraps each read in a savepoint, three statements per lookup,
    # and this runs up to three times per fetched item (docs/benchmarks.md).
    sql = "SELECT id, content_hash FROM statements WHERE source = ? AND "
    lookups = [("key = ?", s.key)]
    if s.key.startswith(DRIFTING_KEYS):
        lookups += [("url = ? ORDER BY id DESC", s.url)] if s.url else []
        lookups += [("content_hash = ?", s.content_hash)]
    for where, value in lookups:
        row = db.execute(sql + where + " LIMIT 1", [s.source, value]).fetchone()
        if row:
            return {"id": row[0], "content_hash": row[1]}
    return None


def _insert(db: Database, s: Statement, *, now: datetime) -> int:
    fetched = s.fetched_at or now
    cursor = db.execute(
        "INSERT INTO statements (source, key, url, title, text, lang, published_at, fetched_at, "
        "sort_at, content_hash, forwarded_from) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [s.source, s.key, s.url, s.title, s.text, s.lang, iso(s.published_at), iso(fetched),
         iso(_sort_time(s.published_at, fetched)), s.content_hash, s.forwarded_from],
    )
    return cursor.lastrowid


def _sort_time(published: datetime | None, fetched: datetime) -> datetime:
    # A date in the future (bad clock at the source) must not pin a statement to the top.
    return min(published, fetched) if published else fetched


def _revise(db: Database, existing: dict, s: Statement, *, now: datetime) -> int:
    old = next(db.query("SELECT title, text, content_hash FROM statements WHERE id = ?",
                        [existing["id"]]))
    db.table("statement_revisions").insert(
        {"statement_id": existing["id"], **old, "replaced_at": iso(now)}
    )
    db.execute(
        "UPDATE statements SET title = ?, text = ?, content_hash = ?, revision = revision + 1 "
        "WHERE id = ?", [s.title, s.text, s.content_hash, existing["id"]],
    )
    return existing["id"]


def revisions(db: Database, statement_id: int) -> list[dict]:
    return list(db.query(
        "SELECT title, text, replaced_at FROM statement_revisions WHERE statement_id = ? "
        "ORDER BY id", [statement_id],
    ))


def fts_query(words: str) -> str:
    """User words → a safe FTS5 query: every word must occur; a trailing * is a prefix."""
    terms = []
    for word in re.findall(r"[\w*'’-]+", words)[:20]:
        prefix = word.endswith("*")
        word = word.strip("*'’-").replace("*", "")
        if word:
            terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms)


def search(
    db: Database, words: str, *, limit: int = 20, offset: int = 0, source: str | None = None
) -> list[SearchHit]:
    query = fts_query(words)
    if not query:
        return []
    where, params = "statements_fts MATCH ?", [query]
    if source:
        where, params = where + " AND s.source = ?", [*params, source]
    rows = db.query(
        "SELECT s.id, s.source, s.title, s.url, s.sort_at, "
        "snippet(statements_fts, -1, '[', ']', '…', 16) AS snippet "
        "FROM statements_fts JOIN statements s ON s.sort_key = statements_fts.rowid "
        f"WHERE {where} ORDER BY statements_fts.rowid DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [
        SearchHit(r["id"], r["source"], r["title"], " ".join(r["snippet"].split()), r["url"],
                  parse_iso(r["sort_at"]))
        for r in rows
    ]


def latest_statements(db: Database, *, source: str | None = None, limit: int = 10) -> list[Statement]:
    where, params = ("WHERE source = ?", [source]) if source else ("", [])
    rows = db.query(
        f"SELECT * FROM statements {where} ORDER BY sort_at DESC, id DESC LIMIT ?",
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
