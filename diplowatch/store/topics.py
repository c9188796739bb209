"""Forum topics: a subscription belongs to the topic it was made in (``thread_id``, Telegram's
message_thread_id; 0 for a chat without topics). A topic deleted or closed stops its own
subscriptions, with the reason, and drops its pending alerts; the chat and its other topics
go on. Subscribing in the topic again resumes them."""

from __future__ import annotations

from sqlite_utils import Database


def stop_topic(db: Database, chat_id: int, thread_id: int, *, reason: str) -> int:
    """The topic is gone or closed: its subscriptions inactive with ``reason``, its pending
    rows dropped. Returns the rows dropped."""
    with db.atomic():
        db.execute("UPDATE subscriptions SET inactive_reason = ? WHERE chat_id = ? AND thread_id = ?",
                   [reason, chat_id, thread_id])
        return db.execute(
            "UPDATE outbox SET state = 'dropped', last_error = ? "
            "WHERE chat_id = ? AND thread_id = ? AND state = 'pending'",
            [f"topic inactive: {reason}", chat_id, thread_id]).rowcount


def resume_topic(db: Database, chat_id: int, thread_id: int) -> int:
    """Someone subscribed in the topic again: its stopped subscriptions are live. Returns
    how many were stopped."""
    return db.execute("UPDATE subscriptions SET inactive_reason = NULL WHERE chat_id = ? AND "
                      "thread_id = ? AND inactive_reason IS NOT NULL", [chat_id, thread_id]).rowcount
