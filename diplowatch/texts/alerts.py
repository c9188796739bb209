"""Alerts and what follows them: the recognition alert (headline, provenance, quote),
the keyword/source statement alert, the one-line confirmation, corrections."""

from __future__ import annotations

from collections.abc import Mapping

from .. import names
from ..telegram_html import escape, link
from .wording import fact_date, moment, one_line, plural

QUOTE_CHARS, EXCERPT_CHARS, EARLIER_SHOWN = 500, 600, 5
STILL_RECOGNIZE = {"one": "{n} UN member state still recognizes it",
                   "other": "{n} UN member states still recognize it"}

ACT_VERBS = {"recognize": "recognizes", "withdraw": "withdraws recognition of",
             "reject": "does not recognize"}


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
