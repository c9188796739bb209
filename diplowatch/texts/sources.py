"""Sources as people read them, in the terminal and in chat: the health line, the
`diplowatch sources list` table and /sources, poll outcomes, the source test report
(`diplowatch sources test`, /testsource) and the failing/recovered notices to the admins."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from .. import names
from ..models import Event, Source, SourceState, Statement
from ..source_health import health_of
from ..telegram_html import escape
from .i18n import _, ngettext
from .wording import ago, moment, span

if TYPE_CHECKING:
    from ..sources.check import SourceCheck


STORE_FAILED = "could not store statements: "
# A poll that failed on our side before anything was to be stored (a bug while fetching or
# parsing): its recorded reason, which must not blame the database.
POLL_CRASHED = "the poll failed: an internal error (details in the log); the poll is retried"
_STORE_FAULTS = {
    "full": "the database's disk is full; the poll is retried, nothing of it was stored",
    "read-only": "the database is read-only; the poll is retried, nothing of it was stored",
    "busy": "the database was locked by another program; the poll is retried",
    "database": "a database error (details in the log); the poll is retried",
    "internal": "an internal error (details in the log); the poll is retried",
}


def store_failure(fault: str | None, error: str = "") -> str:
    """Why a poll's statements were not stored, in words (never an exception's class name):
    ``fault`` is storage_fault's "full" or "read-only", "busy", "database" or "internal"; the
    ``error`` text decides for reasons recorded before they were worded so."""
    if fault is None:
        lowered = error.lower()
        fault = ("full" if "disk is full" in lowered else
                 "read-only" if "readonly" in lowered or "read-only" in lowered else
                 "busy" if "locked" in lowered or "busy" in lowered else
                 "database" if "error" in lowered else "internal")
    return STORE_FAILED + _STORE_FAULTS.get(fault, _STORE_FAULTS["internal"])


def _reason(text: str | None) -> str:
    """A recorded reason as people read it (older rows may hold 'OperationalError: …')."""
    if text and text.startswith(STORE_FAILED) and text[len(STORE_FAILED):] not in _STORE_FAULTS.values():
        return store_failure(None, text[len(STORE_FAILED):])
    return text or ""


def source_health(state: SourceState, *, now: datetime) -> str:
    health = health_of(state)
    if health == "paused":
        return _("paused")
    if health == "failing":
        since = (" — " + _("since {moment} ({ago})").format(
            moment=_stamp(state.failing_since), ago=ago(state.failing_since, now=now))
            if state.failing_since else "")
        return _("failing ×{n}: {reason}").format(n=state.error_count,
                                                   reason=_reason(state.last_error)) + since
    if health == "new":
        return _("not polled yet")
    return _("ok; note: {notice}").format(notice=state.notice) if state.notice else _("ok")


def sources_table(rows: list[tuple[Source, SourceState]], *, now: datetime) -> str:
    if not rows:
        return "No sources. Add one to sources.toml or with: diplowatch sources add NAME URL"
    cells = [(source, state, ago(state.last_ok_at, now=now), ago(state.next_poll_at, now=now))
             for source, state in rows]
    last_w = max([10] + [len(c[2]) for c in cells])  # 'in under a minute' is wider than 10
    next_w = max([10] + [len(c[3]) for c in cells])
    lines = [f"{'NAME':<20} {'KIND':<8} {'EVERY':>6}  {'LAST OK':<{last_w}} {'NEXT':<{next_w}} HEALTH"]
    for source, state, last_ok, next_poll in cells:
        lines.append(
            f"{source.name:<20} {source.kind:<8} {source.interval // 60:>5}m  "
            f"{last_ok:<{last_w}} {next_poll:<{next_w}} {source_health(state, now=now)}"
        )
    return "\n".join(lines)


def poll_outcome_line(outcome) -> str:
    return f"{outcome.source:<20} {poll_outcome_detail(outcome)}"


def poll_outcome_detail(outcome) -> str:
    return {
        "new": f"{outcome.new} new" + (f", {outcome.revised} edited" if outcome.revised else ""),
        "unchanged": "nothing new" + (f", {outcome.revised} edited" if outcome.revised else ""),
        "not_modified": "not modified (304)",
        "error": f"FAILED: {outcome.reason}",
        "skipped": f"skipped: {outcome.reason}",
    }[outcome.status]


def sources_html(rows: list[tuple[Source, SourceState]], *, now: datetime) -> str:
    if not rows:
        return _("No sources are monitored yet.")
    lines = [_("<b>Sources</b>")]
    for source, state in rows:
        healthy = health_of(state) == "ok" and not state.notice
        health = source_health(state, now=now)
        mark = "✅" if healthy else ("⏸" if state.paused else "⚠️")
        lines.append(f"{mark} <b>{escape(source.name)}</b> " + _(
            "({kind}, every {every}) — last ok {ago}").format(
                kind=source.kind, every=_("{n}m").format(n=source.interval // 60), ago=ago(state.last_ok_at, now=now))
            + ("" if healthy else f" — {escape(health)}"))
    return "\n".join(lines)


def unknown_source(name: str, known: list[str]) -> str:
    hint = ", ".join(known[:20]) or _("none yet")
    return _("No source named \"{name}\". Known sources: {known}.").format(name=name, known=hint)


# ---- source test (`diplowatch sources test`, /testsource) ---------------------------------

TESTSOURCE_USAGE = ("Usage: /testsource <name | url> [rss|telegram|html] [item=… link=… "
                    "title=… date=…] — e.g. /testsource https://mfa.example/press html "
                    "item=article link=a title=h3 date=time")


def source_check(check: SourceCheck, *, markup: bool = False) -> str:
    """The report of one source test; ``markup``: Telegram HTML, else plain text."""
    esc = escape if markup else str
    bold = (lambda s: f"<b>{s}</b>") if markup else str
    source = check.source
    lines = [f"{bold('Testing')} {esc(source.name)} ({source.kind}) {esc(source.url)}"]
    if check.url and check.url != source.url:
        lines.append(f"Redirected to: {esc(check.url)}")
    if check.format:
        lines.append(f"Found: {esc(check.format)}")
    if check.charset:
        lines.append(f"Charset: {esc(check.charset)}")
    if check.url:
        lines.append(f"Validators: {esc(_validators(check))}")
    for key, selector, matched in check.selectors:
        lines.append(f"Selector {key} {esc(repr(selector))}: "
                     f"{_matched(key, matched, check.items_read)}")
    if check.reason:
        lines.append(f"{bold('FAILED')}: {esc(check.reason)}")
        if check.fix:
            lines.append(f"Fix: {esc(check.fix)}")
        return "\n".join(lines)
    shown = f" (the first {len(check.items)})" if check.found > len(check.items) else ""
    lines.append(f"{bold('Items a poll would store')}: {check.found}{shown}")
    for number, item in enumerate(check.items, 1):
        lines += [f"{number}. " + esc(_item_head(item.statement)),
                  *(["   " + esc(item.preview)] if item.preview else []),
                  "   " + esc(item.statement.url or "(no link: keyed by its content)"),
                  "   events: " + esc(_events_line(item.events))]
    if check.notice:
        lines.append(f"Note: {esc(check.notice)}")
    lines.append("Nothing was stored.")
    return "\n".join(lines)


def _validators(check: SourceCheck) -> str:
    found = [f"ETag {check.etag}" if check.etag else "",
             f"Last-Modified {check.last_modified}" if check.last_modified else ""]
    found = [v for v in found if v]
    return ", ".join(found) if found else "none (every poll downloads the whole document)"


def _matched(key: str, matched: int, items: int) -> str:
    if matched < 0:
        return "invalid CSS selector"
    if key == "item":
        return f"{matched} element(s)" + (f", the first {items} read" if matched > items else "")
    return f"in {matched} of {items} item(s)"


def _item_head(statement: Statement) -> str:
    published = statement.published_at
    when = published.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if published else "no date"
    return f"{when} — {statement.title or '(no title)'}"


def _events_line(events: list[Event]) -> str:
    if not events:
        return "none"
    return "; ".join(f"{names.display(e.actor, actor=True)} {e.act} "
                     f"{names.display(e.target)} ({e.confidence:.2f})" for e in events)


# ---- source health, to the admins (source_reports.py) -------------------------------------

def _stamp(when: datetime) -> str:
    return moment(when)  # the one date format of chat replies and alerts (wording.py)


def _span(since: datetime, now: datetime) -> str:
    return span(max(0, int((now - since).total_seconds())))


def source_failing(name: str, *, since: datetime, failures: int, reason: str,
                   now: datetime) -> str:
    """To the admins, in the language being written (the reason stays as the fetch gave it)."""
    attempts = ngettext("{n} attempt", "{n} attempts", failures).format(n=failures)
    return (_("⚠️ <b>Source failing</b>: {name} has failed every poll since {since} ({span}, "
              "{attempts}).").format(name=escape(name), since=_stamp(since), span=_span(since, now),
                                     attempts=attempts) + "\n"
            + _("Last reason: {reason}").format(reason=escape(reason)) + "\n"
            + _("See what it gives with /testsource {name}; all sources: /sources. You will be "
                "told once when it works again.").format(name=escape(name)))


def source_recovered(name: str, *, since: datetime, now: datetime) -> str:
    return _("✅ <b>Source back</b>: {name} works again after failing since {since} ({span}).").format(
        name=escape(name), since=_stamp(since), span=_span(since, now))
