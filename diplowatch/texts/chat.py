"""Replies to chat commands: errors, /start and /help, /status, search, subscriptions,
the ledger commands' usage lines and /latest, /language. Plain constants are raised as
UserError (escaped by dispatch); functions return Telegram HTML unless they say otherwise.

Every message is in the language being answered (i18n.py): constants are marked N_ and
translated by dispatch, functions translate their templates with _ and ngettext."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ..source_health import summarize
from ..telegram_html import escape, link
from .alerts import act_line
from .i18n import N_, _, gettext, pgettext
from .wording import ago, day, fact_date, moment, name, one_line, uptime


def callback_data(*parts: str) -> str:
    """Button data; Telegram allows 64 bytes, so the last part is cut on a character boundary."""
    data = ":".join(parts)
    raw = data.encode("utf-8")[:64]
    return raw.decode("utf-8", errors="ignore")


def date_str(when: datetime | None) -> str:
    return day(when) or _("date unknown")


INTERNAL_ERROR = N_("Something went wrong on our side; it has been logged. Please try again later.")
STORAGE_FULL = N_("The bot's disk is full, so nothing could be saved and nothing was changed. "
                  "Please try again later.")
STORAGE_READONLY = N_("The bot's database is read-only just now, so nothing could be saved and "
                      "nothing was changed. Please try again later.")
TOO_LONG = N_("That is too long (limit {limit} characters). Shorten it and try again.")
STALE_BUTTON = N_("That button is no longer valid. Send the command again.")
UNKNOWN_COMMAND = N_("Unknown command /{command}. Type /help for the list.")
ADMIN_ONLY = N_("This command is for administrators, in a private chat with the bot.")
SLOW_DOWN = N_("One command per second, please.")
PREV, NEXT = N_("‹ Newer"), N_("Older ›")


START = N_(
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
    details = cmd.details() if callable(cmd.details) else gettext(cmd.details)
    return f"{escape(gettext(cmd.usage))} — {escape(gettext(cmd.summary))}" + (
        f"\n\n{escape(details)}" if details else "")


GROUP_ADMINS_ONLY = N_("In a group, only its administrators can change what it follows. Ask one "
                       "of them, or subscribe in a private chat with the bot.")
ADMIN_CHECK_FAILED = N_("Telegram did not say whether you administer this group, so nothing was "
                        "changed. Please try again in a moment.")
BUSY = N_("The bot is busy answering many requests right now. Please try again in a moment.")
HELP_UNKNOWN = N_("No command /{name}. /help lists them all.")


def help_text(commands: Iterable, *, admin: bool) -> str:
    lines = [_("<b>Commands</b>")]
    for cmd in commands:
        if cmd.admin and not admin:
            continue
        lines.append(f"{escape(gettext(cmd.usage))} — {escape(gettext(cmd.summary))}")
    if not admin:
        lines.append("\n" + _("Administrators have more commands, in a private chat."))
    return "\n".join(lines)


def status(*, statements: int, sources: list, queue: int, now: datetime,
           started_at: datetime | None) -> str:
    health = summarize(sources)
    lines = [
        _("<b>Status</b>"),
        _("Statements archived: {n}").format(n=statements),
        _("Sources: {total} ({failing} failing, {paused} paused)").format(
            total=health.total, failing=health.failing, paused=health.paused),
        _("Last poll: {when}").format(when=ago(health.last_poll_at, now=now)),
        _("Alerts waiting to be sent: {n}").format(n=queue),
    ]
    if started_at:
        lines.append(_("Running since {moment} ({uptime})").format(
            moment=moment(started_at), uptime=uptime(started_at, now=now)))
    return "\n".join(lines)


# ---- chat: archive --------------------------------------------------------------------------

SEARCH_USAGE = N_("Type words to search for, e.g. /search recognition Abkhazia, /search Kosovo OR "
                  "Abkhazia, /search \"de facto\" -Serbia (word* for a prefix; /help search).")


def search_help(*, terms: int, prefixes: int, min_prefix: int, budget: float) -> str:
    return _("Every word must occur. \"recognition of Kosovo\" in quotes: that phrase; "
             "Kosovo OR Abkhazia: either word; -Serbia: leave out statements with that word; "
             "recogni*: words that begin so. OR joins the two words beside it, so /search "
             "recognition Kosovo OR Abkhazia finds recognition with either. Brackets, NEAR and "
             "NOT are refused with the way to say it. "
             "Limits, so that one search cannot hold up the others: at most {terms} words (each "
             "part of a hyphenated word or a phrase counts), at most {prefixes} word ending in *, "
             "at least {min_prefix} letters before a *, and {budget} s of work; a search past "
             "them is refused with the reason.").format(
        terms=terms, prefixes=prefixes, min_prefix=min_prefix, budget=f"{budget:g}")


def search_results_html(words: str, hits, *, page: int) -> str:
    if not hits:
        return (_("No statements match. Try fewer or other words, or a prefix like recogni*.")
                if page == 0 else
                _("No more results. Try fewer or other words, or a prefix like recogni*."))
    lines = [_("<b>Search</b>: {words} (page {page})").format(words=escape(words), page=page + 1)]
    for hit in hits:
        lines.append(f"\n{date_str(hit.date)} · <i>{escape(hit.source)}</i>\n"
                     f"{escape(hit.snippet)}\n{link(hit.url, _('open')) if hit.url else ''}")
    return "\n".join(lines).rstrip()


def statements_html(statements, *, source: str | None) -> str:
    if not statements:
        return _("No statements archived yet.")
    head = (_("<b>Latest statements</b> from {source}").format(source=escape(source)) if source
            else _("<b>Latest statements</b>"))
    lines = [head]
    for s in statements:
        when = date_str(s.published_at or s.fetched_at)
        lines.append(f"\n{when} · <i>{escape(s.source)}</i>\n"
                     f"{escape(one_line(s.title or s.text, width=200))} {link(s.url, '↗')}")
    return "\n".join(lines)


# ---- chat: subscriptions -------------------------------------------------------------------

SUBSCRIBE_CHOOSE = N_("What do you want to follow? Pick one, or type e.g. /subscribe state north "
                      "korea, /subscribe source pushilin, /subscribe keyword referendum.")
KEYWORD_LENGTH = N_("A keyword must be {min} to {max} characters long.")
SUBSCRIBE_STATE_USAGE = N_("Which state? e.g. /subscribe state north korea")
SUBSCRIBE_SOURCE_USAGE = N_("Which source? e.g. /subscribe source pushilin (see /sources)")
SUBSCRIBE_KEYWORD_USAGE = N_("Which word? e.g. /subscribe keyword referendum")


# Raised as UserError (escaped by dispatch): plain text.
def not_subscribed(kind: str, value: str) -> str:
    return _("This chat does not follow {what}. See /subscriptions.").format(
        what=describe_subscription(kind, value))


def no_subscription_number(number: int, count: int) -> str:
    if not count:
        return _("There is no subscription {number}: this chat follows nothing yet. "
                 "Try /subscribe.").format(number=number)
    return _("There is no subscription {number}: /subscriptions numbers them 1 to {count}."
             ).format(number=number, count=count)


def state_not_entity(code: str, typed: str) -> str:
    return _("{name} is a state, not a partially recognized entity. To follow what it "
             "recognizes: /subscribe state {typed}").format(
        name=name(code, actor=True), typed=typed.strip()[:40].lower())


def unsubscribed(kind: str, value: str) -> str:
    return _("Unsubscribed from {what}.").format(what=escape(describe_subscription(kind, value)))


def already_subscribed(kind: str, value: str) -> str:
    return _("This chat already follows {what}. See /subscriptions.").format(
        what=escape(describe_subscription(kind, value)))


def subscribe_keyboard(entities: Iterable[str]) -> list[list[tuple[str, str]]]:
    buttons = [(str(name(code)), callback_data("sub", "entity", code)) for code in entities]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    return rows + [[(_("All recognitions"), "sub:all:*")]]


def describe_subscription(kind: str, value: str) -> str:
    if kind == "entity":
        return _("recognitions of {entity}").format(entity=name(value))
    if kind == "state":
        return _("recognitions by {state}").format(state=name(value, actor=True))
    if kind == "all":
        return _("all recognitions")
    if kind == "source":
        return _("every statement of source {source}").format(source=value)
    return _('statements mentioning "{keyword}"').format(keyword=value)


def subscribed(kind: str, value: str) -> str:
    return _("Subscribed: {what}. See /subscriptions to manage.").format(
        what=escape(describe_subscription(kind, value)))


# channels, subscribed from a private chat (handlers/subscriptions.py)
CHANNEL_PRIVATE_ONLY = N_("Manage a channel's subscriptions from your private chat with me, e.g. "
                          "/subscribe @yourchannel dpr")
CHANNEL_USAGE = N_("Say what {channel} should follow, e.g. /subscribe {channel} dpr")
CHANNEL_NOT_FOUND = N_("I cannot find the channel {channel}. Add me to it as an administrator, "
                       "then try again.")
CHANNEL_NOT_ADMIN = N_("Only an administrator of {channel} can change what it follows.")
CHANNEL_CANNOT_POST = N_("I am not allowed to post in {channel}. Make me an administrator with the "
                         "right to post messages, then try again.")
CHANNEL_REMOVE_HINT = N_("Remove one with /unsubscribe {channel} &lt;number&gt;.")
SUBSCRIBE_DETAILS = N_("In a forum topic, subscriptions and their alerts belong to that topic. "
                       "From your private chat, /subscribe @yourchannel dpr makes a channel you "
                       "administer follow it (I must be an administrator there that may post); "
                       "/subscriptions @yourchannel and /unsubscribe @yourchannel 1 work the same way.")
INLINE_NO_MATCH = N_("No entity by that name: tap for examples")  # inline mode's button
TOPIC_STOPPED = N_("(paused: this topic was closed or deleted; /subscribe here to resume)")


def subscriptions_list(subs, *, channel: str | None = None) -> str:
    """``channel``: the @name of the channel listed (from a private chat), else this chat's."""
    if not subs:
        return _("This chat follows nothing yet. Try /subscribe.") if channel is None \
            else escape(gettext(CHANNEL_USAGE).format(channel=channel))
    lines = [_("<b>This chat follows</b>")]
    lines += [f"{n}. {escape(describe_subscription(s.kind, s.value))}"
              + (" " + gettext(TOPIC_STOPPED) if s.inactive_reason else "")
              for n, s in enumerate(subs, start=1)]
    lines.append("\n" + _("Tap to remove, or /unsubscribe &lt;number&gt;.") if channel is None
                 else "\n" + gettext(CHANNEL_REMOVE_HINT).format(channel=escape(channel)))
    if channel is not None:
        lines[0] = f"<b>{escape(channel)}</b>"
    return "\n".join(lines)


def unsubscribe_keyboard(subs) -> list[list[tuple[str, str]]]:
    return [[(f"✖ {n}. {one_line(describe_subscription(s.kind, s.value), width=40)}",
              f"unsub:{s.id}")] for n, s in enumerate(subs, start=1)]


# ---- chat: ledger answers (the answers themselves: recognitions.py) -----------------------

RECOGNIZED_USAGE = N_("Which entity? e.g. /recognized kosovo, /recognized dpr, /recognized Абхазия")
RECOGNIZES_USAGE = N_("Which state or entity? e.g. /recognizes russia, /recognizes КНДР, "
                      "/recognizes abkhazia")
LATEST_USAGE = N_("Usage: /latest [n], with n from 1 to {max}.")
TIMELINE_USAGE = N_("Which entity? e.g. /timeline kosovo")
MAP_USAGE = N_("Which entity? e.g. /map kosovo")
EXPORT_CAPTION = N_("The recognition ledger, in the columns that diplowatch ledger import reads.")


def latest_events(events) -> str:
    if not events:
        return _("No recognition events yet.")
    lines = [_("<b>Latest recognition events</b>")]
    for ev in events:
        when = fact_date(ev.effective_date, ev.date_precision) or date_str(ev.reported_at)
        what = act_line(ev.actor, ev.act, ev.target)
        src = f" · {link(ev.source_url, source_label(ev))}" if ev.source_url else ""
        lines.append(f"{when} — {escape(what)}{src}")
    return "\n".join(lines)


def chart_caption(kind: str, entity: str) -> str:
    if kind == "map":
        return _("Who recognizes {entity}: UN member states by their last dated act.").format(
            entity=name(entity, html=True))
    return _("Recognitions of {entity} over time (UN member states).").format(
        entity=name(entity, html=True))


def source_label(event) -> str:
    """What an event's source is called in a chat: the monitored source's name, or for the
    baseline 'diplowatch seed history' (its rows' links are their citations)."""
    if event.origin == "seed":
        return _("diplowatch seed history")
    return (event.source if event.origin == "extracted" else "") or pgettext("link", "source")


# ---- chat: language (i18n.py) ------------------------------------------------------------

LANGUAGE_NOW = N_("This chat gets its answers in {name}. Choose one: {choices}.")
LANGUAGE_SET = N_("Done: this chat now gets its answers in {name}.")
LANGUAGE_UNKNOWN = N_("No language \"{code}\" yet. Choose one of {codes}, e.g. /language es")
