"""store/chats.py and store/outbox.py: subscriptions, matching, migration, outbox states."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from diplowatch.models import UserError
from diplowatch.store import audience as audience_store
from diplowatch.store import chats, outbox
from tests.fakes.sql import traced_sql

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def _chat(db, chat_id, **kw):
    chats.upsert_chat(
        db,
        chat_id,
        type=kw.get("type", "private" if chat_id > 0 else "group"),
        title=kw.get("title", ""),
        now=NOW,
    )


def _alert(db, chat_ids, text="<b>alert</b>"):
    alert_id = outbox.create_alert(db, kind="event", text=text, now=NOW)
    outbox.enqueue(db, alert_id, chat_ids, now=NOW)
    return alert_id


def test_upsert_chat_keeps_active_flag(db):
    _chat(db, 1, title="a")
    chats.set_chat_active(db, 1, False, reason="blocked")
    chats.upsert_chat(db, 1, type="private", title="b", now=NOW + timedelta(days=1))
    chat = chats.get_chat(db, 1)
    assert (chat.title, chat.active, chat.inactive_reason, chat.created_at) == (
        "b",
        False,
        "blocked",
        NOW,
    )


def test_add_subscription_is_idempotent_and_normalized(db):
    first = chats.add_subscription(db, 5, "keyword", "  Kosovo   Independence ", now=NOW)
    again = chats.add_subscription(db, 5, "keyword", "kosovo independence", now=NOW)
    assert first == again and first.value == "kosovo independence"
    assert chats.get_chat(db, 5).type == "private"  # created on the fly
    everything = chats.add_subscription(db, 5, "all", "whatever", now=NOW)
    assert everything.value == ""
    assert [s.kind for s in chats.list_subscriptions(db, 5)] == ["keyword", "all"]


@pytest.mark.parametrize(
    ("kind", "value"), [("colour", "x"), ("entity", "  "), ("keyword", "x" * 101)]
)
def test_add_subscription_rejects_bad_input(db, kind, value):
    with pytest.raises(UserError):
        chats.add_subscription(db, 5, kind, value, now=NOW)


def test_subscription_cap(db):
    for n in range(chats.MAX_SUBSCRIPTIONS):
        chats.add_subscription(db, 7, "keyword", f"word{n}", now=NOW)
    chats.add_subscription(db, 7, "keyword", "word0", now=NOW)  # existing: still fine
    with pytest.raises(UserError, match="50 subscriptions"):
        chats.add_subscription(db, 7, "keyword", "one-more", now=NOW)


def test_remove_subscription_only_own(db):
    mine = chats.add_subscription(db, 1, "entity", "XK", now=NOW)
    theirs = chats.add_subscription(db, 2, "entity", "XK", now=NOW)
    with pytest.raises(UserError, match=f"No subscription #{theirs.id}"):
        chats.remove_subscription(db, 1, theirs.id)
    with pytest.raises(UserError):
        chats.remove_subscription(db, 1, 999)
    assert chats.remove_subscription(db, 1, mine.id) == mine
    assert chats.list_subscriptions(db, 1) == []
    assert chats.list_subscriptions(db, 2) == [theirs]


def plain(*chat_ids: int) -> set[tuple[int, int]]:
    """Destinations of chats without forum topics."""
    return {(chat_id, 0) for chat_id in chat_ids}


def test_matching_chats_by_kind(db):
    chats.add_subscription(db, 1, "entity", "abkhazia", now=NOW)
    chats.add_subscription(db, 2, "state", "NI", now=NOW)
    chats.add_subscription(db, 3, "all", "", now=NOW)
    chats.add_subscription(db, 4, "source", "mfa-ni", now=NOW)
    chats.add_subscription(db, 5, "keyword", "Sukhum", now=NOW)
    chats.add_subscription(db, 6, "entity", "XK", now=NOW)
    chats.add_subscription(db, 7, "entity", "abkhazia", now=NOW)
    chats.set_chat_active(db, 7, False, reason="blocked")
    text = "Nicaragua recognizes Abkhazia; embassy to open in Sukhum."
    # the recognition alert goes to its entity's, its state's and 'all' subscribers
    assert audience_store.matching_chats(db, entity="abkhazia", state="NI") == plain(1, 2, 3)
    assert audience_store.matching_chats(db, entity="XK") == plain(3, 6)
    # the statement itself to its source's followers and matching keywords, never to 'all'
    audience = audience_store.statement_audience(db, ["mfa-ni", "other"])
    assert audience.chats_for("mfa-ni", text) == plain(4, 5)
    assert audience.chats_for("mfa-ni", "Talks in Sukhum") == plain(4, 5)
    assert audience.chats_for("other", "Talks in Sukhum") == plain(5)
    assert audience.chats_for("other", "Talks in Moscow") == set()


def test_keyword_matches_whole_words_case_insensitively(db):
    chats.add_subscription(db, 1, "keyword", "recognition", now=NOW)
    chats.add_subscription(db, 2, "keyword", "Признание", now=NOW)
    audience = audience_store.statement_audience(db, [])
    assert audience.chats_for("s", "RECOGNITION of statehood") == plain(1)
    assert audience.chats_for("s", "non-recognition") == plain(1)  # '-' is a word boundary
    assert audience.chats_for("s", "recognitions") == set()
    assert audience.chats_for("s", "Официальное признание республики") == plain(2)


def test_migrate_chat_moves_and_merges(db):
    _chat(db, -10, title="Old group")
    chats.add_subscription(db, -10, "entity", "XK", now=NOW)
    chats.add_subscription(db, -10, "state", "RU", now=NOW)
    chats.add_subscription(db, -10010, "entity", "XK", now=NOW)  # already there
    a1 = _alert(db, [-10])
    a2 = _alert(db, [-10, -10010])
    sent = _alert(db, [-10])
    [row] = [r for r in outbox.due_rows(db, now=NOW) if r.alert_id == sent]
    outbox.mark_sent(db, [row.id], message_id=1, now=NOW)

    chats.migrate_chat(db, -10, -10010, now=NOW)

    assert sorted((s.kind, s.value) for s in chats.list_subscriptions(db, -10010)) == [
        ("entity", "XK"),
        ("state", "RU"),
    ]
    assert chats.list_subscriptions(db, -10) == []
    due = {(r.alert_id, r.chat_id) for r in outbox.due_rows(db, now=NOW)}
    assert due == {(a1, -10010), (a2, -10010)}
    old, new = chats.get_chat(db, -10), chats.get_chat(db, -10010)
    assert not old.active and old.inactive_reason == "migrated to -10010"
    assert new.active and new.type == "supergroup"
    counts = outbox.state_counts(db)
    assert counts["dropped"] == 1 and counts["sent"] == 1  # the duplicate of a2 at the old id


def test_migrate_chat_creates_new_chat_from_old(db):
    _chat(db, -20, title="Group")
    chats.add_subscription(db, -20, "all", "", now=NOW)
    chats.migrate_chat(db, -20, -10020, now=NOW)
    assert chats.get_chat(db, -10020).title == "Group"
    assert audience_store.matching_chats(db, entity="XK") == plain(-10020)


def test_enqueue_once_per_chat(db):
    for chat_id in (1, 2, 3):
        _chat(db, chat_id)
    alert_id = outbox.create_alert(db, kind="event", text="x", now=NOW)
    assert outbox.enqueue(db, alert_id, [1, 2, 2], now=NOW) == 2
    assert outbox.enqueue(db, alert_id, [2, 3], now=NOW) == 1
    assert outbox.queue_length(db) == 3
    assert outbox.get_alert(db, alert_id).text == "x"


def test_enqueue_inside_caller_transaction_rolls_back(db):
    _chat(db, 1)
    with pytest.raises(RuntimeError), db.atomic():
        alert_id = outbox.create_alert(db, kind="event", text="x", now=NOW)
        outbox.enqueue(db, alert_id, [1], now=NOW)
        raise RuntimeError("pipeline failed")
    assert outbox.queue_length(db) == 0
    assert list(db.query("SELECT * FROM alerts")) == []


def test_due_rows_filters_and_pages(db):
    for chat_id in (1, 2, 3):
        _chat(db, chat_id)
    _alert(db, [1, 2, 3])
    rows = outbox.due_rows(db, now=NOW)
    assert [r.chat_id for r in rows] == [1, 2, 3]
    assert outbox.due_rows(db, now=NOW - timedelta(seconds=1)) == []
    after = (rows[0].chat_id, rows[0].id)
    assert [r.chat_id for r in outbox.due_rows(db, now=NOW, limit=1, after=after)] == [2]
    chats.set_chat_active(db, 2, False, reason="Forbidden: bot was blocked by the user")
    assert [r.chat_id for r in outbox.due_rows(db, now=NOW)] == [1, 3]
    assert outbox.state_counts(db)["dropped"] == 1
    outbox.postpone(db, [rows[0].id], until=NOW + timedelta(seconds=30), reason="429")
    assert [r.chat_id for r in outbox.due_rows(db, now=NOW)] == [3]
    assert outbox.next_due_at(db) == NOW
    assert outbox.queue_length(db) == 2


def test_due_rows_come_chat_by_chat_in_keyset_pages(db):
    for chat_id in (-5, 1, 2):
        _chat(db, chat_id)
    first, second = _alert(db, [1, 2, -5]), _alert(db, [2, 1])
    keys, after = [], outbox.FIRST_KEY
    while page := outbox.due_rows(db, now=NOW, limit=2, after=after):
        keys += [(r.chat_id, r.alert_id) for r in page]
        after = (page[-1].chat_id, page[-1].id)
    assert keys == [(-5, first), (1, first), (1, second), (2, first), (2, second)]
    assert [r.alert_id for r in outbox.due_rows(db, now=NOW, chat_id=1)] == [first, second]
    skipped = outbox.due_rows(db, now=NOW, after=(1, outbox.LAST_ID))
    assert {r.chat_id for r in skipped} == {2}


def test_due_rows_read_the_index_in_order_without_sorting(db):
    with traced_sql(db) as statements:
        outbox.due_rows(db, now=NOW, after=(7, 100))
    [query] = [s for s in statements if "FROM outbox" in s]
    plan = " | ".join(row["detail"] for row in db.query(f"EXPLAIN QUERY PLAN {query}"))
    assert "USING INDEX outbox_by_chat" in plan and "TEMP B-TREE" not in plan


def test_mark_failed_backs_off_then_gives_up(db):
    _chat(db, 1)
    _alert(db, [1])
    [row] = outbox.due_rows(db, now=NOW)
    for attempt in range(1, 3):
        gave_up = outbox.mark_failed(
            db,
            [row.id],
            error="NetworkError",
            retry_at=NOW + timedelta(seconds=attempt),
            max_attempts=3,
        )
        assert gave_up == []
        assert outbox.next_due_at(db) == NOW + timedelta(seconds=attempt)
    assert outbox.mark_failed(db, [row.id], error="NetworkError", retry_at=NOW, max_attempts=3) == [
        row.id
    ]
    assert outbox.state_counts(db)["failed"] == 1
    assert outbox.queue_length(db) == 0


def test_strikes_deactivate_after_three(db):
    _chat(db, 1)
    _alert(db, [1])
    assert not chats.add_strike(db, 1, reason="chat not found")
    chats.record_sent(db, 1, now=NOW)  # a success forgives
    assert chats.get_chat(db, 1).strikes == 0
    assert [chats.add_strike(db, 1, reason="chat not found") for _ in range(3)] == [
        False,
        False,
        True,
    ]
    chat = chats.get_chat(db, 1)
    assert not chat.active and chat.inactive_reason == "chat not found"
    assert outbox.state_counts(db)["dropped"] == 1
    chats.set_chat_active(db, 1, True)
    assert chats.get_chat(db, 1).strikes == 0


def test_counts_for_stats(db):
    chats.add_subscription(db, 1, "all", "", now=NOW)
    chats.add_subscription(db, 2, "all", "", now=NOW)
    _chat(db, 3)
    chats.set_chat_active(db, 2, False, reason="blocked")
    assert chats.chat_counts(db) == {"active": 2, "inactive": 1, "subscribed": 1}
    _alert(db, [1, 3])
    assert outbox.outbox_counts(db) == {
        "pending": 2,
        "sent": 0,
        "possibly_delivered": 0,
        "dropped": 0,
        "failed": 0,
    }


def test_each_chat_gets_the_rendering_of_its_language_when_it_is_sent(db):
    """alert_texts (m016): the chosen language first, then the subscriber's Telegram language,
    else the English; read when the row is sent, so a switch applies to what is queued."""
    for chat_id in (1, 2, 3, 4):
        _chat(db, chat_id)
    chats.set_chat_language(db, 2, "ru", type="private", title="", now=NOW)
    chats.note_telegram_language(db, 3, "uk")
    chats.note_telegram_language(db, 4, "ru")
    chats.set_chat_language(db, 4, "uk", type="private", title="", now=NOW)  # chosen wins
    alert_id = outbox.create_alert(db, kind="event-new", text="English", now=NOW,
                                   translations={"ru": "Русский", "uk": "Українська"})
    outbox.enqueue(db, alert_id, [1, 2, 3, 4], now=NOW)
    texts = {row.chat_id: row.text for row in outbox.due_rows(db, now=NOW)}
    assert texts == {1: "English", 2: "Русский", 3: "Українська", 4: "Українська"}
    chats.set_chat_language(db, 2, "en", type="private", title="", now=NOW)
    assert {r.chat_id: r.text for r in outbox.due_rows(db, now=NOW)}[2] == "English"
