"""Which stored statement an incoming item is: by its key, and for keys whose identity can
drift also by URL or by content; read in one query per lookup kind for a whole batch."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from ..models import Statement

# Keys whose identity can drift (a feed that re-publishes with new GUIDs or links): for these,
# an item matching a stored one by URL or by content is the same statement, not a new one.
DRIFTING_KEYS = ("guid:", "link:", "hash:")


@dataclass
class _Row:
    id: int
    content_hash: str


class Known:
    """The stored rows a batch could match, read with one query per lookup kind (by key; for
    drifting keys also by URL, newest wins, and by content, oldest wins) instead of up to three
    queries per item, and kept current while the batch is stored."""

    def __init__(self) -> None:
        self.rows: dict[int, _Row] = {}
        self.by_key: dict[tuple[str, str], _Row] = {}
        self.by_url: dict[tuple[str, str], _Row] = {}
        self.by_hash: dict[tuple[str, str], list[_Row]] = {}

    @classmethod
    def load(cls, db: Database, statements: list[Statement]) -> Known:
        known = cls()
        wanted: dict[tuple[str, str], set[str]] = {}
        for s in statements:
            wanted.setdefault((s.source, "key"), set()).add(s.key)
            if s.key.startswith(DRIFTING_KEYS):
                wanted.setdefault((s.source, "content_hash"), set()).add(s.content_hash)
                if s.url:
                    wanted.setdefault((s.source, "url"), set()).add(s.url)
        for (source, column), values in wanted.items():
            for row_id, content, value in _rows_where(db, source, column, sorted(values)):
                known._add(column, (source, value), known._row(row_id, content))
        return known

    def _row(self, row_id: int, content: str) -> _Row:
        return self.rows.setdefault(row_id, _Row(row_id, content))

    def _add(self, column: str, key: tuple[str, str], row: _Row) -> None:
        if column == "key":
            self.by_key[key] = row
        elif column == "url":
            self.by_url[key] = row  # rows come in id order: the newest stays
        else:
            self.by_hash.setdefault(key, []).append(row)

    def find(self, s: Statement) -> _Row | None:
        row = self.by_key.get((s.source, s.key))
        if row is not None or not s.key.startswith(DRIFTING_KEYS):
            return row
        if s.url and (row := self.by_url.get((s.source, s.url))) is not None:
            return row
        same = [r for r in self.by_hash.get((s.source, s.content_hash), ())
                if r.content_hash == s.content_hash]  # a revised row no longer has its old hash
        return min(same, key=lambda r: r.id, default=None)

    def inserted(self, s: Statement) -> None:
        """``s`` was just stored (its ``id`` set)."""
        if s.id is None:
            raise ValueError(f"statement {s.key!r} has no id: store it first")
        row = self._row(s.id, s.content_hash)
        self._add("key", (s.source, s.key), row)
        if s.url:
            self._add("url", (s.source, s.url), row)
        self._add("content_hash", (s.source, s.content_hash), row)

    def revised(self, row: _Row, s: Statement) -> None:
        row.content_hash = s.content_hash
        self._add("content_hash", (s.source, s.content_hash), row)


def _rows_where(db: Database, source: str, column: str, values: list[str]) -> list[tuple]:
    """(id, content_hash, column value) of the source's rows whose ``column`` is in ``values``,
    in id order. A plain cursor: db.query() would wrap each read in a savepoint."""
    rows: list[tuple] = []
    for start in range(0, len(values), 500):
        chunk = values[start:start + 500]
        rows += db.execute(
            f"SELECT id, content_hash, {column} FROM statements WHERE source = ? AND {column} "
            f"IN ({', '.join('?' * len(chunk))})", [source, *chunk],
        ).fetchall()
    return sorted(rows)
