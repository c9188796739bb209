"""Which queued rows go into which message: the due outbox walked chat by chat, a chat's
short alerts merged up to 4,096 characters, a long alert alone (split into parts).

Each round gives every chat only its *next* message, so a chat with a long backlog takes
turns with the others (docs/reliability.md, finding 2).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from ..store import Database, outbox
from ..store.outbox import OutboxRow
from ..telegram_html import MAX_MESSAGE, split_message, utf16_len


@dataclass
class Job:
    """One message to one chat: the rows it delivers and its parts (more than one only for a
    single long alert); ``start``: parts already delivered before a restart."""

    chat_id: int
    rows: list[OutboxRow]
    parts: tuple[str, ...]
    start: int = 0
    ids: list[int] = field(init=False)
    reply_to: int | None = field(init=False)  # a follow-up: the message it answers
    thread_id: int = field(init=False)  # the forum topic (message_thread_id); 0: none

    def __post_init__(self) -> None:
        self.ids = [row.id for row in self.rows]
        self.reply_to = self.rows[0].reply_to_message if len(self.rows) == 1 else None
        self.thread_id = self.rows[0].thread_id


def round_of_messages(db: Database, *, now: datetime, tried: set[int], page: int,
                      chat_id: int | None, merge: bool) -> Iterator[Job]:
    """One walk over the due rows in (chat, id) order: each chat's next message, from its
    rows not ``tried`` yet. A chat's rows may run on into the next page of ``page`` rows."""
    after, held = outbox.FIRST_KEY, list[OutboxRow]()
    while rows := outbox.due_rows(db, now=now, limit=page, after=after, chat_id=chat_id):
        after = (rows[-1].chat_id, rows[-1].id)
        for chat, chat_rows in itertools.groupby(rows, key=lambda row: row.chat_id):
            if held and held[0].chat_id != chat:
                yield next_message(held, merge=merge)[0]
                held = []
            held += [row for row in chat_rows if row.id not in tried]
        if held and (message := next_message(held, merge=merge))[1] < len(held):
            yield message[0]  # complete: skip the rest of this chat's rows
            after, held = (held[0].chat_id, outbox.LAST_ID), []
    if held:
        yield next_message(held, merge=merge)[0]


def next_message(rows: list[OutboxRow], *, merge: bool = True) -> tuple[Job, int]:
    """A chat's next message from its oldest ``rows`` (short alerts merged up to 4096
    characters, while they go to the same forum topic; a long one alone, to be split; a
    follow-up alone, as a reply to the message it follows up), and how many of the rows it
    carries."""
    first = rows[0]
    alone = first.parts_sent or first.reply_to_message or utf16_len(first.text) > MAX_MESSAGE
    if alone or not merge:
        return Job(first.chat_id, [first], parts(first.text), first.parts_sent), 1
    size, count = utf16_len(first.text), 1
    for row in rows[1:]:
        size += 2 + utf16_len(row.text)
        if row.parts_sent or row.reply_to_message or size > MAX_MESSAGE \
                or row.thread_id != first.thread_id:
            break
        count += 1
    merged = rows[:count]
    return Job(first.chat_id, merged, parts("\n\n".join(row.text for row in merged))), count


@functools.lru_cache(maxsize=64)
def parts(text: str) -> tuple[str, ...]:
    """split_message, cached: a fan-out sends the same alert text to every chat."""
    return tuple(split_message(text))
