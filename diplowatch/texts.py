"""Every user-visible string, and the renderers for CLI and chat answers."""

from __future__ import annotations

from datetime import datetime

from .models import Source, SourceState

CLI_DESCRIPTION = (
    "diplowatch watches official statements and alerts subscribers when a state recognizes "
    "(or stops recognizing) a breakaway or partially recognized entity."
)


def ago(when: datetime | None, *, now: datetime) -> str:
    if when is None:
        return "never"
    seconds = int((now - when).total_seconds())
    if seconds < 0:
        return "in " + ago(now, now=when).removesuffix(" ago")
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return f"{seconds}s ago"


def source_health(state: SourceState, *, now: datetime) -> str:
    if state.paused:
        return "paused"
    if state.error_count:
        return f"failing ×{state.error_count}: {state.last_error}"
    if state.last_ok_at is None:
        return "not polled yet"
    return "ok"


def sources_table(rows: list[tuple[Source, SourceState]], *, now: datetime) -> str:
    if not rows:
        return "No sources. Add one to sources.toml or with: diplowatch sources add NAME URL"
    lines = [f"{'NAME':<20} {'KIND':<8} {'EVERY':>6}  {'LAST OK':<10} {'NEXT':<10} HEALTH"]
    for source, state in rows:
        lines.append(
            f"{source.name:<20} {source.kind:<8} {source.interval // 60:>5}m  "
            f"{ago(state.last_ok_at, now=now):<10} {ago(state.next_poll_at, now=now):<10} "
            f"{source_health(state, now=now)}"
        )
    return "\n".join(lines)


def poll_outcome_line(outcome) -> str:
    detail = {
        "new": f"{outcome.new} new" + (f", {outcome.revised} edited" if outcome.revised else ""),
        "unchanged": "nothing new" + (f", {outcome.revised} edited" if outcome.revised else ""),
        "not_modified": "not modified (304)",
        "error": f"FAILED: {outcome.reason}",
        "skipped": f"skipped: {outcome.reason}",
    }[outcome.status]
    return f"{outcome.source:<20} {detail}"


def search_results_plain(hits) -> str:
    if not hits:
        return "No statements match. Try fewer or other words, or a prefix like recogni*."
    lines = []
    for hit in hits:
        date = hit.date.strftime("%Y-%m-%d %H:%M") if hit.date else "????-??-??"
        lines.append(f"{date}  [{hit.source}] {hit.snippet}")
        if hit.url:
            lines.append(f"    {hit.url}")
    return "\n".join(lines)


def one_line(text: str, *, width: int = 90) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def indent(text: str, prefix: str = "  ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


DEMO_INTRO = """diplowatch demo — offline, nothing leaves this machine.
Serving {n} sample sources (Telegram channel page, RSS, Atom, HTML press page) at {base}
Database: {db}"""

DEMO_PUBLISHED = "\n… the demo channel publishes a new post (КНДР признала независимость ДНР)."
