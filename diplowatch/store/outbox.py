"""Alerts and the outbox: one row per (alert, chat, forum topic), written with the event that caused it.

Row states: ``pending`` (to send, at ``next_attempt_at``), ``sent``, ``possibly_delivered``
(the send timed out after the request went out; never resent automatically), ``dropped``
(the chat is gone: blocked, kicked, migrated duplicate) and ``failed`` (gave up).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from ..models import Alert
from .isotime import iso, parse_iso

STATES = ("pending", "sent", "possibly_delivered", "dropped", "failed")
MAX_ATTEMPTS = 10
LAST_ID = 2**63 - 1  # (chat_id, LAST_ID) is past every row of that chat
FIRST_KEY = (-(2**63), 0)  # before every (chat_id, id) key


@dataclass(frozen=True)
class OutboxRow:
    id: int
    alert_id: int
    chat_id: int
    text: str  # the alert's rendered HTML
    attempts: int = 0
    parts_sent: int = 0  # parts of a split alert already delivered
    reply_to_message: int | None = None  # a follow-up: the chat's message it answers
    thread_id: int = 0  # the forum topic it goes to (message_thread_id); 0: none


def create_alert(
    db: Database,
    *,
    kind: str,
    text: str,
    event_id: int | None = None,
    statement_id: int | None = None,
    reply_to: int | None = None,
    translations: Mapping[str, str] | None = None,
    now: datetime,
) -> int:
    """``reply_to``: the alert this one follows up (each chat gets it as a reply).
    ``text`` is the English; ``translations`` the other languages' (a chat gets the one of
    its language, else the English)."""
    cursor = db.execute(
        "INSERT INTO alerts (kind, text, event_id, statement_id, reply_to, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [kind, text, event_id, statement_id, reply_to, iso(now)],
    )
    alert_id = int(cursor.lastrowid or 0)
    for language, translated in (translations or {}).items():
        db.execute("INSERT INTO alert_texts (alert_id, language, text) VALUES (?, ?, ?)",
                   [alert_id, language, translated])
    return alert_id


def event_alert(db: Database, event_id: int) -> int | None:
    """The alert that announced this event (kind event-new), if one went out."""
    row = next(db.query("SELECT id FROM alerts WHERE event_id = ? AND kind = 'event-new'"
                        " ORDER BY id LIMIT 1", [event_id]), None)
    return row["id"] if row else None


def recipients(db: Database, alert_id: int) -> list[tuple[int, int]]:
    """The (chat, topic) pairs an alert reached (or may have: a send that timed out)."""
    return [(r["chat_id"], r["thread_id"]) for r in db.query(
        "SELECT chat_id, thread_id FROM outbox WHERE alert_id = ? AND state IN ('sent', "
        "'possibly_delivered') ORDER BY chat_id, thread_id", [alert_id])]


def cancel_pending(db: Database, alert_id: int, *, reason: str) -> int:
    """Rows of an alert not sent yet are dropped (its act was retracted); returns how many."""
    return db.execute("UPDATE outbox SET state = 'dropped', last_error = ? WHERE alert_id = ?"
                      " AND state = 'pending'", [reason, alert_id]).rowcount


def get_alert(db: Database, alert_id: int) -> Alert | None:
    rows = list(db.query("SELECT * FROM alerts WHERE id = ?", [alert_id]))
    if not rows:
        return None
    row = rows[0]
    return Alert(
        id=row["id"],
        kind=row["kind"],
        text=row["text"],
        statement_id=row["statement_id"],
        event_id=row["event_id"],
    )


def enqueue(db: Database, alert_id: int, chat_ids: Iterable[int | tuple[int, int]], *,
            now: datetime) -> int:
    """Queue ``alert_id`` for each chat, or (chat, forum topic) pair (once per pair, ever);
    returns the rows added. A bare chat id is the chat without a topic."""
    destinations = {(c, 0) if isinstance(c, int) else c for c in chat_ids}
    rows = [(alert_id, chat_id, thread_id, iso(now)) for chat_id, thread_id in sorted(destinations)]
    with db.atomic():
        cursor = db.conn.executemany(
            "INSERT OR IGNORE INTO outbox (alert_id, chat_id, thread_id, next_attempt_at)"
            " VALUES (?, ?, ?, ?)", rows,
        )
    return max(cursor.rowcount, 0)


def due_rows(
    db: Database,
    *,
    now: datetime,
    limit: int = 500,
    after: tuple[int, int] = FIRST_KEY,
    chat_id: int | None = None,
) -> list[OutboxRow]:
    """Pending rows of active chats (or of ``chat_id`` only) due at ``now``, in (chat_id, id)
    order from the first key past ``after``: a chat's rows come together, oldest first.
    (outbox_by_chat serves this order: no sort, however long the queue.)"""
    only = "AND o.chat_id = ? " if chat_id is not None else ""
    return [
        OutboxRow(**row)
        for row in db.query(
            "SELECT o.id, o.alert_id, o.chat_id, coalesce(t.text, a.text) AS text, o.attempts, "
            "o.parts_sent, o.thread_id, (SELECT r.message_id FROM outbox r"
            " WHERE r.alert_id = a.reply_to AND r.chat_id = o.chat_id AND r.thread_id = o.thread_id)"
            " AS reply_to_message "
            "FROM outbox o JOIN alerts a ON a.id = o.alert_id JOIN chats c ON c.id = o.chat_id "
            "LEFT JOIN alert_texts t ON t.alert_id = o.alert_id"
            " AND t.language = coalesce(c.language, c.telegram_language) "
            "WHERE o.state = 'pending' AND o.next_attempt_at <= ? AND (o.chat_id, o.id) > (?, ?) "
            f"AND c.active = 1 {only}ORDER BY o.chat_id, o.id LIMIT ?",
            [iso(now), *after, *([chat_id] if chat_id is not None else []), limit],
        )
    ]


def next_due_at(db: Database, *, chat_id: int | None = None) -> datetime | None:
    """When the earliest pending row of an active chat (or of ``chat_id``) becomes due."""
    only, params = ("AND o.chat_id = ?", [chat_id]) if chat_id is not None else ("", [])
    row = next(
        db.query(
            "SELECT min(o.next_attempt_at) AS at FROM outbox o JOIN chats c ON c.id = o.chat_id "
            f"WHERE o.state = 'pending' AND c.active = 1 {only}",
            params,
        )
    )
    return parse_iso(row["at"])


def _ids(row_ids: Sequence[int]) -> str:
    return ", ".join("?" * len(row_ids))


def mark_sent(
    db: Database, row_ids: Sequence[int], *, message_id: int | None, now: datetime
) -> None:
    db.execute(
        f"UPDATE outbox SET state = 'sent', sent_at = ?, message_id = ?, last_error = NULL "
        f"WHERE id IN ({_ids(row_ids)})",
        [iso(now), message_id, *row_ids],
    )


def mark_parts_sent(db: Database, row_id: int, parts_sent: int) -> None:
    db.execute("UPDATE outbox SET parts_sent = ? WHERE id = ?", [parts_sent, row_id])


def mark_failed(
    db: Database,
    row_ids: Sequence[int],
    *,
    error: str,
    retry_at: datetime | None,
    max_attempts: int = MAX_ATTEMPTS,
) -> list[int]:
    """Count a failed attempt: retry at ``retry_at``, or give up (state 'failed') when
    ``retry_at`` is None or the attempts reach ``max_attempts``. Returns the ids given up."""
    with db.atomic():
        db.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
            "state = CASE WHEN ? IS NULL OR attempts + 1 >= ? THEN 'failed' ELSE 'pending' END, "
            f"next_attempt_at = coalesce(?, next_attempt_at) WHERE id IN ({_ids(row_ids)})",
            [error, iso(retry_at), max_attempts, iso(retry_at), *row_ids],
        )
        return [
            row["id"]
            for row in db.query(
                f"SELECT id FROM outbox WHERE state = 'failed' AND id IN ({_ids(row_ids)})",
                list(row_ids),
            )
        ]


def mark_possibly_delivered(
    db: Database, row_ids: Sequence[int], *, error: str, now: datetime
) -> None:
    db.execute(
        f"UPDATE outbox SET state = 'possibly_delivered', attempts = attempts + 1, sent_at = ?, "
        f"last_error = ? WHERE id IN ({_ids(row_ids)})",
        [iso(now), error, *row_ids],
    )


def postpone(db: Database, row_ids: Sequence[int], *, until: datetime, reason: str) -> None:
    """Keep rows pending but not before ``until`` (flood control); not a failed attempt."""
    db.execute(
        f"UPDATE outbox SET next_attempt_at = max(next_attempt_at, ?), last_error = ? "
        f"WHERE state = 'pending' AND id IN ({_ids(row_ids)})",
        [iso(until), reason, *row_ids],
    )


def queue_length(db: Database) -> int:
    """Pending rows of active chats."""
    row = next(
        db.query(
            "SELECT count(*) AS n FROM outbox o JOIN chats c ON c.id = o.chat_id "
            "WHERE o.state = 'pending' AND c.active = 1"
        )
    )
    return row["n"]


def state_counts(db: Database, *, alert_id: int | None = None) -> dict[str, int]:
    """Rows per state (all states present, zeros included), optionally for one alert."""
    where, params = ("WHERE alert_id = ?", [alert_id]) if alert_id is not None else ("", [])
    counts = dict.fromkeys(STATES, 0)
    for row in db.query(f"SELECT state, count(*) AS n FROM outbox {where} GROUP BY state", params):
        counts[row["state"]] = row["n"]
    return counts


def outbox_counts(db: Database) -> dict[str, int]:
    """For /stats: outbox rows per state."""
    return state_counts(db)


def last_outbox_id(db: Database) -> int:
    """The newest outbox row's id, 0 for an empty outbox: rows after it are new."""
    return next(db.query("SELECT coalesce(max(id), 0) AS n FROM outbox"))["n"]


def latest_errors(db: Database, *, limit: int) -> list[dict]:
    """The newest ``limit`` unsent rows that recorded an error, newest first."""
    return [dict(row) for row in db.query(
        "SELECT id, chat_id, state, attempts, last_error AS error FROM outbox "
        "WHERE last_error IS NOT NULL AND state != 'sent' ORDER BY id DESC LIMIT ?", [limit])]
