"""What the terminal shows: plain search results, the demo's
narration and console banner, start-up errors, the status report's disk line, reprocess
totals. (Source tables and poll outcomes: sources.py.)"""

from __future__ import annotations

from .wording import count


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


def indent(text: str, prefix: str = "  ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


DEMO_INTRO = """diplowatch demo — offline, nothing leaves this machine.
Serving {n} sample sources (Telegram channel page, RSS, Atom, HTML press page) at {base}
Database: {db}"""

DEMO_PUBLISHED = ("\n… the demo channel posts a new (invented) recognition of the DPR, and the demo "
                  "agency repeats the old news that North Korea recognized it in 2022.")
DEMO_DELIVERED = ("  ({n} message(s): the new recognition alerts once; the 2022 repeat is kept as "
                  "evidence and does not alert.)")
CONSOLE_BANNER = ("diplowatch console chat — no Telegram token is set, so you are the only user "
                  "(and an admin). Type /help for the commands, /recognized kosovo to start; "
                  "alerts appear here. Ctrl-D quits.")
DEMO_CHAT = ("\n== Your turn: a console chat on the demo database. Try /help, /recognized kosovo, "
             "/search визнала, /latest 5. Ctrl-D quits.")


def database_error(path: str, fault: str | None, error: object) -> str:
    """The one line `diplowatch` prints when DIPLOWATCH_DB cannot be used; ``fault`` is
    store.storage_fault's verdict on ``error``."""
    if fault == "read-only":
        return (f"the database {path} cannot be written by this process ({error}). Make the "
                "file and its directory writable for the user running diplowatch (chmod u+w), "
                "or set DIPLOWATCH_DB to a writable file.")
    if fault == "full":
        return (f"the disk holding the database {path} is full ({error}). Free some space and "
                "run the command again; nothing already stored was lost.")
    return (f"DIPLOWATCH_DB={path!r}: cannot open the database ({error}). Point it at a "
            "writable SQLite file in a writable directory.")


def api_unreachable(url: str, reason: str, tries: int, seconds: float) -> str:
    return (f"cannot reach the Bot API at {url} ({reason}); tried {tries} times over "
            f"{seconds:.0f}s. Check the network (and DIPLOWATCH_TELEGRAM_API_URL, if set), "
            "then start diplowatch again; alerts stay queued meanwhile.")


def disk_full_status(path: str, free: int | None) -> str:
    room = "no room" if not free else f"{free // 1024} KiB"
    return (f"DISK FULL   {room} left beside {path}: nothing new can be stored (polls fail, "
            "alerts wait). Free some space; nothing already stored was lost.")


def reprocess_summary(totals) -> str:
    return (f"Reprocessed {count(totals.statements, 'statement')}: "
            f"{count(totals.added, 'new event')}, {totals.retracted} retracted, {totals.kept} "
            "unchanged. No alerts were sent"
            + (f"; {count(totals.corrections, 'correction')} queued." if totals.corrections else "."))
