"""What the retraction mode checks after a run: the database after each kill and at the end,
and the corrections each chat received (one each, as a reply to its alert, few repeats)."""

from __future__ import annotations

import sqlite3
from collections import Counter

from .config import SENDER_MAX_IN_FLIGHT

ADMIN = 777
CORRECTION = "❌ <b>Correction</b>"


class RetractionChecks:
    """A retraction run's checks; failures go to ``fail``."""

    def _integrity(self, index: int) -> None:
        conn = sqlite3.connect(self._copy_db())
        try:
            verdict = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
        if verdict != ["ok"]:
            self.fail(f"kill {index}: integrity_check {verdict[:3]}")

    def _check(self, life_starts: list[float]) -> None:
        self._check_database()
        self._check_messages(life_starts)

    def _check_database(self) -> None:
        """One correction alert, all its rows sent; the ledger back to no recorded position."""
        conn = sqlite3.connect(self.db_path)
        try:
            kinds = Counter(k for (k,) in conn.execute("SELECT kind FROM alerts"))
            states = Counter(s for (s,) in conn.execute(
                "SELECT o.state FROM outbox o JOIN alerts a ON a.id = o.alert_id WHERE a.kind = 'correction'"))
            status = conn.execute("SELECT status FROM recognitions WHERE actor = 'TG'"
                                  " AND target = 'donetsk-pr'").fetchone()
        finally:
            conn.close()
        if kinds.get("correction") != 1 or kinds.get("event-new") != 1:
            self.fail(f"alerts by kind {dict(kinds)}: want one event-new and one correction")
        if states != Counter({"sent": len(self.chats)}):
            self.fail(f"correction outbox rows {dict(states)}: want {len(self.chats)} sent")
        if status is not None:
            self.fail(f"ledger status after the retraction: {status[0]} (want no recorded position)")

    def _check_messages(self, life_starts: list[float]) -> None:
        """Each chat's corrections: at least one, each a reply to its alert, repeats bounded."""
        assert self.api is not None
        first_alert: dict[int, int] = {}
        seen: dict[int, list[float]] = {chat: [] for chat in self.chats}
        for m in self.api.messages:
            if m.chat_id not in seen or not m.text:
                continue
            if not m.text.startswith(CORRECTION):
                first_alert.setdefault(m.chat_id, m.message_id)
                continue
            seen[m.chat_id].append(m.time)
            replied = (m.params.get("reply_parameters") or {}).get("message_id")
            if replied != first_alert.get(m.chat_id):
                self.fail(f"chat {m.chat_id}: correction replies to {replied}, alert was {first_alert.get(m.chat_id)}")
        self.result.corrections_per_chat = Counter(len(times) for times in seen.values())
        repeats: Counter[int] = Counter()
        for times in seen.values():
            for later in times[1:]:
                repeats[sum(1 for s in life_starts if s <= later)] += 1
        self.result.repeats_by_kill = dict(repeats)
        if self.result.corrections_per_chat.get(0):
            self.fail(f"{self.result.corrections_per_chat[0]} chat(s) never got the correction")
        if max(repeats.values(), default=0) > SENDER_MAX_IN_FLIGHT:
            self.fail(f"a kill repeated {max(repeats.values())} corrections; at most {SENDER_MAX_IN_FLIGHT} in flight")
        admin = [m.text for m in self.api.messages if m.chat_id == ADMIN and m.text]
        if self.result.how == "admin" and not any(t.startswith("❌ Retracted #") for t in admin):
            self.fail(f"the admin's /retract got no confirmation: {admin[:3]}")
