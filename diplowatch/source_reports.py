"""Source failures reported to the admins: a source failing for
``DIPLOWATCH_SOURCE_ALERT_AFTER`` (24 h) is reported once, and its recovery once (its health
itself is decided in source_health.py).

A report is an alert with outbox rows for each admin's private chat, written in the same
transaction as the poll's outcome, with the source's ``failure_reported_at``: like alerts it is
delivered at least once, and neither another failed poll nor a restart repeats it. Recovery is
reported only for a failure that was reported.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime, timedelta

from . import texts
from .store import Database, chats, outbox
from .store import sources as source_store
from .texts.i18n import in_each_language


def after_failure(
    db: Database, name: str, *, now: datetime, admins: Collection[int], after: int
) -> int | None:
    """Call in the transaction that recorded a failure. The alert id when the source has now
    failed for ``after`` seconds and the admins were not told yet."""
    found = source_store.get_source(db, name)
    if found is None or not admins:
        return None
    state = found[1]
    since = state.failing_since
    if since is None or state.failure_reported_at or now - since < timedelta(seconds=after):
        return None
    alert = _to_admins(db, "source-failing", lambda: texts.source_failing(
        name, since=since, failures=state.error_count, reason=state.last_error or "", now=now),
        admins, now=now)
    source_store.set_failure_reported(db, name, at=now)
    return alert


def before_success(
    db: Database, name: str, *, now: datetime, admins: Collection[int]
) -> int | None:
    """Call in the transaction of a good poll, before it is recorded (which forgets since when
    the source failed). The alert id when a reported failure has ended."""
    found = source_store.get_source(db, name)
    if found is None or found[1].failure_reported_at is None:
        return None
    source_store.set_failure_reported(db, name, at=None)
    if not admins:
        return None
    since = found[1].failing_since or found[1].failure_reported_at
    return _to_admins(db, "source-recovered",
                      lambda: texts.source_recovered(name, since=since, now=now), admins, now=now)


def _to_admins(db: Database, kind: str, render: Callable[[], str], admins: Collection[int], *,
               now: datetime) -> int:
    """One report, rendered in each language (each admin reads their chat's)."""
    for admin in admins:
        chats.ensure_chat(db, admin, type="private", now=now)
    text, translations = in_each_language(render)
    alert = outbox.create_alert(db, kind=kind, text=text, translations=translations, now=now)
    outbox.enqueue(db, alert, admins, now=now)
    return alert
