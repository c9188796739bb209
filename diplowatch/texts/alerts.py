"""Alerts and what follows them: the recognition alert (headline, provenance, quote),
the keyword/source statement alert, the one-line confirmation, corrections.

Each is rendered once per language its chats read (pipeline.py renders them inside
i18n.speaking); states' names stand where Russian and Ukrainian keep the nominative, the
entities' take their case (``{target:acc}``, names/display_names.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .. import names
from ..telegram_html import escape, link
from .i18n import DEFAULT, N_, _, current, gettext, ngettext, pgettext
from .wording import fact_date, moment, name, one_line

QUOTE_CHARS, EXCERPT_CHARS, EARLIER_SHOWN = 500, 600, 5

ACT_VERBS = {"recognize": "recognizes", "withdraw": "withdraws recognition of",
             "reject": "does not recognize"}
_ACT_LINES = {"recognize": N_("{actor} recognizes {target}"),
              "withdraw": N_("{actor} withdraws recognition of {target}"),
              "reject": N_("{actor} does not recognize {target}")}


def _and(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def _earlier(earlier: list) -> str:
    dated = [(name(a, actor=True), fact_date(d, p)) for a, d, p in earlier[:EARLIER_SHOWN]]
    shown = [f"{who} ({when})" if when else who for who, when in dated]
    if len(earlier) > EARLIER_SHOWN:
        more = len(earlier) - EARLIER_SHOWN
        return ngettext("{items} and {n} other", "{items} and {n} others", more).format(
            items=", ".join(shown), n=more)
    return _and(shown)


_NO_ARTICLE = ("Kosovo", "Abkhazia", "South Ossetia", "Somaliland", "Northern Cyprus",
               "Transnistria", "Artsakh", "Taiwan")


def target_name(code: str) -> names.Name:
    """An entity as the object of a sentence: 'the Donetsk People's Republic' in English."""
    shown = name(code)
    if current() == DEFAULT and not shown.startswith(_NO_ARTICLE):
        return names.Name("the " + shown)
    return shown


def act_line(actor: str, act: str, target: str) -> str:
    """'North Korea recognizes the Donetsk People's Republic' (plain text)."""
    template = gettext(_ACT_LINES[act]) if act in _ACT_LINES else "{actor} " + act + " {target}"
    return template.format(actor=name(actor, actor=True), target=target_name(target))


def ordinal(n: int) -> str:
    """'21st' in English, '21-е' or '21-а' (the gender of 'state') in the catalogues."""
    return names.ordinal_en(n) if current() == DEFAULT else pgettext("ordinal", "{n}th").format(n=n)


def recognition_headline(change) -> str:
    actor, target = name(change.actor, actor=True), target_name(change.target)
    if change.act == "withdraw":
        head = _("{actor} withdraws its recognition of {target}").format(actor=actor, target=target)
        tail = ""
        if change.remaining is not None:
            tail = " — " + ngettext("{n} UN member state still recognizes it",
                                    "{n} UN member states still recognize it",
                                    change.remaining).format(n=change.remaining)
        return f"🔴 <b>{escape(head)}</b>{escape(tail)}"
    if change.act == "reject":
        return f"⚪ <b>{escape(act_line(change.actor, 'reject', change.target))}</b>"
    head = act_line(change.actor, "recognize", change.target)
    if change.again_after:
        when = fact_date(*change.again_after)
        head = (_("{actor} recognizes {target} again, after withdrawing in {when}") if when else
                _("{actor} recognizes {target} again, after withdrawing its recognition")
                ).format(actor=actor, target=target, when=when)
    return f"🟢 <b>{escape(head)}</b>{escape(_ordinal_tail(change))}"


def _ordinal_tail(change) -> str:
    if not change.ordinal:
        return ""
    tail = (_(" — the first UN member state to do so") if change.ordinal == 1 else
            _(" — the {nth} UN member state to do so").format(nth=ordinal(change.ordinal)))
    if change.earlier and not change.again_after:
        tail += _(", after {earlier}").format(earlier=_earlier(change.earlier))
    return tail


def _governed(code: str) -> names.Name:
    """The state of 'the government of X': 'the' before an entity in English."""
    return target_name(code) if code in names.ENTITIES else name(code, actor=True)


def government(code: str, source: str) -> str:
    """'the government of X (its source)'."""
    return _("the government of {state} ({source})").format(state=_governed(code), source=source)


def provenance_clause(change, titles: Mapping[str, str]) -> str:
    """Who said it, in one clause: 'announced by the government of X (its source)',
    'reported by TASS; not yet confirmed by X'. Empty for acts without a provenance."""
    if not change.provenance:
        return ""
    who = [titles.get(name) or name for name in change.reporters] or [_("an unnamed source")]
    actor = name(change.actor, actor=True)
    if change.provenance == "official-self":
        return _("announced by {government}").format(government=government(change.actor, who[0]))
    if change.unconfirmed:
        return _("reported by {who} only; not confirmed by {actor} or a second source").format(
            who=_and(who), actor=actor)
    by = (government(change.reporter_state, who[0])
          if change.provenance == "official-other" and change.reporter_state else _and(who))
    return _("reported by {by}; not yet confirmed by {actor}").format(by=by, actor=actor)


def recognition_alert(change, statement, titles: Mapping[str, str] | None = None) -> str:
    """The alert for a ledger change, HTML: headline, who said it, quote, source link."""
    headline = recognition_headline(change)
    if change.unconfirmed:
        headline = _("⚠️ <b>Unconfirmed</b>") + "\n" + headline
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
    title = (titles or {}).get(change.source or "") or change.source or _("its official source")
    what = act_line(change.actor, change.act, change.target)
    source = f" · {link(statement.url, pgettext('link', 'source'))}" if statement.url else ""
    line = _("Confirmed by {government}: {what}.").format(
        government=government(change.actor, title), what=what)
    return f"✅ {escape(line)}{source}"


RETRACTION_REASONS = {
    "reprocess": N_("the statement, read again, does not say so"),
    "admin": N_("an administrator found the report wrong"),
}
FALLBACK_STATUS = {"unknown": N_("has no recorded position on it"), "recognizes": N_("recognizes it"),
                   "withdrew": N_("has withdrawn its recognition"),
                   "rejects": N_("does not recognize it")}
_STATUS_LINES = {
    "unknown": N_("{actor} has no recorded position on {target}"),
    "recognizes": N_("{actor} recognizes {target}"),
    "withdrew": N_("{actor} has withdrawn its recognition of {target}"),
    "rejects": N_("{actor} does not recognize {target}"),
}


def correction(retraction, *, reason: str | Callable[[], str]) -> str:
    """The short correction sent as a reply to an alert whose act was retracted. ``reason``:
    a key of RETRACTION_REASONS, or a function giving it in the language being written."""
    what = act_line(retraction.actor, retraction.act, retraction.target)
    why = reason() if callable(reason) else gettext(RETRACTION_REASONS.get(reason, reason))
    now = gettext(_STATUS_LINES[retraction.status]).format(
        actor=name(retraction.actor, actor=True), target=target_name(retraction.target))
    line = _("our alert that {what} was wrong: {why}. The ledger is back to: {now}.").format(
        what=what, why=why, now=now)
    return _("❌ <b>Correction</b>: {correction}").format(correction=escape(line))


def admin_retraction_reason(reason: str) -> str:
    """Why an administrator's retraction corrects an alert (their reason in brackets)."""
    why = gettext(RETRACTION_REASONS["admin"])
    return f"{why} ({one_line(reason, width=200)})" if reason.strip() else why


def denial_reason(actor: str, source_title: str) -> str:
    return _("the government of {state} denied it ({source})").format(
        state=_governed(actor), source=source_title)


def statement_alert(statement) -> str:
    title = one_line(statement.title, width=200)
    body = one_line(statement.text, width=EXCERPT_CHARS)
    when = statement.published_at or statement.fetched_at
    parts = [f"📰 <i>{escape(statement.source)}</i>" + (f" · {moment(when)}" if when else "")]
    if title:
        parts.append(f"<b>{escape(title)}</b>")
    if body and body != title:
        parts.append(escape(body))
    parts.append(link(statement.url, _("open")) if statement.url else "")
    return "\n".join(p for p in parts if p)
