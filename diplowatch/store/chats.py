"""Chats and their subscriptions (which chats an alert or a statement goes to: audience.py).

A chat id is Telegram's: positive for private chats, negative for groups and channels.
Deactivating a chat (blocked, kicked, migrated) drops its pending outbox rows, so that a
later /start does not replay stale alerts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from ..models import N_, Subscription, UserError
from .isotime import iso

SUBSCRIPTION_KINDS = ("entity", "state", "all", "source", "keyword")
MAX_SUBSCRIPTIONS = 50
MAX_KEYWORD = 100
CHAT_NOT_FOUND_STRIKES = 3


@dataclass(frozen=True)
class Chat:
    id: int
    type: str
    title: str
    active: bool
    inactive_reason: str | None
    strikes: int
    created_at: datetime
    last_sent_at: datetime | None = None


def _chat(row: dict) -> Chat:
    return Chat(
        id=row["id"],
        type=row["type"],
        title=row["title"],
        active=bool(row["active"]),
        inactive_reason=row["inactive_reason"],
        strikes=row["strikes"],
        created_at=datetime.fromisoformat(row["created_at"]),
        last_sent_at=datetime.fromisoformat(row["last_sent_at"]) if row["last_sent_at"] else None,
    )


def _default_type(chat_id: int) -> str:
    return "private" if chat_id > 0 else "group"


def upsert_chat(db: Database, chat_id: int, *, type: str, title: str, now: datetime) -> None:
    """Record a chat or refresh its type and title; its active flag is left alone."""
    db.execute(
        "INSERT INTO chats (id, type, title, created_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET type = excluded.type, title = excluded.title",
        [chat_id, type, title, iso(now)],
    )


def private_chats(db: Database, ids: Iterable[int]) -> list[int]:
    """Those of ``ids`` that are active private chats the bot knows (it can write to them)."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    marks = ", ".join("?" for _ in wanted)
    return [r["id"] for r in db.query(f"SELECT id FROM chats WHERE id IN ({marks}) AND active = 1"
                                      " AND type = 'private' ORDER BY id", wanted)]


def ensure_chat(db: Database, chat_id: int, *, type: str, now: datetime) -> None:
    """Record a chat the bot writes to first (an admin's private chat); a known one is left
    as it is."""
    db.execute("INSERT OR IGNORE INTO chats (id, type, title, created_at) VALUES (?, ?, '', ?)",
               [chat_id, type, iso(now)])


def chat_language(db: Database, chat_id: int) -> str | None:
    """The language the chat chose with /language, or None."""
    row = next(db.query("SELECT language FROM chats WHERE id = ?", [chat_id]), None)
    return row["language"] if row else None


def note_telegram_language(db: Database, chat_id: int, language: str) -> None:
    """The language of the Telegram user subscribing the chat: its alerts' language unless
    the chat chose one (a write only when it changes)."""
    db.execute("UPDATE chats SET telegram_language = ? WHERE id = ? AND telegram_language IS NOT ?",
               [language, chat_id, language])


def set_chat_language(db: Database, chat_id: int, language: str | None, *, type: str, title: str,
                      now: datetime) -> None:
    with db.atomic():
        upsert_chat(db, chat_id, type=type, title=title, now=now)
        db.execute("UPDATE chats SET language = ? WHERE id = ?", [language, chat_id])


def get_chat(db: Database, chat_id: int) -> Chat | None:
    rows = list(db.query("SELECT * FROM chats WHERE id = ?", [chat_id]))
    return _chat(rows[0]) if rows else None


def set_chat_active(db: Database, chat_id: int, active: bool, *, reason: str | None = None) -> None:
    """(De)activate a chat. Deactivation drops its pending alerts; activation clears strikes."""
    with db.atomic():
        db.execute(
            "UPDATE chats SET active = ?, inactive_reason = ?, strikes = 0 WHERE id = ?",
            [int(active), None if active else reason, chat_id],
        )
        if not active:
            db.execute(
                "UPDATE outbox SET state = 'dropped', last_error = ? "
                "WHERE chat_id = ? AND state = 'pending'",
                [f"chat inactive: {reason}" if reason else "chat inactive", chat_id],
            )


def add_strike(
    db: Database, chat_id: int, *, reason: str, limit: int = CHAT_NOT_FOUND_STRIKES
) -> bool:
    """Count a "chat not found"; at ``limit`` consecutive strikes the chat goes inactive.

    Returns True if this strike deactivated the chat.
    """
    db.execute("UPDATE chats SET strikes = strikes + 1 WHERE id = ?", [chat_id])
    chat = get_chat(db, chat_id)
    if chat is None or chat.strikes < limit:
        return False
    set_chat_active(db, chat_id, False, reason=reason)
    return True


def sent_since(db: Database, since: datetime) -> dict[int, datetime]:
    """Chats last sent to at ``since`` or later (later than now too, if the clock went back)."""
    rows = db.execute("SELECT id, last_sent_at FROM chats WHERE last_sent_at >= ?",
                      [iso(since)])
    return {chat_id: datetime.fromisoformat(at) for chat_id, at in rows}


def record_sent(db: Database, chat_id: int, *, now: datetime) -> None:
    """A message reached the chat: remember when, and forgive earlier strikes.

    Kept to the millisecond: a restarted sender paces its first message to the chat from it."""
    sent_at = now.astimezone(UTC).isoformat(timespec="milliseconds")
    db.execute("UPDATE chats SET last_sent_at = ?, strikes = 0 WHERE id = ?", [sent_at, chat_id])


def migrate_chat(db: Database, old_id: int, new_id: int, *, now: datetime) -> None:
    """A group became a supergroup: move subscriptions and pending alerts to ``new_id``.

    Duplicates (already subscribed or already queued at the new id) are merged. The old
    chat stays, inactive, so the history of sent alerts still points somewhere.
    """
    if old_id == new_id:
        return
    old = get_chat(db, old_id)
    created = iso(now) if old is None else iso(old.created_at)
    with db.atomic():
        db.execute(
            "INSERT INTO chats (id, type, title, created_at) VALUES (?, 'supergroup', ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET type = 'supergroup', active = 1, inactive_reason = NULL, "
            "strikes = 0, title = CASE WHEN chats.title = '' THEN excluded.title ELSE chats.title END",
            [new_id, old.title if old else "", created],
        )
        db.execute(
            "UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE chat_id = ?", [new_id, old_id]
        )
        db.execute("DELETE FROM subscriptions WHERE chat_id = ?", [old_id])
        db.execute(
            "UPDATE OR IGNORE outbox SET chat_id = ? WHERE chat_id = ? AND state = 'pending'",
            [new_id, old_id],
        )
        db.execute(
            "UPDATE outbox SET state = 'dropped', last_error = ? "
            "WHERE chat_id = ? AND state = 'pending'",
            [f"duplicate after migration to {new_id}", old_id],
        )
        db.execute(
            "UPDATE chats SET active = 0, inactive_reason = ? WHERE id = ?",
            [f"migrated to {new_id}", old_id],
        )


def normalized_value(kind: str, value: str) -> str:
    """The value a subscription of `kind` is stored with ('all' → '', keywords casefolded)."""
    return _normalize(kind, value)


def _normalize(kind: str, value: str) -> str:
    if kind not in SUBSCRIPTION_KINDS:
        raise UserError(
            f"Unknown subscription kind {kind!r}. Use one of: {', '.join(SUBSCRIPTION_KINDS)}."
        )
    if kind == "all":
        return ""
    value = " ".join(value.split())
    if kind == "keyword":
        value = value.casefold()
        if len(value) > MAX_KEYWORD:
            raise UserError(N_("Keywords are at most {max} characters long."), max=MAX_KEYWORD)
    if not value:
        raise UserError(_SAY_WHICH[kind])
    return value


_SAY_WHICH = {"entity": N_("Say which entity to follow."), "state": N_("Say which state to follow."),
              "source": N_("Say which source to follow."),
              "keyword": N_("Say which keyword to follow.")}


def _subscription(row: dict) -> Subscription:
    return Subscription(id=row["id"], chat_id=row["chat_id"], kind=row["kind"], value=row["value"],
                        thread_id=row["thread_id"], inactive_reason=row["inactive_reason"])


def add_subscription(
    db: Database, chat_id: int, kind: str, value: str, *, now: datetime, thread_id: int = 0
) -> Subscription:
    """Subscribe a chat, in its forum topic ``thread_id`` (0: none); idempotent: an existing
    identical subscription is returned. Creates the chat row if it is missing. Raises
    UserError past MAX_SUBSCRIPTIONS (counted over all the chat's topics)."""
    value = _normalize(kind, value)
    with db.atomic():
        db.execute(
            "INSERT OR IGNORE INTO chats (id, type, created_at) VALUES (?, ?, ?)",
            [chat_id, _default_type(chat_id), iso(now)],
        )
        existing = list(
            db.query(
                "SELECT * FROM subscriptions WHERE chat_id = ? AND thread_id = ? AND kind = ?"
                " AND value = ?", [chat_id, thread_id, kind, value],
            )
        )
        if existing:
            return _subscription(existing[0])
        count = next(
            db.query("SELECT count(*) AS n FROM subscriptions WHERE chat_id = ?", [chat_id])
        )["n"]
        if count >= MAX_SUBSCRIPTIONS:
            raise UserError(N_("This chat already has {max} subscriptions, the maximum. Remove "
                               "one with /unsubscribe first."), max=MAX_SUBSCRIPTIONS)
        cursor = db.execute(
            "INSERT INTO subscriptions (chat_id, thread_id, kind, value, created_at)"
            " VALUES (?, ?, ?, ?, ?)", [chat_id, thread_id, kind, value, iso(now)],
        )
        return Subscription(id=int(cursor.lastrowid or 0), chat_id=chat_id, kind=kind, value=value,
                            thread_id=thread_id)


def remove_subscription(db: Database, chat_id: int, sub_id: int) -> Subscription:
    """Remove one of the chat's own subscriptions; any other id is a UserError."""
    rows = list(
        db.query("SELECT * FROM subscriptions WHERE id = ? AND chat_id = ?", [sub_id, chat_id])
    )
    if not rows:
        raise UserError(N_("No subscription #{id} in this chat. /subscriptions lists them."),
                        id=sub_id)
    db.execute("DELETE FROM subscriptions WHERE id = ?", [sub_id])
    return _subscription(rows[0])


def list_subscriptions(db: Database, chat_id: int, *, thread_id: int = 0) -> list[Subscription]:
    """The subscriptions made in the chat's topic ``thread_id`` (0: the chat without a topic)."""
    return [
        _subscription(row)
        for row in db.query("SELECT * FROM subscriptions WHERE chat_id = ? AND thread_id = ?"
                            " ORDER BY id", [chat_id, thread_id])
    ]


def chat_counts(db: Database) -> dict[str, int]:
    """For /stats: active and inactive chats, and chats with at least one subscription."""
    row = next(
        db.query(
            "SELECT coalesce(sum(active), 0) AS active, coalesce(sum(1 - active), 0) AS inactive, "
            "(SELECT count(DISTINCT s.chat_id) FROM subscriptions s JOIN chats c ON c.id = s.chat_id "
            " WHERE c.active = 1) AS subscribed FROM chats"
        )
    )
    return {"active": row["active"], "inactive": row["inactive"], "subscribed": row["subscribed"]}
