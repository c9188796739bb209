"""Replies to administrators: the source commands, /stats and the review queue (its
notice, cards and outcomes)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from .. import names
from ..models import Source
from ..telegram_html import escape, link
from .alerts import FALLBACK_STATUS, QUOTE_CHARS, act_line
from .wording import moment, one_line

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


# ---- the review queue (review.py, docs/alerts.md) -----------------------------------------

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
