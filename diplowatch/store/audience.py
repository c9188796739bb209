"""Which active chats an alert goes to (``matching_chats``) and who gets plain statements
(``StatementAudience``): queries over the subscriptions of chats.py."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlite_utils import Database

from .keywords import KeywordIndex


def matching_chats(db: Database, *, entity: str | None = None, state: str | None = None
                   ) -> set[int]:
    """Active chats a recognition alert goes to: subscribers of its target (``entity``), of
    its actor (``state``), and of 'all'. Plain statements go by StatementAudience."""
    clauses, params = ["s.kind = 'all'"], []
    for kind, value in (("entity", entity), ("state", state)):
        if value is not None:
            clauses.append("(s.kind = ? AND s.value = ?)")
            params += [kind, value]
    return {
        row["chat_id"]
        for row in db.query(
            "SELECT DISTINCT s.chat_id FROM subscriptions s JOIN chats c ON c.id = s.chat_id "
            f"WHERE c.active = 1 AND ({' OR '.join(clauses)})",
            params,
        )
    }


@dataclass
class StatementAudience:
    """Who gets plain statements: the followers of each source, and keyword subscribers.
    Read once for a whole polled batch rather than once per statement."""

    by_source: dict[str, set[int]]
    by_keyword: dict[str, set[int]]
    _index: KeywordIndex | None = field(default=None, init=False, repr=False)

    @property
    def keywords(self) -> KeywordIndex:
        if self._index is None:
            self._index = KeywordIndex(self.by_keyword)
        return self._index

    def chats_for(self, source: str, text: str) -> set[int]:
        return self.chats_for_keywords(source, self.keywords.match(text))

    def chats_for_keywords(self, source: str, keywords: Iterable[str]) -> set[int]:
        """The source's followers and the subscribers of ``keywords`` (found in a statement)."""
        found = set(self.by_source.get(source, ()))
        for keyword in keywords:
            found |= self.by_keyword.get(keyword, set())
        return found


def statement_audience(db: Database, sources: Iterable[str]) -> StatementAudience:
    by_source: dict[str, set[int]] = {}
    by_keyword: dict[str, set[int]] = {}
    wanted = sorted(set(sources))
    active = "FROM subscriptions s JOIN chats c ON c.id = s.chat_id WHERE c.active = 1 AND "
    if wanted:
        marks = ", ".join("?" * len(wanted))
        for chat_id, value in db.execute(
            f"SELECT s.chat_id, s.value {active} s.kind = 'source' AND s.value IN ({marks})",
            wanted,
        ):
            by_source.setdefault(value, set()).add(chat_id)
    for chat_id, value in db.execute(f"SELECT s.chat_id, s.value {active} s.kind = 'keyword'"):
        by_keyword.setdefault(value, set()).add(chat_id)
    return StatementAudience(by_source, by_keyword)

