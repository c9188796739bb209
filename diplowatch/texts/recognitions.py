"""The ledger's chat answers (handlers/recognitions.py): the /recognized summary and its pages,
/recognizes, /history.

HTML, every source-derived string escaped. Counts name what they count: "UN member states"
(the 193), other states (observers such as the Holy See, the Cook Islands, Niue, Taiwan) and
partially recognized entities acting as recognizers are counted and labelled apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import names
from ..telegram_html import escape, link
from .chat import callback_data
from .i18n import N_, _, gettext, ngettext, pgettext
from .wording import dates_in, fact_date, name

PAGE_SIZE = 25
LATEST_SHOWN = 5
CLAIMANTS_SHOWN = 12
HISTORY_USAGE = N_("Usage: /history <state> <entity>, e.g. /history ghana kosovo, "
                   "/history tuvalu abkhazia")


def actor_label(code: str) -> str:
    """A recognizer's name, marked when it is not a UN member state."""
    shown = name(code, actor=True)
    kind = names.actor_kind(code)
    if kind == "un":
        return shown
    if kind == "entity":
        return _("{name} (partially recognized entity)").format(name=shown)
    return _("{name} (not a UN member)").format(name=shown)


def _other_name(code: str) -> str:
    shown = name(code, actor=True)
    if names.actor_kind(code) == "entity":
        return _("{name} (partially recognized entity)").format(name=shown)
    return shown


def when(day, precision: str | None) -> str:
    return fact_date(day, precision) or _("date unknown")


def _src(url: str | None, label: str | None = None) -> str:
    return f" · {link(url, label or pgettext('link', 'source'))}" if url else ""


def as_of_line(summary) -> str:
    base = summary.baseline
    parts = [_("As of {day} (the newest act in the ledger).").format(day=when(summary.as_of, "day"))
             if summary.as_of else _("No dated act in the ledger yet.")]
    seed = ngettext("Baseline: {n} sourced historical act from diplowatch's seed history",
                    "Baseline: {n} sourced historical acts from diplowatch's seed history",
                    base.seed).format(n=base.seed)
    if base.manual:
        seed += ngettext(", {n} act entered by admins", ", {n} acts entered by admins",
                         base.manual).format(n=base.manual)
    parts.append(seed + ngettext("; {n} act reported by monitored sources.",
                                 "; {n} acts reported by monitored sources.",
                                 base.extracted).format(n=base.extracted))
    return " ".join(parts)


# ---- /recognized: the summary ------------------------------------------------------------


def recognized_summary(entity: str, summary) -> str:
    shown = name(entity)
    status = summary.status
    if summary.empty:
        return escape(_("No recognition data for {name} yet: no act is recorded, in the baseline "
                        "or from monitored sources.").format(name=shown))
    un = [f for f in status.recognizes if f.un_member]
    others = [f for f in status.recognizes if not f.un_member]
    lines = [f"<b>{escape(shown)}</b>",
             ngettext("Recognized by <b>{n} UN member state</b> (each state's last dated act counts).",
                      "Recognized by <b>{n} UN member states</b> (each state's last dated act counts).",
                      len(un)).format(n=len(un))]
    if others:
        who = ", ".join(_other_name(f.actor) for f in others)
        lines.append(ngettext("Also by {n} recognizer that is not a UN member state, counted apart: "
                              "{who}.",
                              "Also by {n} recognizers that are not UN member states, counted apart: "
                              "{who}.", len(others)).format(n=len(others), who=escape(who)))
    lines += _claims_lines(summary.claims)
    if status.withdrew:
        lines.append(_withdrew_line(status.withdrew))
    if status.rejects:
        lines.append(ngettext("Say they do not recognize it: {n} state.",
                              "Say they do not recognize it: {n} states.",
                              len(status.rejects)).format(n=len(status.rejects)))
    if summary.latest:
        lines.append("\n" + _("<b>Latest changes</b>"))
        lines += [_latest_line(ev) for ev in summary.latest]
    lines.append("\n" + escape(as_of_line(summary)))
    return "\n".join(lines)


def _withdrew_line(withdrew_all: list) -> str:
    withdrew = [f for f in withdrew_all if f.un_member]
    last, rest = withdrew_all[-1], len(withdrew_all) - len(withdrew)
    line = ngettext("Withdrew: {n} UN member state", "Withdrew: {n} UN member states",
                    len(withdrew)).format(n=len(withdrew))
    if rest:
        line += " " + ngettext("(+{n} other)", "(+{n} others)", rest).format(n=rest)
    return line + _(", latest {state} ({day}).").format(
        state=escape(name(last.actor, actor=True)), day=when(last.until, last.until_precision))


def _claims_lines(claims) -> list[str]:
    """Undated withdrawals/rejections: shown apart, grouped by who claims them."""
    groups: dict[str, list] = {}
    for claim in claims:
        groups.setdefault(claim.attribution, []).append(claim)
    lines = []
    for attribution, group in groups.items():
        n = len(group)
        head = (ngettext("{n} more is claimed to have withdrawn, without a date",
                         "{n} more are claimed to have withdrawn, without a date", n)
                if group[0].act == "withdraw" else
                ngettext("{n} more is claimed not to recognize it, without a date",
                         "{n} more are claimed not to recognize it, without a date", n)).format(n=n)
        who = ", ".join(name(c.actor, actor=True) for c in group[:CLAIMANTS_SHOWN])
        if n > CLAIMANTS_SHOWN:
            who = ngettext("{items} and {n} other", "{items} and {n} others",
                           n - CLAIMANTS_SHOWN).format(items=who, n=n - CLAIMANTS_SHOWN)
        lines.append(f"⚠️ {escape(head)} ({escape(dates_in(attribution))}): {escape(who)}"
                     f"{_src(group[0].source_url)}. " + _("Not counted above."))
    return lines


def _latest_line(fact) -> str:
    who = escape(actor_label(fact.actor))
    if fact.status == "withdrew":
        line = _("{who} withdrew").format(who=who)
        return f"• {when(fact.until, fact.until_precision)} — {line}{_src(fact.source_url)}"
    line = (_("{who} recognized") if fact.status == "recognizes" else
            _("{who} said it does not recognize")).format(who=who)
    return f"• {when(fact.since, fact.since_precision)} — {line}{_src(fact.source_url)}"


def summary_keyboard(entity: str, summary) -> list[list[tuple[str, str]]]:
    """Full list (by date, by name); withdrawals and rejects when there are any; CSV, chart, map."""
    def button(label: str, view: str, order: str = "date") -> tuple[str, str]:
        return label, callback_data("rec", view, order, entity, "0")

    status, acts = summary.status, {c.act for c in summary.claims}
    apart = [button(_("Withdrawals"), "withdrew")] if status.withdrew or "withdraw" in acts else []
    apart += [button(_("Rejects"), "rejects")] if status.rejects or "reject" in acts else []
    rows = [[button(_("Full list by date"), "list"), button(_("by name"), "list", "name")], apart,
            [button("CSV", "csv"), button(_("Timeline"), "chart"), button(_("Map"), "map")]]
    return [row for row in rows if row]


# ---- /recognized: the pages ---------------------------------------------------------------


def fact_line(fact) -> str:
    who = escape(actor_label(fact.actor))
    if fact.status == "withdrew":
        return who + " — " + _("withdrew {until} (recognized {since})").format(
            until=when(fact.until, fact.until_precision),
            since=when(fact.since, fact.since_precision)) + _src(fact.source_url)
    return who + " — " + _("since {day}").format(
        day=when(fact.since, fact.since_precision)) + _src(fact.source_url)


PAGE_KINDS = ("list", "withdrew", "rejects")


def page_title(kind: str, n: int) -> str:
    if kind == "withdrew":
        return ngettext("{n} state withdrew its recognition",
                        "{n} states withdrew their recognition", n).format(n=n)
    if kind == "rejects":
        return ngettext("{n} state says it does not recognize it",
                        "{n} states say they do not recognize it", n).format(n=n)
    return ngettext("{n} state recognizes it", "{n} states recognize it", n).format(n=n)


def facts_page(entity: str, kind: str, order: str, facts: list, page: int, *,
               claims: Sequence = ()) -> str:
    """One page of a list; the last page of withdrawals/rejects adds the undated claims."""
    pages = max(1, -(-len(facts) // PAGE_SIZE))
    un = sum(f.un_member for f in facts)
    head = (f"<b>{escape(name(entity))}: {page_title(kind, len(facts))}</b> ("
            + ngettext("{n} UN member", "{n} UN members", un).format(n=un) + ")")
    order_by = _("by date") if order == "date" else pgettext("order", "by name")
    lines = [head + " · " + _("{order} · page {page}/{pages}").format(
        order=order_by, page=page + 1, pages=pages)]
    chunk = facts[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
    lines += ([f"{page * PAGE_SIZE + n}. {fact_line(f)}" for n, f in enumerate(chunk, 1)]
              or [_("None recorded.")])
    if page + 1 == pages:
        lines += ["", *_claims_lines([c for c in claims if STATUS_OF_CLAIM[c.act] == kind])]
    return "\n".join(lines).rstrip()


STATUS_OF_CLAIM = {"withdraw": "withdrew", "reject": "rejects"}


def csv_caption(entity: str) -> str:
    return _("Every recorded act on {entity}, with its source (the columns of diplowatch ledger "
             "import).").format(entity=name(entity, html=True))


def page_keyboard(entity: str, kind: str, order: str, total: int, page: int) -> list[list[tuple[str, str]]]:
    row = []
    if page > 0:
        row.append((_("◀ Previous"), callback_data("rec", kind, order, entity, str(page - 1))))
    if (page + 1) * PAGE_SIZE < total:
        row.append((_("Next ▶"), callback_data("rec", kind, order, entity, str(page + 1))))
    back = [(_("Summary"), callback_data("rec", "summary", order, entity, "0"))]
    return [row, back] if row else [back]


# ---- /recognizes and /history ---------------------------------------------------------------


def actor_recognitions(actor: str, facts: list) -> str:
    who = escape(actor_label(actor))
    if not facts:
        return _("No recognition act by {name} is recorded for the entities diplowatch tracks "
                 "(it neither recognizes, withdrew nor rejects any of them in the ledger)."
                 ).format(name=who)
    lines = [_("<b>{name}: acts on the entities diplowatch tracks</b>, by date").format(name=who)]
    for f in facts:
        target = name(f.target, html=True)
        if f.status == "recognizes":
            line = _("{since} — recognizes {target}")
        elif f.status == "withdrew":
            line = _("{until} — withdrew recognition of {target} (recognized {since})")
        else:
            line = _("{since} — does not recognize {target}")
        lines.append("• " + line.format(since=when(f.since, f.since_precision), target=target,
                                        until=when(f.until, f.until_precision))
                     + _src(f.source_url))
    return "\n".join(lines)


_ACT = {"recognize": N_("recognized"), "withdraw": N_("withdrew"),
        "reject": N_("said it does not recognize")}
_HELD = {"awaiting": N_("held for a second source or review"),
         "denial": N_("a denial, not counted")}
_ORIGIN = {"seed": N_("diplowatch seed history"), "manual": N_("entered by an admin"),
           "extracted": N_("reported")}


def _marks(ev) -> str:
    marks = [gettext(_ORIGIN[ev.origin]) if ev.origin in _ORIGIN else ev.origin]
    marks += [_("repeat of an earlier report")] if ev.mention_of else []
    marks += [gettext(_HELD[ev.held]) if ev.held in _HELD else _("background, not counted")
              ] if ev.held else []
    marks += [_("retracted")] if ev.retracted_at else []
    return ", ".join(marks)


def pair_history(actor: str, target: str, events: list) -> str:
    who, whom = escape(actor_label(actor)), name(target, html=True)
    if not events:
        return _("No act of {who} on {whom} is recorded.").format(who=who, whom=whom)
    lines = [ngettext("<b>{who} and {whom}</b>: {n} recorded act, in timeline order",
                      "<b>{who} and {whom}</b>: {n} recorded acts, in timeline order",
                      len(events)).format(who=who, whom=whom, n=len(events))]
    for ev in events:
        day = fact_date(ev.effective_date, ev.date_precision) or (
            fact_date(ev.reported_at, "day") if ev.origin == "extracted" else _("date unknown"))
        source = _src(ev.source_url, ev.source if ev.origin == "extracted" and ev.source else None)
        act = gettext(_ACT[ev.act]) if ev.act in _ACT else ev.act
        lines.append(f"• {day} — {act} ({escape(_marks(ev))}) #{ev.id}{source}")
        quote = ev.evidence or ev.note
        if quote:
            lines.append(f"  <i>{escape(dates_in(quote[:300]))}</i>")
    return "\n".join(lines)
