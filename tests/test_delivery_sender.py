"""delivery/sender.py: the Sender with an injected send(): error classes, pacing, merging, splitting, resume."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)

from diplowatch.delivery import Sender, SendPolicy, console_send
from diplowatch.store import chats, open_db, outbox
from diplowatch.telegram_html import utf16_len

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _ptb_timedelta(monkeypatch):
    # PTB 22 warns (an error here) on every RetryAfter unless opted in to timedelta periods.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


class FakeSend:
    """Records sends; ``fail[chat_id]`` is a list of exceptions raised by the next calls."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, str, str | None, float]] = []
        self.calls: list[tuple[int, float]] = []
        self.fail: dict[int, list[BaseException]] = {}

    async def __call__(self, chat_id: int, text: str, *, parse_mode: str | None) -> int:
        self.calls.append((chat_id, time.monotonic()))
        await asyncio.sleep(0)
        if self.fail.get(chat_id):
            raise self.fail[chat_id].pop(0)
        self.sent.append((chat_id, text, parse_mode, time.monotonic()))
        return len(self.sent)

    def to(self, chat_id: int) -> list[str]:
        return [text for c, text, _, _ in self.sent if c == chat_id]


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "delivery.db")
    yield database
    database.close()


def queue(db, chat_ids, text="<b>Alert</b> &amp; more", *, now=NOW) -> int:
    for chat_id in chat_ids:
        chats.upsert_chat(
            db, chat_id, type="private" if chat_id > 0 else "group", title="", now=now
        )
    alert_id = outbox.create_alert(db, kind="event", text=text, now=now)
    outbox.enqueue(db, alert_id, chat_ids, now=now)
    return alert_id


def sender(db, send, *, only_chat=None, **kw) -> Sender:
    kw.setdefault("rate", 1000)
    kw.setdefault("backoff_base", 1.0)
    kw.setdefault("private_interval", 0.05)
    kw.setdefault("group_interval", 0.05)
    return Sender(db, send, policy=SendPolicy(**kw), only_chat=only_chat)


def states(db) -> dict[str, int]:
    return {k: v for k, v in outbox.state_counts(db).items() if v}


async def test_fan_out_exactly_once(db):
    send = FakeSend()
    queue(db, range(1, 51))
    stats = await sender(db, send).drain_once(now=NOW)
    assert stats.sent == stats.messages == 50
    assert sorted(c for c, *_ in send.sent) == list(range(1, 51))
    assert all(mode == "HTML" for _, _, mode, _ in send.sent)
    assert (await sender(db, send).drain_once(now=NOW + timedelta(hours=1))).messages == 0
    assert states(db) == {"sent": 50}
    row = next(db.query("SELECT message_id, sent_at FROM outbox WHERE chat_id = 7"))
    assert row["message_id"] and row["sent_at"].startswith("2025-03-01T12:00")
    assert chats.get_chat(db, 7).last_sent_at is not None


async def test_alerts_for_one_chat_are_merged(db):
    send = FakeSend()
    for n in range(3):
        queue(db, [1, 2], text=f"<b>Alert {n}</b>")
    stats = await sender(db, send).drain_once(now=NOW)
    assert stats.sent == 6 and stats.messages == 2
    assert send.to(1) == ["<b>Alert 0</b>\n\n<b>Alert 1</b>\n\n<b>Alert 2</b>"]
    ids = {row["message_id"] for row in db.query("SELECT message_id FROM outbox WHERE chat_id = 1")}
    assert len(ids) == 1


async def test_merge_respects_the_limit(db):
    send = FakeSend()
    for n in range(3):
        queue(db, [1], text=f"{n}" + "x" * 2000)
    await sender(db, send, private_interval=0.05).drain_once(now=NOW)
    assert [len(t) for t in send.to(1)] == [2001 * 2 + 2, 2001]


async def test_long_alert_is_split_and_resumes_after_sent_parts(db):
    send = FakeSend()
    text = "\n\n".join(f"<b>Paragraph {n}</b> " + "word " * 150 for n in range(20))
    queue(db, [5], text=text)
    s = sender(db, send, private_interval=0.01, backoff_base=0.0)
    real_send = send.__call__

    async def third_call_fails(chat_id, text, *, parse_mode):
        if len(send.calls) == 2:  # parts 1 and 2 went out
            send.calls.append((chat_id, time.monotonic()))
            raise NetworkError("Bad Gateway")
        return await real_send(chat_id, text, parse_mode=parse_mode)

    s._send = third_call_fails
    await s.drain_once(now=NOW)
    assert len(send.to(5)) == 2
    assert next(db.query("SELECT parts_sent, attempts, state FROM outbox"))["parts_sent"] == 2
    await s.drain_once(now=NOW + timedelta(seconds=5))
    parts = send.to(5)
    assert len(parts) == len(set(parts)) > 3  # nothing repeated
    assert all(utf16_len(p) <= 4096 for p in parts)
    assert "".join(parts).count("Paragraph") == 20
    assert states(db) == {"sent": 1}


async def test_retry_after_pauses_everything_and_keeps_the_row(db):
    send = FakeSend()
    queue(db, [1, 2, 3])
    send.fail[1] = [RetryAfter(timedelta(seconds=0.4))]
    s = sender(db, send, max_in_flight=1)
    started = time.monotonic()
    stats = await s.drain_once(now=NOW)
    assert stats.flood_waits == 1 and stats.sent == 3
    flood_at = send.calls[0][1]
    assert all(t >= flood_at + 0.39 for _, t in send.calls[1:])
    assert time.monotonic() - started >= 0.4
    assert sorted(send.to(1) + send.to(2) + send.to(3)) == ["<b>Alert</b> &amp; more"] * 3


async def test_endless_flood_postpones_rows(db):
    send = FakeSend()
    queue(db, [1])
    send.fail[1] = [RetryAfter(timedelta(seconds=0.01)) for _ in range(10)]
    stats = await sender(db, send, max_flood_retries=2).drain_once(now=NOW)
    assert stats.flood_waits == 3 and stats.sent == 0
    row = next(db.query("SELECT state, attempts, last_error FROM outbox"))
    assert (row["state"], row["attempts"]) == ("pending", 0)
    assert "RetryAfter" in row["last_error"]


async def test_forbidden_deactivates_chat_others_still_receive(db):
    send = FakeSend()
    queue(db, [1, 2, 3])
    queue(db, [2, 4])  # merged with the first for chat 2
    send.fail[2] = [Forbidden("Forbidden: bot was blocked by the user")]
    stats = await sender(db, send).drain_once(now=NOW)
    assert stats.dropped == 2
    assert sorted({c for c, *_ in send.sent}) == [1, 3, 4]
    chat = chats.get_chat(db, 2)
    assert not chat.active and "blocked" in chat.inactive_reason
    assert states(db) == {"sent": 3, "dropped": 2}
    queue(db, [2])  # the pipeline would not match an inactive chat; even if queued, not sent
    assert (await sender(db, send).drain_once(now=NOW)).messages == 0


async def test_migrated_group_gets_new_id_and_resend(db):
    send = FakeSend()
    queue(db, [-100])
    chats.add_subscription(db, -100, "entity", "XK", now=NOW)
    send.fail[-100] = [ChatMigrated(-1001000)]
    stats = await sender(db, send).drain_once(now=NOW)
    assert stats.sent == 1
    assert send.to(-1001000) == ["<b>Alert</b> &amp; more"] and send.to(-100) == []
    assert [s.chat_id for s in chats.list_subscriptions(db, -1001000)] == [-1001000]
    assert next(db.query("SELECT chat_id, state FROM outbox")) == {
        "chat_id": -1001000,
        "state": "sent",
    }


async def test_parse_error_resends_plain_text(db, caplog):
    send = FakeSend()
    queue(db, [1], text='<b>New</b> <a href="https://x.org">MFA</a> &lt;3')
    send.fail[1] = [BadRequest('Can\'t parse entities: unsupported start tag "x" at byte offset 0')]
    stats = await sender(db, send, private_interval=0.01).drain_once(now=NOW)
    assert stats.sent == 1
    assert send.sent[0][1:3] == ("New MFA (https://x.org) <3", None)
    assert "plain text" in caplog.text


async def test_chat_not_found_three_strikes(db):
    send = FakeSend()
    queue(db, [9])
    send.fail[9] = [BadRequest("Chat not found") for _ in range(5)]
    s = sender(db, send, backoff_base=0.0)
    for n in range(3):
        await s.drain_once(now=NOW + timedelta(seconds=n))
    assert len(send.calls) == 3
    chat = chats.get_chat(db, 9)
    assert not chat.active and chat.inactive_reason == "Chat not found"
    assert states(db) == {"dropped": 1}


async def test_read_timeout_is_possibly_delivered_and_never_resent(db):
    send = FakeSend()
    queue(db, [1, 2])
    timeout = TimedOut()
    timeout.__cause__ = httpx.ReadTimeout("read")
    send.fail[1] = [timeout]
    s = sender(db, send)
    stats = await s.drain_once(now=NOW)
    assert stats.possibly_delivered == 1 and stats.sent == 1
    await s.drain_once(now=NOW + timedelta(days=1))
    assert [c for c, _ in send.calls].count(1) == 1
    assert states(db) == {"sent": 1, "possibly_delivered": 1}


async def test_connect_timeout_is_retried(db):
    send = FakeSend()
    queue(db, [1])
    timeout = TimedOut()
    timeout.__cause__ = httpx.ConnectTimeout("connect")
    send.fail[1] = [timeout]
    s = sender(db, send, backoff_base=0.0)
    assert (await s.drain_once(now=NOW)).retried == 1
    assert (await s.drain_once(now=NOW)).sent == 1


async def test_network_errors_back_off_then_fail(db):
    send = FakeSend()
    queue(db, [1])
    send.fail[1] = [NetworkError("Bad Gateway") for _ in range(10)]
    s = sender(db, send, backoff_base=2.0, max_attempts=3, private_interval=0.0)
    assert (await s.drain_once(now=NOW)).retried == 1
    row = next(db.query("SELECT attempts, next_attempt_at, state FROM outbox"))
    assert row == {
        "attempts": 1,
        "next_attempt_at": "2025-03-01T12:00:02+00:00",
        "state": "pending",
    }
    assert (await s.drain_once(now=NOW + timedelta(seconds=1))).messages == 0  # not yet due
    await s.drain_once(now=NOW + timedelta(seconds=2))
    assert outbox.next_due_at(db) == NOW + timedelta(seconds=6)  # 2 s, then 4 s
    stats = await s.drain_once(now=NOW + timedelta(seconds=6))
    assert stats.failed == 1 and states(db) == {"failed": 1}


async def test_other_bad_request_fails_at_once(db, caplog):
    send = FakeSend()
    queue(db, [1])
    send.fail[1] = [BadRequest("Message is too long")]
    stats = await sender(db, send).drain_once(now=NOW)
    assert stats.failed == 1 and states(db) == {"failed": 1}
    assert "Message is too long" in caplog.text


async def test_invalid_token_stops_delivery(db):
    send = FakeSend()
    queue(db, [1])
    send.fail[1] = [InvalidToken("Unauthorized")]
    with pytest.raises(InvalidToken):
        await sender(db, send).drain_once(now=NOW)
    assert states(db) == {"pending": 1}


async def test_unexpected_exception_is_retried(db):
    send = FakeSend()
    queue(db, [1])
    send.fail[1] = [OSError("console gone")]
    assert (await sender(db, send).drain_once(now=NOW)).retried == 1


async def test_global_rate_is_kept(db):
    send = FakeSend()
    queue(db, range(1, 41))
    await sender(db, send, rate=100, burst=1).drain_once(now=NOW)
    times = sorted(t for _, t in send.calls)
    assert times[-1] - times[0] >= 39 / 100 - 0.01
    # slots are fixed in advance, so a late wake-up shortens the next gap but never the pace
    for i, start in enumerate(times):
        assert sum(1 for t in times[i:] if t < start + 0.1) <= 11


async def test_per_chat_intervals(db):
    send = FakeSend()
    long_text = "\n\n".join("p" * 3000 for _ in range(3))  # three parts to each chat
    queue(db, [1, -5], text=long_text)
    await sender(db, send, private_interval=0.2, group_interval=0.3).drain_once(now=NOW)
    for chat_id, interval in ((1, 0.2), (-5, 0.3)):
        times = [t for c, t in send.calls if c == chat_id]
        assert len(times) == 3
        assert all(b - a >= interval - 0.005 for a, b in zip(times, times[1:], strict=False))


async def test_run_until_stop_and_notify(db):
    send = FakeSend()
    s = sender(db, send, idle_interval=5.0)
    stop = asyncio.Event()
    task = asyncio.create_task(s.run(stop=stop))
    await asyncio.sleep(0.05)
    queue(db, [1, 2], now=datetime.now(UTC))
    s.notify()
    for _ in range(100):
        if len(send.sent) == 2:
            break
        await asyncio.sleep(0.01)
    assert len(send.sent) == 2
    stop.set()
    await asyncio.wait_for(task, 1)


async def test_console_send_prints_plain_text(db):
    lines: list[str] = []
    queue(db, [1], text='<b>Recognition</b>: <a href="https://x.org">source</a>')
    await Sender(db, console_send(lines.append)).drain_once(now=NOW)
    assert lines == ["Recognition: source (https://x.org)"]


async def test_stop_interrupts_a_long_flood_pause(db):
    send = FakeSend()
    queue(db, [1, 2, 3])
    send.fail[1] = [RetryAfter(timedelta(seconds=30))]
    s = sender(db, send, max_in_flight=1)
    stop = asyncio.Event()
    task = asyncio.create_task(s.run(stop=stop))
    for _ in range(100):
        if send.calls:
            break
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(task, 1)  # not 30 s
    assert send.sent == [] and states(db) == {"pending": 3}


async def test_only_chat_leaves_other_rows_queued(db):
    send = FakeSend()
    queue(db, [1, 2])
    stats = await sender(db, send, only_chat=2).drain_once(now=NOW)
    assert stats.sent == 1 and [c for c, *_ in send.sent] == [2]
    assert outbox.queue_length(db) == 1


async def test_a_stored_send_time_in_the_future_waits_one_interval_at_most(db):
    send = FakeSend()
    queue(db, [1])
    chats.record_sent(db, 1, now=NOW + timedelta(days=1))  # the clock was set back since
    started = time.monotonic()
    await sender(db, send, private_interval=0.2).drain_once(now=NOW)
    assert len(send.sent) == 1 and 0.15 < send.sent[0][3] - started < 1
