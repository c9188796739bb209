"""Forum topics in the store (store/topics.py, migration m015): a stopped topic stops only its
own subscriptions and rows; the migration keeps every subscription and outbox row."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlite_utils import Database

from diplowatch.store import audience, chats, open_db, outbox, topics
from diplowatch.store.migrations import migrations

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
FORUM = -1001234


def test_stopping_a_topic_leaves_the_chat_and_its_other_topics(tmp_path):
    db = open_db(tmp_path / "t.db")
    for thread in (0, 7, 9):
        chats.add_subscription(db, FORUM, "entity", "XK", now=NOW, thread_id=thread)
    alert = outbox.create_alert(db, kind="event-new", text="x", now=NOW)
    outbox.enqueue(db, alert, audience.matching_chats(db, entity="XK"), now=NOW)
    assert topics.stop_topic(db, FORUM, 9, reason="Topic_closed") == 1
    assert audience.matching_chats(db, entity="XK") == {(FORUM, 0), (FORUM, 7)}
    assert {(r.chat_id, r.thread_id) for r in outbox.due_rows(db, now=NOW)} == {(FORUM, 0), (FORUM, 7)}
    assert chats.get_chat(db, FORUM).active
    assert topics.resume_topic(db, FORUM, 9) == 1
    assert topics.resume_topic(db, FORUM, 9) == 0
    assert audience.matching_chats(db, entity="XK") == {(FORUM, 0), (FORUM, 7), (FORUM, 9)}
    db.close()


def test_m015_keeps_subscriptions_and_outbox_rows(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m015_forum_topics")
    old.execute("INSERT INTO chats (id, type, created_at) VALUES (-5, 'group', '2026-01-01')")
    old.execute("INSERT INTO subscriptions (chat_id, kind, value, created_at)"
                " VALUES (-5, 'entity', 'XK', '2026-01-01')")
    old.execute("INSERT INTO alerts (kind, text, created_at) VALUES ('event-new', 'a', '2026-01-01')")
    old.execute("INSERT INTO outbox (alert_id, chat_id, next_attempt_at, parts_sent, message_id,"
                " state) VALUES (1, -5, '2026-01-01', 2, 33, 'sent')")
    old.conn.commit()
    old.close()
    db = open_db(path)
    (sub,) = chats.list_subscriptions(db, -5)
    assert (sub.kind, sub.value, sub.thread_id, sub.inactive_reason) == ("entity", "XK", 0, None)
    row = next(db.query("SELECT * FROM outbox"))
    assert (row["alert_id"], row["chat_id"], row["thread_id"], row["parts_sent"],
            row["message_id"], row["state"]) == (1, -5, 0, 2, 33, "sent")
    assert outbox.recipients(db, 1) == [(-5, 0)]
    indexes = {i.name for i in db.table("outbox").indexes}
    assert {"outbox_due", "outbox_chat_state", "outbox_by_chat"} <= indexes
    db.close()
