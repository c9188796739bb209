"""Which active chats an alert goes to (``matching_chats``) and who gets plain statements
(``StatementAudience``): queries over the subscriptions of chats.py."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlite_utils import Database

from .keywords import KeywordIndex

Destination = tuple[int, int]  # (chat id, forum topic: message_thread_id, 0 for none)
# live subscriptions of active chats (a stopped topic's are not: store/topics.py)
_LIVE = "FROM subscriptions s JOIN chats c ON c.id = s.chat_id " \
        "WHERE c.active = 1 AND s.inactive_reason IS NULL AND "


def matching_chats(db: Database, *, entity: str | None = None, state: str | None = None
                   ) -> set[Destination]:
    """Active chats (and their topics) a recognition alert goes to: subscribers of its target
    (``entity``), of its actor (``state``), and of 'all'. Plain statements go by
    StatementAudience."""
    clauses, params = ["s.kind = 'all'"], []
    for kind, value in (("entity", entity), ("state", state)):
        if value is not None:
            clauses.append("(s.kind = ? AND s.value = ?)")
            params += [kind, value]
    return {
        (chat_id, thread_id) for chat_id, thread_id in db.execute(
            f"SELECT DISTINCT s.chat_id, s.thread_id {_LIVE}({' OR '.join(clauses)})", params)
    }


@dataclass
class StatementAudience:
    """Who gets plain statements: the followers of each source, and keyword subscribers.
    Read once for a whole polled batch rather than once per statement."""

    by_source: dict[str, set[Destination]]
    by_keyword: dict[str, set[Destination]]
    _index: KeywordIndex | None = field(default=None, init=False, repr=False)

    @property
    def keywords(self) -> KeywordIndex:
        if self._index is None:
            self._index = KeywordIndex(self.by_keyword)
        return self._index

    def chats_for(self, source: str, text: str) -> set[Destination]:
        return self.chats_for_keywords(source, self.keywords.match(text))

    def chats_for_keywords(self, source: str, keywords: Iterable[str]) -> set[Destination]:
        """The source's followers and the subscribers of ``keywords`` (found in a statement)."""
        found = set(self.by_source.get(source, ()))
        for keyword in keywords:
            found |= self.by_keyword.get(keyword, set())
        return found


def statement_audience(db: Database, sources: Iterable[str]) -> StatementAudience:
    by_source: dict[str, set[Destination]] = {}
    by_keyword: dict[str, set[Destination]] = {}
    wanted = sorted(set(sources))
    if wanted:
        marks = ", ".join("?" * len(wanted))
        for chat_id, thread_id, value in db.execute(
            f"SELECT s.chat_id, s.thread_id, s.value {_LIVE}s.kind = 'source' AND s.value IN ({marks})",
            wanted,
        ):
            by_source.setdefault(value, set()).add((chat_id, thread_id))
    for chat_id, thread_id, value in db.execute(
            f"SELECT s.chat_id, s.thread_id, s.value {_LIVE}s.kind = 'keyword'"):
        by_keyword.setdefault(value, set()).add((chat_id, thread_id))
    return StatementAudience(by_source, by_keyword)


def keyword_values(db: Database) -> set[str]:
    """The keywords that active chats follow."""
    return {value for (value,) in db.execute(f"SELECT DISTINCT s.value {_LIVE}s.kind = 'keyword'")}
