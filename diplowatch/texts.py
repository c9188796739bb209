"""Every user-visible string, and the renderers for CLI and chat answers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from . import names
from .models import Event, Source, SourceState, Statement

if TYPE_CHECKING:
    from .sources.check import SourceCheck
from .render import escape, link
from .source_health import health_of, summarize
from .wording import count, day, moment, plural

CLI_DESCRIPTION = (
    "diplowatch watches official statements and alerts subscribers when a state recognizes "
    "(or stops recognizing) a breakaway or partially recognized entity."
)


def ago(when: datetime | None, *, now: datetime) -> str:
    if when is None:
        return "never"
    seconds = int((now - when).total_seconds())
    if seconds < 0:
        return "in under a minute" if seconds > -60 else "in " + ago(now, now=when).removesuffix(" ago")
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return "just now"


def uptime(since: datetime, *, now: datetime) -> str:
    """'just started', 'for 5 minutes', 'for 3 hours', 'for 2 days'."""
    seconds = max(0, int((now - since).total_seconds()))
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            return "for " + count(seconds // size, unit)
    return "just started"


def source_health(state: SourceState, *, now: datetime) -> str:
    health = health_of(state)
    if health == "paused":
        return "paused"
    if health == "failing":
        since = (f" — since {_stamp(state.failing_since)} ({ago(state.failing_since, now=now)})"
                 if state.failing_since else "")
        return f"failing ×{state.error_count}: {state.last_error}{since}"
    if health == "new":
        return "not polled yet"
    return f"ok; note: {state.notice}" if state.notice else "ok"


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

DEMO_PUBLISHED = ("\n… the demo channel posts a new (invented) recognition of the DPR, and the demo "
                  "agency repeats the old news that North Korea recognized it in 2022.")
DEMO_DELIVERED = ("  ({n} message(s): the new recognition alerts once; the 2022 repeat is kept as "
                  "evidence and does not alert.)")
CONSOLE_BANNER = ("diplowatch console chat — no Telegram token is set, so you are the only user "
                  "(and an admin). Type /help for the commands, /recognized kosovo to start; "
                  "alerts appear here. Ctrl-D quits.")
DEMO_CHAT = ("\n== Your turn: a console chat on the demo database. Try /help, /recognized kosovo, "
             "/search визнала, /latest 5. Ctrl-D quits.")


# ---- chat: shared -------------------------------------------------------------------------

def callback_data(*parts: str) -> str:
    """Button data; Telegram allows 64 bytes, so the last part is cut on a character boundary."""
    data = ":".join(parts)
    raw = data.encode("utf-8")[:64]
    return raw.decode("utf-8", errors="ignore")


def date_str(when: datetime | None) -> str:
    return day(when) or "date unknown"


INTERNAL_ERROR = "Something went wrong on our side; it has been logged. Please try again later."
STORAGE_FULL = ("The bot's disk is full, so nothing could be saved and nothing was changed. "
                "Please try again later.")
STORAGE_READONLY = ("The bot's database is read-only just now, so nothing could be saved and "
                    "nothing was changed. Please try again later.")
TOO_LONG = "That is too long (limit {limit} characters). Shorten it and try again."
STALE_BUTTON = "That button is no longer valid. Send the command again."
UNKNOWN_COMMAND = "Unknown command /{command}. Type /help for the list."
ADMIN_ONLY = "This command is for administrators, in a private chat with the bot."
SLOW_DOWN = "One command per second, please."
PREV, NEXT = "‹ Newer", "Older ›"


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


START = (
    "<b>diplowatch</b> watches official statements and tells you when a state recognizes "
    "(or stops recognizing) a breakaway or partially recognized entity.\n\n"
    "Try:\n"
    "/subscribe dpr — alerts about the Donetsk People's Republic\n"
    "/subscribe state north korea — what North Korea recognizes\n"
    "/recognized kosovo — who recognizes Kosovo now\n"
    "/search referendum — search the archive of statements\n\n"
    "/help lists every command."
)


def command_help(cmd) -> str:
    return f"{escape(cmd.usage)} — {escape(cmd.summary)}" + (
        f"\n\n{escape(cmd.details)}" if cmd.details else "")


GROUP_ADMINS_ONLY = ("In a group, only its administrators can change what it follows. Ask one "
                     "of them, or subscribe in a private chat with the bot.")
ADMIN_CHECK_FAILED = ("Telegram did not say whether you administer this group, so nothing was "
                      "changed. Please try again in a moment.")
BUSY = "The bot is busy answering many requests right now. Please try again in a moment."
HELP_UNKNOWN = "No command /{name}. /help lists them all."


def help_text(commands: Iterable, *, admin: bool) -> str:
    lines = ["<b>Commands</b>"]
    for cmd in commands:
        if cmd.admin and not admin:
            continue
        lines.append(f"{escape(cmd.usage)} — {escape(cmd.summary)}")
    if not admin:
        lines.append("\nAdministrators have more commands, in a private chat.")
    return "\n".join(lines)


# ---- chat: sources and status ------------------------------------------------------------

def sources_html(rows: list[tuple[Source, SourceState]], *, now: datetime) -> str:
    if not rows:
        return "No sources are monitored yet."
    lines = ["<b>Sources</b>"]
    for source, state in rows:
        health = source_health(state, now=now)
        mark = "✅" if health == "ok" else ("⏸" if state.paused else "⚠️")
        lines.append(f"{mark} <b>{escape(source.name)}</b> ({source.kind}, every "
                     f"{source.interval // 60}m) — last ok {ago(state.last_ok_at, now=now)}"
                     + ("" if health == "ok" else f" — {escape(health)}"))
    return "\n".join(lines)


def status(*, statements: int, sources: list, queue: int, now: datetime,
           started_at: datetime | None) -> str:
    health = summarize(sources)
    lines = [
        "<b>Status</b>",
        f"Statements archived: {statements}",
        f"Sources: {health.total} ({health.failing} failing, {health.paused} paused)",
        f"Last poll: {ago(health.last_poll_at, now=now)}",
        f"Alerts waiting to be sent: {queue}",
    ]
    if started_at:
        lines.append(f"Running since {moment(started_at)} ({uptime(started_at, now=now)})")
    return "\n".join(lines)


def unknown_source(name: str, known: list[str]) -> str:
    hint = ", ".join(known[:20]) or "none yet"
    return f"No source named \"{name}\". Known sources: {hint}."


# ---- chat: archive --------------------------------------------------------------------------

SEARCH_USAGE = ("Type words to search for, e.g. /search recognition Abkhazia, /search Kosovo OR "
                "Abkhazia, /search \"de facto\" -Serbia (word* for a prefix; /help search).")


def search_help(*, terms: int, prefixes: int, min_prefix: int, budget: float) -> str:
    return ("Every word must occur. \"recognition of Kosovo\" in quotes: that phrase; "
            "Kosovo OR Abkhazia: either word; -Serbia: leave out statements with that word; "
            "recogni*: words that begin so. OR joins the two words beside it, so /search "
            "recognition Kosovo OR Abkhazia finds recognition with either. Brackets, NEAR and "
            "NOT are refused with the way to say it. "
            f"Limits, so that one search cannot hold up the others: at most {terms} words (each "
            f"part of a hyphenated word or a phrase counts), at most {prefixes} word ending in *, "
            f"at least {min_prefix} letters before a *, and {budget:g} s of work; a search past "
            "them is refused with the reason.")


def search_results_html(words: str, hits, *, page: int) -> str:
    if not hits:
        return ("No statements match." if page == 0 else "No more results.") + \
            " Try fewer or other words, or a prefix like recogni*."
    lines = [f"<b>Search</b>: {escape(words)} (page {page + 1})"]
    for hit in hits:
        lines.append(f"\n{date_str(hit.date)} · <i>{escape(hit.source)}</i>\n"
                     f"{escape(hit.snippet)}\n{link(hit.url, 'open') if hit.url else ''}")
    return "\n".join(lines).rstrip()


def statements_html(statements, *, source: str | None) -> str:
    if not statements:
        return "No statements archived yet."
    head = f"<b>Latest statements</b>{' from ' + escape(source) if source else ''}"
    lines = [head]
    for s in statements:
        when = date_str(s.published_at or s.fetched_at)
        lines.append(f"\n{when} · <i>{escape(s.source)}</i>\n"
                     f"{escape(one_line(s.title or s.text, width=200))} {link(s.url, '↗')}")
    return "\n".join(lines)


# ---- chat: subscriptions -------------------------------------------------------------------

SUBSCRIBE_CHOOSE = ("What do you want to follow? Pick one, or type e.g. /subscribe state north "
                    "korea, /subscribe source pushilin, /subscribe keyword referendum.")
KEYWORD_LENGTH = "A keyword must be {min} to {max} characters long."
SUBSCRIBE_STATE_USAGE = "Which state? e.g. /subscribe state north korea"
SUBSCRIBE_SOURCE_USAGE = "Which source? e.g. /subscribe source pushilin (see /sources)"
SUBSCRIBE_KEYWORD_USAGE = "Which word? e.g. /subscribe keyword referendum"


# Raised as UserError (escaped by dispatch): plain text.
def not_subscribed(kind: str, value: str) -> str:
    return f"This chat does not follow {describe_subscription(kind, value)}. See /subscriptions."


def no_subscription_number(number: int, count: int) -> str:
    if not count:
        return f"There is no subscription {number}: this chat follows nothing yet. Try /subscribe."
    return f"There is no subscription {number}: /subscriptions numbers them 1 to {count}."


def state_not_entity(code: str, typed: str) -> str:
    name = names.display(code, actor=True)
    return (f"{name} is a state, not a partially recognized entity. To follow what it "
            f"recognizes: /subscribe state {typed.strip()[:40].lower()}")


def unsubscribed(kind: str, value: str) -> str:
    return f"Unsubscribed from {escape(describe_subscription(kind, value))}."


def already_subscribed(kind: str, value: str) -> str:
    return (f"This chat already follows {escape(describe_subscription(kind, value))}. "
            "See /subscriptions.")


def subscribe_keyboard(entities: Iterable[str]) -> list[list[tuple[str, str]]]:
    buttons = [(names.display(code), callback_data("sub", "entity", code)) for code in entities]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    return rows + [[("All recognitions", "sub:all:*")]]


def describe_subscription(kind: str, value: str) -> str:
    if kind == "entity":
        return f"recognitions of {names.display(value)}"
    if kind == "state":
        return f"recognitions by {names.display(value, actor=True)}"
    if kind == "all":
        return "all recognitions"
    if kind == "source":
        return f"every statement of source {value}"
    return f'statements mentioning "{value}"'


def subscribed(kind: str, value: str) -> str:
    return (f"Subscribed: {escape(describe_subscription(kind, value))}. "
            "See /subscriptions to manage.")


def subscriptions_list(subs) -> str:
    if not subs:
        return "This chat follows nothing yet. Try /subscribe."
    lines = ["<b>This chat follows</b>"]
    lines += [f"{n}. {escape(describe_subscription(s.kind, s.value))}"
              for n, s in enumerate(subs, start=1)]
    lines.append("\nTap to remove, or /unsubscribe &lt;number&gt;.")
    return "\n".join(lines)


def unsubscribe_keyboard(subs) -> list[list[tuple[str, str]]]:
    return [[(f"✖ {n}. {one_line(describe_subscription(s.kind, s.value), width=40)}",
              f"unsub:{s.id}")] for n, s in enumerate(subs, start=1)]


# ---- chat: admin ---------------------------------------------------------------------------

# Raised as UserError, whose text dispatch escapes: plain text here.
ADDSOURCE_USAGE = "Usage: /addsource <name> <rss|telegram|html> <url> [interval, e.g. 5m]"
REMOVESOURCE_USAGE = "Usage: /removesource <name>"
PAUSESOURCE_USAGE = "Usage: /pausesource <name> — or /pausesource <name> off to resume"
SOURCE_REMOVED = "Source removed. Its statements stay in the archive."
SOURCE_PAUSED = "Source paused. Resume with /pausesource &lt;name&gt; off."
SOURCE_RESUMED = "Source resumed."


def source_added(source: Source) -> str:
    return (f"Added source <b>{escape(source.name)}</b> ({source.kind}) "
            f"{escape(source.url)}; first poll within a minute.")


CHAT_COUNTS = {"active": "Chats the bot can write to", "inactive": "Chats that blocked or removed it",
               "subscribed": "Chats with subscriptions"}
OUTBOX_COUNTS = {"pending": "Alerts waiting to be sent", "sent": "Alerts sent",
                 "possibly_delivered": "Alerts possibly delivered (Telegram did not answer in time; "
                                       "not resent)",
                 "dropped": "Alerts dropped (the chat is gone)",
                 "failed": "Alerts that failed after every retry"}


def stats(chat_counts: dict, outbox_counts: dict, statements: int) -> str:
    lines = ["<b>Stats</b>", f"Statements: {statements}"]
    lines += [f"{CHAT_COUNTS.get(k, k)}: {v}" for k, v in chat_counts.items()]
    lines += [f"{escape(OUTBOX_COUNTS.get(k, k))}: {v}" for k, v in outbox_counts.items()]
    return "\n".join(lines)


# ---- alerts --------------------------------------------------------------------------------

QUOTE_CHARS, EXCERPT_CHARS, EARLIER_SHOWN = 500, 600, 5
STILL_RECOGNIZE = {"one": "{n} UN member state still recognizes it",
                   "other": "{n} UN member states still recognize it"}


fact_date = day  # '21 Feb 2022', 'Feb 2022', '2022' or '' by precision (wording.day)


def _earlier(earlier: list) -> str:
    shown = [f"{names.display(a, actor=True)}" + (f" ({fact_date(d, p)})" if fact_date(d, p) else "")
             for a, d, p in earlier[:EARLIER_SHOWN]]
    if len(earlier) > EARLIER_SHOWN:
        return ", ".join(shown) + f" and {len(earlier) - EARLIER_SHOWN} others"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _the(target: str) -> str:
    return "" if target.startswith(("Kosovo", "Abkhazia", "South Ossetia", "Somaliland",
                                    "Northern Cyprus", "Transnistria", "Artsakh", "Taiwan")) else "the "


def act_line(actor: str, act: str, target: str) -> str:
    """'North Korea recognizes the Donetsk People's Republic' (plain text)."""
    shown = names.display(target)
    return f"{names.display(actor, actor=True)} {ACT_VERBS.get(act, act)} {_the(shown)}{shown}"


def recognition_headline(change) -> str:
    actor = names.display(change.actor, actor=True)
    target = names.display(change.target)
    the = _the(target)
    if change.act == "withdraw":
        head = f"{actor} withdraws its recognition of {the}{target}"
        tail = (" — " + plural(change.remaining, STILL_RECOGNIZE)
                if change.remaining is not None else "")
        return f"🔴 <b>{escape(head)}</b>{escape(tail)}"
    if change.act == "reject":
        return f"⚪ <b>{escape(f'{actor} does not recognize {the}{target}')}</b>"
    head = f"{actor} recognizes {the}{target}"
    if change.again_after:
        when = fact_date(*change.again_after)
        head += " again, after withdrawing" + (f" in {when}" if when else " its recognition")
    tail = ""
    if change.ordinal:
        nth = "first" if change.ordinal == 1 else names.ordinal_en(change.ordinal)
        tail = f" — the {nth} UN member state to do so"
        if change.earlier and not change.again_after:
            tail += f", after {_earlier(change.earlier)}"
    return f"🟢 <b>{escape(head)}</b>{escape(tail)}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _government(code: str) -> str:
    shown = names.display(code, actor=True)
    return f"the government of {_the(shown) if code in names.ENTITIES else ''}{shown}"


def provenance_clause(change, titles: Mapping[str, str]) -> str:
    """Who said it, in one clause: 'announced by the government of X (its source)',
    'reported by TASS; not yet confirmed by X'. Empty for acts without a provenance."""
    if not change.provenance:
        return ""
    who = [titles.get(name) or name for name in change.reporters] or ["an unnamed source"]
    actor = names.display(change.actor, actor=True)
    if change.provenance == "official-self":
        return f"announced by {_government(change.actor)} ({who[0]})"
    if change.unconfirmed:
        return f"reported by {_and(who)} only; not confirmed by {actor} or a second source"
    by = (f"{_government(change.reporter_state)} ({who[0]})"
          if change.provenance == "official-other" and change.reporter_state else _and(who))
    return f"reported by {by}; not yet confirmed by {actor}"


def recognition_alert(change, statement, titles: Mapping[str, str] | None = None) -> str:
    """The alert for a ledger change, HTML: headline, who said it, quote, source link."""
    headline = recognition_headline(change)
    if change.unconfirmed:
        headline = "⚠️ <b>Unconfirmed</b>\n" + headline
    clause = provenance_clause(change, titles or {})
    if clause:
        headline += f"\n<i>{escape(clause[0].upper() + clause[1:])}.</i>"
    quote = one_line(change.evidence or statement.title or statement.text, width=QUOTE_CHARS)
    when = moment(statement.published_at or statement.fetched_at)
    return (f"{headline}\n\n<blockquote>{escape(quote)}</blockquote>\n"
            f"{link(statement.url, statement.source)} · {when}")


def confirmation_line(change, statement, titles: Mapping[str, str] | None = None) -> str:
    """The one-line follow-up when the acting state's own source confirms an act (sent as a
    reply to the first alert): 'Confirmed by the government of X (source): X recognizes Y'."""
    title = (titles or {}).get(change.source or "") or change.source or "its official source"
    what = act_line(change.actor, change.act, change.target)
    source = f" · {link(statement.url, 'source')}" if statement.url else ""
    return f"✅ {escape(f'Confirmed by {_government(change.actor)} ({title}): {what}.')}{source}"


RETRACTION_REASONS = {
    "reprocess": "the statement, read again, does not say so",
    "admin": "an administrator found the report wrong",
}
FALLBACK_STATUS = {"unknown": "has no recorded position on it", "recognizes": "recognizes it",
                   "withdrew": "has withdrawn its recognition", "rejects": "does not recognize it"}


def correction(retraction, *, reason: str) -> str:
    """The short correction sent as a reply to an alert whose act was retracted."""
    what = act_line(retraction.actor, retraction.act, retraction.target)
    why = RETRACTION_REASONS.get(reason, reason)
    now = f"{names.display(retraction.actor, actor=True)} {FALLBACK_STATUS[retraction.status]}"
    return f"❌ <b>Correction</b>: {escape(f'our alert that {what} was wrong: {why}. The ledger is back to: {now}.')}"


def admin_retraction_reason(reason: str) -> str:
    """Why an administrator's retraction corrects an alert (their reason in brackets)."""
    why = RETRACTION_REASONS["admin"]
    return f"{why} ({one_line(reason, width=200)})" if reason.strip() else why


def denial_reason(actor: str, source_title: str) -> str:
    return f"{_government(actor)} denied it ({source_title})"


# ---- chat: the review queue (admins) ------------------------------------------------------

REVIEW_USAGE = ("Usage: /review (the next held report), /review N act <recognize|withdraw|reject>, "
                "/review N actor <state>.")
RETRACT_USAGE = "Usage: /retract EVENT_ID [reason], e.g. /retract 812 the ministry denied it"
REVIEW_EMPTY = "No report waits for review."
REVIEW_ADMINS_ONLY = "Review buttons are for administrators, in a private chat with the bot."
REVIEW_GONE = "Report #{id} does not exist (any more). Send /review for the current queue."
REVIEW_DECIDED = "Report #{id} was already decided ({decision}). Send /review for the next one."
REVIEW_CHANGED = ("Report #{id} changed since this card was shown (released, retracted or "
                  "edited). Send /review for the current queue.")
REVIEW_BAD_VALUE = "\"{value}\" is not a different act or actor for this report."
RETRACT_ALREADY = "Event #{id} is already retracted."
RETRACT_NOT_EXTRACTED = ("Event #{id} comes from the recorded history, not from a monitored "
                         "statement: correct it with `diplowatch ledger import`.")
REVIEW_BUTTONS = (("✅ Confirm", "c"), ("🚫 Not a recognition", "n"), ("✏️ Wrong act", "a"),
                  ("👤 Wrong actor", "w"))
REVIEW_SKIP, REVIEW_BACK = "Next ›", "‹ Back"
REVIEW_ASK_ACT = "Which act does the statement report?"
REVIEW_ASK_ACTOR = "Which state acts? Pick one, or send /review {id} actor <state>."
DECIDED = {"confirm": "✅ Confirmed #{id}", "not-recognition": "🚫 #{id}: not a recognition",
           "wrong-act": "✏️ #{id} corrected to: {right}", "wrong-actor": "👤 #{id} corrected to: {right}",
           "retract": "❌ Retracted #{id}"}


def review_notice(change, titles: Mapping[str, str]) -> str:
    """To the admins when a report is held: what waits, and the command to decide on it."""
    what = act_line(change.actor, change.act, change.target)
    who = titles.get(change.source or "") or change.source or "an unnamed source"
    return f"🔎 {escape(f'Held for review: {what} (reported by {who}, confidence {change.confidence:.2f}).')} /review"


def review_card(card) -> str:
    """One held report for an admin: what was extracted, how sure, who reported it, the quote."""
    e = card.event
    actor, target = names.display(e["actor"], actor=True), names.display(e["target"])
    held = moment(datetime.fromisoformat(e["created_at"])) if e["created_at"] else "?"
    source = link(e["source_url"], card.source_title or "source") if e["source_url"] else escape(card.source_title)
    return (f"🔎 <b>Review {card.position} of {card.waiting}</b> · report #{e['id']}\n"
            f"<b>{escape(actor)}</b> ({escape(e['actor'])}) · {escape(e['act'])} · "
            f"<b>{escape(target)}</b> ({escape(e['target'])})\n"
            f"Confidence {e['confidence']:.2f} · {escape(e['provenance'] or 'unknown')} · held since {held}\n"
            f"<blockquote>{escape(one_line(e['evidence'] or '', width=QUOTE_CHARS))}</blockquote>\n{source}")


def review_outcome(outcome) -> str:
    """The line that replaces a decided card (and answers /retract)."""
    e = outcome.event
    right = names.display(outcome.right, actor=True) if outcome.decision == "wrong-actor" and outcome.right else outcome.right
    head = DECIDED[outcome.decision].format(id=e["id"], right=right or "")
    what = act_line(e["actor"], e["act"], e["target"])
    plural = "s" if outcome.alerts != 1 else ""
    sent = {"retract": f"{outcome.alerts} correction{plural} queued", "not-recognition": "no alert"}.get(
        outcome.decision, f"alert queued for {outcome.alerts} chat{plural}")
    actor = outcome.right if outcome.decision == "wrong-actor" and outcome.right else e["actor"]
    now = f"{names.display(actor, actor=True)} {FALLBACK_STATUS[outcome.status]}"
    return escape(f"{head} ({what}); {sent}. Ledger: {now}.")


def statement_alert(statement) -> str:
    title = one_line(statement.title, width=200)
    body = one_line(statement.text, width=EXCERPT_CHARS)
    when = statement.published_at or statement.fetched_at
    parts = [f"📰 <i>{escape(statement.source)}</i>" + (f" · {moment(when)}" if when else "")]
    if title:
        parts.append(f"<b>{escape(title)}</b>")
    if body and body != title:
        parts.append(escape(body))
    parts.append(link(statement.url, "open") if statement.url else "")
    return "\n".join(p for p in parts if p)


# ---- chat: ledger answers ------------------------------------------------------------------

RECOGNIZED_USAGE = "Which entity? e.g. /recognized kosovo, /recognized dpr, /recognized Абхазия"
RECOGNIZES_USAGE = "Which state or entity? e.g. /recognizes russia, /recognizes КНДР, /recognizes abkhazia"
LATEST_USAGE = "Usage: /latest [n], with n from 1 to {max}."
TIMELINE_USAGE = "Which entity? e.g. /timeline kosovo"
MAP_USAGE = "Which entity? e.g. /map kosovo"
EXPORT_CAPTION = "The recognition ledger, in the columns that diplowatch ledger import reads."


ACT_VERBS = {"recognize": "recognizes", "withdraw": "withdraws recognition of",
             "reject": "does not recognize"}


def latest_events(events) -> str:
    if not events:
        return "No recognition events yet."
    lines = ["<b>Latest recognition events</b>"]
    for ev in events:
        when = fact_date(ev.effective_date, ev.date_precision) or date_str(ev.reported_at)
        what = (f"{names.display(ev.actor, actor=True)} {ACT_VERBS.get(ev.act, ev.act)} "
                f"{names.display(ev.target)}")
        src = f" · {link(ev.source_url, source_label(ev))}" if ev.source_url else ""
        lines.append(f"{when} — {escape(what)}{src}")
    return "\n".join(lines)


def chart_caption(kind: str, entity: str) -> str:
    name = escape(names.display(entity))
    if kind == "map":
        return f"Who recognizes {name}: UN member states by their last dated act."
    return f"Recognitions of {name} over time (UN member states)."


# ---- sources test (`diplowatch sources test`, /testsource) --------------------------------

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
    return ago(since, now=now).removesuffix(" ago")


def source_failing(name: str, *, since: datetime, failures: int, reason: str,
                   now: datetime) -> str:
    return (f"⚠️ <b>Source failing</b>: {escape(name)} has failed every poll since "
            f"{_stamp(since)} ({_span(since, now)}, {failures} attempt(s)).\n"
            f"Last reason: {escape(reason)}\n"
            f"See what it gives with /testsource {escape(name)}; all sources: /sources. "
            "You will be told once when it works again.")


def source_recovered(name: str, *, since: datetime, now: datetime) -> str:
    return (f"✅ <b>Source back</b>: {escape(name)} works again after failing since "
            f"{_stamp(since)} ({_span(since, now)}).")


def source_label(event) -> str:
    """What an event's source is called in a chat: the monitored source's name, or for the
    baseline 'diplowatch seed history' (its rows' links are their citations)."""
    if event.origin == "seed":
        return "diplowatch seed history"
    return (event.source if event.origin == "extracted" else "") or "source"


def reprocess_summary(totals) -> str:
    return (f"Reprocessed {count(totals.statements, 'statement')}: "
            f"{count(totals.added, 'new event')}, {totals.retracted} retracted, {totals.kept} "
            "unchanged. No alerts were sent"
            + (f"; {count(totals.corrections, 'correction')} queued." if totals.corrections else "."))


# ---- chat: language (i18n.py translates the messages listed in i18n.TRANSLATED) -------------

LANGUAGE_NOW = ("This chat gets its answers in {name}. Choose with /language en (English), "
                "/language ru (Русский) or /language uk (Українська).")
LANGUAGE_SET = "Done: this chat now gets its answers in {name}."
LANGUAGE_UNKNOWN = "No language \"{code}\" yet. Choose en, ru or uk, e.g. /language ru"
