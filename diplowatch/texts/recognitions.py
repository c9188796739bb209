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
from .wording import count, dates_in, fact_date, plural

PAGE_SIZE = 25
LATEST_SHOWN = 5
CLAIMANTS_SHOWN = 12
HISTORY_USAGE = "Usage: /history <state> <entity>, e.g. /history ghana kosovo, /history tuvalu abkhazia"
NO_DATA = "No recognition data for {name} yet: no act is recorded, in the baseline or from monitored sources."


def actor_label(code: str) -> str:
    """A recognizer's name, marked when it is not a UN member state."""
    name = names.display(code, actor=True)
    kind = names.actor_kind(code)
    if kind == "un":
        return name
    return f"{name} (partially recognized entity)" if kind == "entity" else f"{name} (not a UN member)"


def _other_name(code: str) -> str:
    name = names.display(code, actor=True)
    return f"{name} (partially recognized entity)" if names.actor_kind(code) == "entity" else name


def when(day, precision: str | None) -> str:
    return fact_date(day, precision) or "date unknown"


def _src(url: str | None, label: str = "source") -> str:
    return f" · {link(url, label)}" if url else ""


def as_of_line(summary) -> str:
    base = summary.baseline
    parts = [f"As of {when(summary.as_of, 'day')} (the newest act in the ledger)." if summary.as_of
             else "No dated act in the ledger yet."]
    parts.append(f"Baseline: {count(base.seed, 'sourced historical act')} from diplowatch's seed history"
                 f"{', ' + count(base.manual, 'act') + ' entered by admins' if base.manual else ''}; "
                 f"{count(base.extracted, 'act')} reported by monitored sources.")
    return " ".join(parts)


# ---- /recognized: the summary ------------------------------------------------------------


def recognized_summary(entity: str, summary) -> str:
    name = names.display(entity)
    status = summary.status
    if summary.empty:
        return escape(NO_DATA.format(name=name))
    un = [f for f in status.recognizes if f.un_member]
    others = [f for f in status.recognizes if not f.un_member]
    lines = [f"<b>{escape(name)}</b>",
             f"Recognized by <b>{count(len(un), 'UN member state')}</b> (each state's last dated act counts)."]
    if others:
        what = "a UN member state" if len(others) == 1 else "UN member states"
        who = ", ".join(_other_name(f.actor) for f in others)
        also = plural(len(others), {"one": "{n} recognizer that is", "other": "{n} recognizers that are"})
        lines.append(f"Also by {also} not {what}, counted apart: {escape(who)}.")
    lines += _claims_lines(summary.claims)
    withdrew = [f for f in status.withdrew if f.un_member]
    if status.withdrew:
        last = status.withdrew[-1]
        rest = len(status.withdrew) - len(withdrew)
        others_too = f" (+{count(rest, 'other')})" if rest else ""
        lines.append(f"Withdrew: {count(len(withdrew), 'UN member state')}{others_too}"
                     f", latest {escape(names.display(last.actor, actor=True))} ({when(last.until, last.until_precision)}).")
    if status.rejects:
        lines.append(f"Say they do not recognize it: {count(len(status.rejects), 'state')}.")
    if summary.latest:
        lines.append("\n<b>Latest changes</b>")
        lines += [_latest_line(ev) for ev in summary.latest]
    lines.append("\n" + escape(as_of_line(summary)))
    return "\n".join(lines)


def _claims_lines(claims) -> list[str]:
    """Undated withdrawals/rejections: shown apart, grouped by who claims them."""
    groups: dict[str, list] = {}
    for claim in claims:
        groups.setdefault(claim.attribution, []).append(claim)
    lines = []
    for attribution, group in groups.items():
        verb = "to have withdrawn" if group[0].act == "withdraw" else "not to recognize it"
        who = ", ".join(names.display(c.actor, actor=True) for c in group[:CLAIMANTS_SHOWN])
        more = f" and {len(group) - CLAIMANTS_SHOWN} others" if len(group) > CLAIMANTS_SHOWN else ""
        head = plural(len(group), {"one": "{n} more is", "other": "{n} more are"}) + \
            f" claimed {verb}, without a date"
        lines.append(f"⚠️ {escape(head)} ({escape(dates_in(attribution))}): {escape(who + more)}"
                     f"{_src(group[0].source_url)}. Not counted above.")
    return lines


def _latest_line(fact) -> str:
    who = escape(actor_label(fact.actor))
    if fact.status == "withdrew":
        return f"• {when(fact.until, fact.until_precision)} — {who} withdrew{_src(fact.source_url)}"
    verb = "recognized" if fact.status == "recognizes" else "said it does not recognize"
    return f"• {when(fact.since, fact.since_precision)} — {who} {verb}{_src(fact.source_url)}"


def summary_keyboard(entity: str, summary) -> list[list[tuple[str, str]]]:
    """Full list (by date, by name); withdrawals and rejects when there are any; CSV, chart, map."""
    def button(label: str, view: str, order: str = "date") -> tuple[str, str]:
        return label, callback_data("rec", view, order, entity, "0")

    status, acts = summary.status, {c.act for c in summary.claims}
    apart = [button("Withdrawals", "withdrew")] if status.withdrew or "withdraw" in acts else []
    apart += [button("Rejects", "rejects")] if status.rejects or "reject" in acts else []
    rows = [[button("Full list by date", "list"), button("by name", "list", "name")], apart,
            [button("CSV", "csv"), button("Timeline", "chart"), button("Map", "map")]]
    return [row for row in rows if row]


# ---- /recognized: the pages ---------------------------------------------------------------


def fact_line(fact) -> str:
    who = escape(actor_label(fact.actor))
    if fact.status == "withdrew":
        return (f"{who} — withdrew {when(fact.until, fact.until_precision)}"
                f" (recognized {when(fact.since, fact.since_precision)}){_src(fact.source_url)}")
    return f"{who} — since {when(fact.since, fact.since_precision)}{_src(fact.source_url)}"


PAGE_TITLES = {
    "list": {"one": "{n} state recognizes it", "other": "{n} states recognize it"},
    "withdrew": {"one": "{n} state withdrew its recognition",
                 "other": "{n} states withdrew their recognition"},
    "rejects": {"one": "{n} state says it does not recognize it",
                "other": "{n} states say they do not recognize it"},
}


def facts_page(entity: str, kind: str, order: str, facts: list, page: int, *,
               claims: Sequence = ()) -> str:
    """One page of a list; the last page of withdrawals/rejects adds the undated claims."""
    name = names.display(entity)
    pages = max(1, -(-len(facts) // PAGE_SIZE))
    un = sum(f.un_member for f in facts)
    head = (f"<b>{escape(name)}: {plural(len(facts), PAGE_TITLES[kind])}</b> "
            f"({count(un, 'UN member')})")
    lines = [head + f" · by {order} · page {page + 1}/{pages}"]
    chunk = facts[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
    lines += [f"{page * PAGE_SIZE + n}. {fact_line(f)}" for n, f in enumerate(chunk, 1)] or ["None recorded."]
    if page + 1 == pages:
        lines += ["", *_claims_lines([c for c in claims if STATUS_OF_CLAIM[c.act] == kind])]
    return "\n".join(lines).rstrip()


STATUS_OF_CLAIM = {"withdraw": "withdrew", "reject": "rejects"}


def csv_caption(entity: str) -> str:
    return (f"Every recorded act on {escape(names.display(entity))}, with its source"
            " (the columns of `diplowatch ledger import`).")


def page_keyboard(entity: str, kind: str, order: str, total: int, page: int) -> list[list[tuple[str, str]]]:
    row = []
    if page > 0:
        row.append(("◀ Previous", callback_data("rec", kind, order, entity, str(page - 1))))
    if (page + 1) * PAGE_SIZE < total:
        row.append(("Next ▶", callback_data("rec", kind, order, entity, str(page + 1))))
    back = [("Summary", callback_data("rec", "summary", order, entity, "0"))]
    return [row, back] if row else [back]


# ---- /recognizes and /history ---------------------------------------------------------------


def actor_recognitions(actor: str, facts: list) -> str:
    name = escape(actor_label(actor))
    if not facts:
        return (f"No recognition act by {name} is recorded for the entities diplowatch tracks"
                " (it neither recognizes, withdrew nor rejects any of them in the ledger).")
    lines = [f"<b>{name}: acts on the entities diplowatch tracks</b>, by date"]
    for f in facts:
        target = escape(names.display(f.target))
        if f.status == "recognizes":
            lines.append(f"• {when(f.since, f.since_precision)} — recognizes {target}{_src(f.source_url)}")
        elif f.status == "withdrew":
            lines.append(f"• {when(f.until, f.until_precision)} — withdrew recognition of {target}"
                         f" (recognized {when(f.since, f.since_precision)}){_src(f.source_url)}")
        else:
            lines.append(f"• {when(f.since, f.since_precision)} — does not recognize {target}{_src(f.source_url)}")
    return "\n".join(lines)


_ACT = {"recognize": "recognized", "withdraw": "withdrew", "reject": "said it does not recognize"}
_HELD = {"awaiting": "held for a second source or review", "denial": "a denial, not counted"}
_ORIGIN = {"seed": "diplowatch seed history", "manual": "entered by an admin",
           "extracted": "reported"}


def pair_history(actor: str, target: str, events: list) -> str:
    who, whom = escape(actor_label(actor)), escape(names.display(target))
    if not events:
        return f"No act of {who} on {whom} is recorded."
    lines = [f"<b>{who} and {whom}</b>: {count(len(events), 'recorded act')}, in timeline order"]
    for ev in events:
        day = fact_date(ev.effective_date, ev.date_precision) or (
            fact_date(ev.reported_at, "day") if ev.origin == "extracted" else "date unknown")
        marks = [_ORIGIN.get(ev.origin, ev.origin)]
        marks += ["repeat of an earlier report"] if ev.mention_of else []
        marks += [_HELD.get(ev.held, "background, not counted")] if ev.held else []
        marks += ["retracted"] if ev.retracted_at else []
        source = _src(ev.source_url, ev.source if ev.origin == "extracted" and ev.source else "source")
        lines.append(f"• {day} — {_ACT.get(ev.act, ev.act)} ({escape(', '.join(marks))}) #{ev.id}{source}")
        quote = ev.evidence or ev.note
        if quote:
            lines.append(f"  <i>{escape(dates_in(quote[:300]))}</i>")
    return "\n".join(lines)
