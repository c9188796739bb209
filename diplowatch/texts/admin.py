"""Replies to administrators: the source commands, /stats and the review queue (its
notice, cards and outcomes), in the administrator's language like every other reply (i18n.py).
Source names, quotes and the codes an administrator types (acts, provenance) stay as they are."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from ..models import Source
from ..telegram_html import escape, link
from .alerts import FALLBACK_STATUS, QUOTE_CHARS, act_line
from .i18n import N_, _, gettext, ngettext, pgettext
from .wording import moment, name, one_line

# Raised as UserError, whose text dispatch escapes (and translates): plain text here.
ADDSOURCE_USAGE = N_("Usage: /addsource <name> <rss|telegram|html> <url> [interval, e.g. 5m]")
REMOVESOURCE_USAGE = N_("Usage: /removesource <name>")
PAUSESOURCE_USAGE = N_("Usage: /pausesource <name> — or /pausesource <name> off to resume")
NO_SUCH_SOURCE = N_('No source named "{name}". See the list with /sources.')
SOURCE_REMOVED = N_("Source removed. Its statements stay in the archive.")
SOURCE_PAUSED = N_("Source paused. Resume with /pausesource &lt;name&gt; off.")
SOURCE_RESUMED = N_("Source resumed.")


def source_added(source: Source) -> str:
    return _("Added source <b>{name}</b> ({kind}) {url}; first poll within a minute.").format(
        name=escape(source.name), kind=source.kind, url=escape(source.url))


CHAT_COUNTS = {"active": N_("Chats the bot can write to"),
               "inactive": N_("Chats that blocked or removed it"),
               "subscribed": N_("Chats with subscriptions")}
OUTBOX_COUNTS = {"pending": N_("Alerts waiting to be sent"), "sent": N_("Alerts sent"),
                 "possibly_delivered": N_("Alerts possibly delivered (Telegram did not answer in "
                                          "time; not resent)"),
                 "dropped": N_("Alerts dropped (the chat is gone)"),
                 "failed": N_("Alerts that failed after every retry")}


def stats(chat_counts: dict, outbox_counts: dict, statements: int) -> str:
    lines = [_("<b>Stats</b>"), _("Statements: {n}").format(n=statements)]
    lines += [f"{_label(CHAT_COUNTS, k)}: {v}" for k, v in chat_counts.items()]
    lines += [f"{escape(_label(OUTBOX_COUNTS, k))}: {v}" for k, v in outbox_counts.items()]
    return "\n".join(lines)


def _label(labels: Mapping[str, str], key: str) -> str:
    return gettext(labels[key]) if key in labels else key


# ---- the review queue (review.py, docs/alerts.md) -----------------------------------------

REVIEW_USAGE = N_("Usage: /review (the next held report), /review N act <recognize|withdraw|reject>, "
                  "/review N actor <state>.")
RETRACT_USAGE = N_("Usage: /retract EVENT_ID [reason], e.g. /retract 812 the ministry denied it")
REVIEW_EMPTY = N_("No report waits for review.")
REVIEW_ADMINS_ONLY = N_("Review buttons are for administrators, in a private chat with the bot.")
REVIEW_GONE = N_("Report #{id} does not exist (any more). Send /review for the current queue.")
REVIEW_DECIDED = N_("Report #{id} was already decided ({decision}). Send /review for the next one.")
REVIEW_CHANGED = N_("Report #{id} changed since this card was shown (released, retracted or "
                    "edited). Send /review for the current queue.")
REVIEW_BAD_VALUE = N_("\"{value}\" is not a different act or actor for this report.")
RETRACT_ALREADY = N_("Event #{id} is already retracted.")
RETRACT_NOT_EXTRACTED = N_("Event #{id} comes from the recorded history, not from a monitored "
                           "statement: correct it with `diplowatch ledger import`.")
REVIEW_BUTTONS = ((N_("✅ Confirm"), "c"), (N_("🚫 Not a recognition"), "n"), (N_("✏️ Wrong act"), "a"),
                  (N_("👤 Wrong actor"), "w"))
REVIEW_SKIP, REVIEW_BACK = N_("Next ›"), N_("‹ Back")
REVIEW_ASK_ACT = N_("Which act does the statement report?")
REVIEW_ASK_ACTOR = N_("Which state acts? Pick one, or send /review {id} actor <state>.")
DECIDED = {"confirm": N_("✅ Confirmed #{id}"), "not-recognition": N_("🚫 #{id}: not a recognition"),
           "wrong-act": N_("✏️ #{id} corrected to: {right}"),
           "wrong-actor": N_("👤 #{id} corrected to: {right}"), "retract": N_("❌ Retracted #{id}")}


def review_notice(change, titles: Mapping[str, str]) -> str:
    """To the admins when a report is held: what waits, and the command to decide on it."""
    what = act_line(change.actor, change.act, change.target)
    who = titles.get(change.source or "") or change.source or _("an unnamed source")
    held = _("Held for review: {what} (reported by {who}, confidence {confidence}).").format(
        what=what, who=who, confidence=f"{change.confidence:.2f}")
    return f"🔎 {escape(held)} /review"


def review_card(card) -> str:
    """One held report for an admin: what was extracted, how sure, who reported it, the quote."""
    e = card.event
    actor, target = name(e["actor"], actor=True), name(e["target"])
    held = moment(datetime.fromisoformat(e["created_at"])) if e["created_at"] else "?"
    source = (link(e["source_url"], card.source_title or pgettext("link", "source"))
              if e["source_url"] else escape(card.source_title))
    head = _("<b>Review {position} of {waiting}</b> · report #{id}").format(
        position=card.position, waiting=card.waiting, id=e["id"])
    how = _("Confidence {confidence} · {provenance} · held since {held}").format(
        confidence=f"{e['confidence']:.2f}", provenance=escape(e["provenance"] or _("unknown")),
        held=held)
    return (f"🔎 {head}\n"
            f"<b>{escape(actor)}</b> ({escape(e['actor'])}) · {escape(e['act'])} · "
            f"<b>{escape(target)}</b> ({escape(e['target'])})\n"
            f"{how}\n"
            f"<blockquote>{escape(one_line(e['evidence'] or '', width=QUOTE_CHARS))}</blockquote>\n{source}")


def review_outcome(outcome) -> str:
    """The line that replaces a decided card (and answers /retract)."""
    e = outcome.event
    wrong_actor = outcome.decision == "wrong-actor" and outcome.right
    right = name(outcome.right, actor=True) if wrong_actor else outcome.right
    head = gettext(DECIDED[outcome.decision]).format(id=e["id"], right=right or "")
    what = act_line(e["actor"], e["act"], e["target"])
    n = outcome.alerts
    sent = {"retract": ngettext("{n} correction queued", "{n} corrections queued", n).format(n=n),
            "not-recognition": _("no alert")}.get(
        outcome.decision, ngettext("alert queued for {n} chat", "alert queued for {n} chats", n).format(n=n))
    actor = outcome.right if wrong_actor else e["actor"]
    now = f"{name(actor, actor=True)} {gettext(FALLBACK_STATUS[outcome.status])}"
    return escape(_("{head} ({what}); {sent}. Ledger: {now}.").format(head=head, what=what, sent=sent, now=now))
