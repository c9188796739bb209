"""Replies to chat commands: errors, /start and /help, /status, search, subscriptions,
the ledger commands' usage lines and /latest, /language. Plain constants are raised as
UserError (escaped by dispatch); functions return Telegram HTML unless they say otherwise."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from .. import names
from ..source_health import summarize
from ..telegram_html import escape, link
from .alerts import ACT_VERBS
from .wording import ago, day, fact_date, moment, one_line, uptime


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


# channels, subscribed from a private chat (handlers/subscriptions.py)
CHANNEL_PRIVATE_ONLY = ("Manage a channel's subscriptions from your private chat with me, e.g. "
                        "/subscribe @yourchannel dpr")
CHANNEL_USAGE = "Say what {channel} should follow, e.g. /subscribe {channel} dpr"
CHANNEL_NOT_FOUND = ("I cannot find the channel {channel}. Add me to it as an administrator, "
                     "then try again.")
CHANNEL_NOT_ADMIN = "Only an administrator of {channel} can change what it follows."
CHANNEL_CANNOT_POST = ("I am not allowed to post in {channel}. Make me an administrator with the "
                       "right to post messages, then try again.")
CHANNEL_REMOVE_HINT = "Remove one with /unsubscribe {channel} &lt;number&gt;."
SUBSCRIBE_DETAILS = ("In a forum topic, subscriptions and their alerts belong to that topic. "
                     "From your private chat, /subscribe @yourchannel dpr makes a channel you "
                     "administer follow it (I must be an administrator there that may post); "
                     "/subscriptions @yourchannel and /unsubscribe @yourchannel 1 work the same way.")
INLINE_NO_MATCH = "No entity by that name: tap for examples"  # inline mode's button
TOPIC_STOPPED = "(paused: this topic was closed or deleted; /subscribe here to resume)"


def subscriptions_list(subs, *, channel: str | None = None) -> str:
    """``channel``: the @name of the channel listed (from a private chat), else this chat's."""
    if not subs:
        return "This chat follows nothing yet. Try /subscribe." if channel is None \
            else escape(CHANNEL_USAGE.format(channel=channel))
    lines = ["<b>This chat follows</b>"]
    lines += [f"{n}. {escape(describe_subscription(s.kind, s.value))}"
              + (f" {TOPIC_STOPPED}" if s.inactive_reason else "")
              for n, s in enumerate(subs, start=1)]
    lines.append("\nTap to remove, or /unsubscribe &lt;number&gt;." if channel is None
                 else "\n" + CHANNEL_REMOVE_HINT.format(channel=escape(channel)))
    if channel is not None:
        lines[0] = f"<b>{escape(channel)}</b>"
    return "\n".join(lines)


def unsubscribe_keyboard(subs) -> list[list[tuple[str, str]]]:
    return [[(f"✖ {n}. {one_line(describe_subscription(s.kind, s.value), width=40)}",
              f"unsub:{s.id}")] for n, s in enumerate(subs, start=1)]


# ---- chat: ledger answers (the answers themselves: recognitions.py) -----------------------

RECOGNIZED_USAGE = "Which entity? e.g. /recognized kosovo, /recognized dpr, /recognized Абхазия"
RECOGNIZES_USAGE = "Which state or entity? e.g. /recognizes russia, /recognizes КНДР, /recognizes abkhazia"
LATEST_USAGE = "Usage: /latest [n], with n from 1 to {max}."
TIMELINE_USAGE = "Which entity? e.g. /timeline kosovo"
MAP_USAGE = "Which entity? e.g. /map kosovo"
EXPORT_CAPTION = "The recognition ledger, in the columns that diplowatch ledger import reads."


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


def source_label(event) -> str:
    """What an event's source is called in a chat: the monitored source's name, or for the
    baseline 'diplowatch seed history' (its rows' links are their citations)."""
    if event.origin == "seed":
        return "diplowatch seed history"
    return (event.source if event.origin == "extracted" else "") or "source"


# ---- chat: language (i18n.py translates the messages listed in i18n.TRANSLATED) -------------

LANGUAGE_NOW = ("This chat gets its answers in {name}. Choose with /language en (English), "
                "/language ru (Русский) or /language uk (Українська).")
LANGUAGE_SET = "Done: this chat now gets its answers in {name}."
LANGUAGE_UNKNOWN = "No language \"{code}\" yet. Choose en, ru or uk, e.g. /language ru"
