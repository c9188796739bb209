"""delivery/rounds.py: which queued rows go into which message, chat by chat."""

from __future__ import annotations

from datetime import UTC, datetime

from diplowatch.delivery.rounds import next_message, round_of_messages
from diplowatch.store import chats, outbox
from diplowatch.store.outbox import OutboxRow
from diplowatch.telegram_html import utf16_len

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def row(id: int, text: str = "<b>Alert</b>", **kw) -> OutboxRow:
    return OutboxRow(id=id, alert_id=id, chat_id=kw.pop("chat_id", 1), text=text, **kw)


def test_short_alerts_are_merged_up_to_the_limit():
    rows = [row(n, f"{n}" + "x" * 2000) for n in range(3)]
    job, count = next_message(rows)
    assert count == 2 and job.ids == [0, 1] and job.reply_to is None
    assert job.parts == ("0" + "x" * 2000 + "\n\n" + "1" + "x" * 2000,)


def test_without_merge_each_alert_goes_alone():
    job, count = next_message([row(1), row(2)], merge=False)
    assert (count, job.ids, job.parts) == (1, [1], ("<b>Alert</b>",))


def test_a_long_alert_goes_alone_in_parts_and_resumes_after_the_sent_ones():
    text = "\n\n".join(f"<b>Paragraph {n}</b> " + "word " * 150 for n in range(20))
    job, count = next_message([row(1, text), row(2)])
    assert count == 1 and len(job.parts) > 3 and job.start == 0
    assert all(utf16_len(part) <= 4096 for part in job.parts)
    resumed, _ = next_message([row(1, text, parts_sent=2), row(2)])
    assert resumed.start == 2 and resumed.parts == job.parts


def test_a_follow_up_goes_alone_as_a_reply():
    job, count = next_message([row(1, reply_to_message=77), row(2)])
    assert (count, job.reply_to) == (1, 77)
    job, count = next_message([row(1), row(2, reply_to_message=77)])
    assert (count, job.ids, job.reply_to) == (1, [1], None)


def queue(db, chat_ids, text="<b>Alert</b>") -> None:
    for chat_id in chat_ids:
        chats.upsert_chat(db, chat_id, type="private", title="", now=NOW)
    outbox.enqueue(db, outbox.create_alert(db, kind="event", text=text, now=NOW), chat_ids, now=NOW)


def test_a_round_gives_every_chat_its_next_message_across_pages(db):
    for _ in range(3):
        queue(db, [1, 2, 3])
    jobs = list(round_of_messages(db, now=NOW, tried=set(), page=2, chat_id=None, merge=True))
    assert [(job.chat_id, len(job.ids)) for job in jobs] == [(1, 3), (2, 3), (3, 3)]


def test_a_round_skips_tried_rows_and_other_chats_when_asked(db):
    queue(db, [1, 2])
    queue(db, [1, 2])
    first = list(round_of_messages(db, now=NOW, tried=set(), page=10, chat_id=None, merge=False))
    assert [job.chat_id for job in first] == [1, 2]
    tried = {i for job in first for i in job.ids}
    second = list(round_of_messages(db, now=NOW, tried=tried, page=10, chat_id=2, merge=False))
    assert [(job.chat_id, len(job.ids)) for job in second] == [(2, 1)]
    assert not set(second[0].ids) & tried
