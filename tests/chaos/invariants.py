"""What must hold after every kill: reads of the committed state while the bot runs, and the
checks on a stopped database (integrity, nothing committed lost, each alert queued for exactly
its subscribers)."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

from .config import Life
from .world import Item

AlertRows = tuple[
    dict[int, set[int]],  # alert → chats with an outbox row
    dict[int, list[tuple[int, str, str]]],  # statement → (recognition alert, actor, target)
    dict[int, list[int]],  # statement → statement alerts
]


class Invariants:
    """Chaos's database reads and checks; ``seen_*`` is the committed state seen so far."""

    def _read_live(self) -> sqlite3.Connection | None:
        if not self.db_path.exists():
            return None
        conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=10)
        conn.execute("PRAGMA busy_timeout = 10000")
        return conn

    def _read_new_statements(self, conn: sqlite3.Connection) -> None:
        last = max(self.seen_statements, default=0)
        for sid, source, key in conn.execute(
            "SELECT id, source, key FROM statements WHERE id > ?", [last]
        ):
            self.seen_statements[sid] = (source, key)

    def _snapshot(self) -> None:
        """What is committed now (read through a read-only connection while the bot runs)."""
        try:
            conn = self._read_live()
        except sqlite3.Error:
            return
        if conn is None:
            return
        try:
            self._read_new_statements(conn)
            self.seen_sent.update(
                r[0] for r in conn.execute("SELECT id FROM outbox WHERE state = 'sent'")
            )
            last_alert = max(self.seen_alerts, default=0)
            for aid, n in conn.execute(
                "SELECT a.id, (SELECT count(*) FROM outbox o WHERE o.alert_id = a.id) "
                "FROM alerts a WHERE a.id > ?", [last_alert]
            ):
                self.seen_alerts[aid] = n
        except sqlite3.Error as exc:  # e.g. the schema is not there yet (first seconds)
            if "no such table" not in str(exc):
                self.say(f"  note: live read failed: {exc}")
        finally:
            conn.close()

    def _statement_keys_live(self) -> set[tuple[str, str]]:
        """Incremental read of new statements; returns every (source, key) seen so far."""
        with contextlib.suppress(sqlite3.Error):
            conn = self._read_live()
            if conn is not None:
                try:
                    self._read_new_statements(conn)
                finally:
                    conn.close()
        return set(self.seen_statements.values())

    def _pending_live(self) -> int:
        with contextlib.suppress(sqlite3.Error):
            conn = self._read_live()
            if conn is not None:
                try:
                    return conn.execute(
                        "SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
                finally:
                    conn.close()
        return -1

    def _copy_db(self) -> Path:
        """The crashed files, copied: checks run on the copy, the next life on the original."""
        target = self.workdir / "check"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
        for suffix in ("", "-wal"):
            src = Path(f"{self.db_path}{suffix}")
            if src.exists():
                shutil.copyfile(src, target / src.name)
        return target / self.db_path.name

    def _check_db(self, path: Path, life: Life | None, *, final: bool = False) -> dict:
        """Integrity and the test's invariants on a stopped database; updates the seen state."""
        conn = sqlite3.connect(path)
        try:
            return self._check_conn(conn, life, final=final)
        finally:
            conn.close()

    def _check_conn(self, conn: sqlite3.Connection, life: Life | None, *, final: bool) -> dict:
        self._check_integrity(conn, life)
        statements = {sid: (source, key) for sid, source, key in
                      conn.execute("SELECT id, source, key FROM statements")}
        states = dict(conn.execute("SELECT id, state FROM outbox"))
        rows_per_alert = Counter(r[0] for r in conn.execute("SELECT alert_id FROM outbox"))
        self._check_kept(life, statements, states, rows_per_alert)
        self._check_alerts(conn, statements, life)
        self.seen_statements = statements
        self.seen_sent = {i for i, s in states.items() if s == "sent"}
        self.seen_alerts = dict(rows_per_alert)
        counts = Counter(states.values())
        alerts = conn.execute("SELECT count(*) FROM alerts").fetchone()[0]
        return {"statements": len(statements), "alerts": alerts, "outbox": len(states),
                "states": dict(counts)}

    def _check_integrity(self, conn: sqlite3.Connection, life: Life | None) -> None:
        """``PRAGMA integrity_check``, foreign keys and the FTS index."""
        self.integrity_checks += 1
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        fts = "ok"
        try:
            conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            fts = str(exc)
        conn.rollback()
        ok = integrity == ["ok"] and not fk and fts == "ok"
        self.integrity_ok += ok
        if life is not None:
            life.integrity = "ok" if ok else "BAD"
        if integrity != ["ok"]:
            self.problem(life, f"integrity_check: {integrity[:5]}")
        if fk:
            self.problem(life, f"foreign_key_check: {len(fk)} rows, e.g. {fk[:3]}")
        if fts != "ok":
            self.problem(life, f"FTS integrity-check: {fts}")

    def _check_kept(self, life: Life | None, statements: dict[int, tuple[str, str]],
                    states: dict[int, str], rows_per_alert: Counter[int]) -> None:
        """Every statement, 'sent' mark and alert's outbox rows seen committed is still there."""
        lost = [sid for sid, sk in self.seen_statements.items() if statements.get(sid) != sk]
        if lost:
            self.problem(life, f"{len(lost)} committed statement(s) lost, e.g. "
                               f"{[self.seen_statements[i] for i in lost[:3]]}")
        unsent = [i for i in self.seen_sent if states.get(i) != "sent"]
        if unsent:
            self.problem(life, f"{len(unsent)} 'sent' mark(s) lost, e.g. outbox ids {unsent[:5]}")
        changed = [a for a, n in self.seen_alerts.items() if rows_per_alert.get(a, 0) != n]
        if changed:
            self.problem(life, f"{len(changed)} alert(s) changed their outbox rows, e.g. {changed[:5]}")

    def _check_alerts(self, conn: sqlite3.Connection,
                      statements: dict[int, tuple[str, str]], life: Life | None) -> None:
        """Each stored recognition has exactly one alert, queued for exactly its subscribers;
        each stored statement of a followed source has its statement alert."""
        recipients, recognition_alerts, statement_alerts = _alert_rows(conn)
        by_key = {(item.source, item.key): item for item in self.world.published}
        bad: list[str] = []
        for sid, (source, key) in statements.items():
            item = by_key.get((source, key))
            if item is None:
                bad.append(f"statement {source}/{key} was never published")
                continue
            bad += self._recognition_problems(item, recognition_alerts.get(sid, []), recipients)
            bad += self._statement_alert_problems(item, statement_alerts.get(sid, []), recipients)
        for message in bad[:10]:
            self.problem(life, message)
        if len(bad) > 10:
            self.problem(life, f"… {len(bad) - 10} more alert problems")

    def _recognition_problems(self, item: Item, found: list[tuple[int, str, str]],
                              recipients: dict[int, set[int]]) -> list[str]:
        bad = []
        if item.pair:
            if [(a, t) for _, a, t in found] != [item.pair]:
                bad.append(f"recognition {item.pair} in {item.source}/{item.key}: alerts {found}")
            for alert_id, actor, target in found:
                want = self.world.subscribers.for_recognition(actor, target)
                got = recipients.get(alert_id, set())
                if got != want:
                    bad.append(f"alert {alert_id} ({actor}→{target}): {len(got)} outbox rows, "
                               f"{len(want)} subscribers ({len(want - got)} missing)")
        elif found:
            bad.append(f"unexpected recognition alert(s) for {item.source}/{item.key}: {found}")
        return bad

    def _statement_alert_problems(self, item: Item, got_alerts: list[int],
                                  recipients: dict[int, set[int]]) -> list[str]:
        bad = []
        want = self.world.subscribers.for_statement(item.source)
        if want and len(got_alerts) != 1:
            bad.append(f"statement {item.source}/{item.key}: {len(got_alerts)} statement "
                       "alerts, want 1")
        for alert_id in got_alerts:
            if recipients.get(alert_id, set()) != want:
                bad.append(f"statement alert {alert_id}: rows for "
                           f"{len(recipients.get(alert_id, set()))} chats, want {len(want)}")
        return bad

    def _check_all_published(self, published: list[Item]) -> None:
        stored = set(self.seen_statements.values())
        missing = [i for i in published if (i.source, i.key) not in stored]
        if missing:
            self.problem(None, f"{len(missing)} published statement(s) never stored, e.g. "
                               f"{[(i.source, i.key) for i in missing[:5]]}")


def _alert_rows(conn: sqlite3.Connection) -> AlertRows:
    recipients: dict[int, set[int]] = defaultdict(set)
    for alert_id, chat_id in conn.execute("SELECT alert_id, chat_id FROM outbox"):
        recipients[alert_id].add(chat_id)
    recognition_alerts: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    statement_alerts: dict[int, list[int]] = defaultdict(list)
    for alert_id, kind, stmt, actor, target in conn.execute(
        "SELECT a.id, a.kind, a.statement_id, e.actor, e.target FROM alerts a "
        "LEFT JOIN events e ON e.id = a.event_id"
    ):
        if kind == "statement":
            statement_alerts[stmt].append(alert_id)
        else:
            recognition_alerts[stmt].append((alert_id, actor, target))
    return recipients, recognition_alerts, statement_alerts
