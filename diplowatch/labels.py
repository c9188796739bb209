"""`diplowatch labels export`: administrators' decisions as labelled eval documents.

One JSON line per reviewed statement, in the format `diplowatch eval` reads (extract/evaluate.py:
id, lang, text, url, published, events, note). The gold events of a statement are its acts as
the decisions left them: a confirmed act stays, a rejected or retracted one goes, a wrong act or
actor is replaced by the right one (an event's latest decision wins); its other acts, which
nobody reviewed, stay as extracted, and the note says how many.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import TextIO

from .store import Database
from .store import events as events_store
from .store import reviews as review_store

Triple = tuple[str, str, str]
_DROPPED = ("not-recognition", "retract")


def labelled_documents(db: Database) -> Iterator[dict]:
    for statement_id in review_store.iter_reviewed_statements(db):
        yield _document(db, statement_id, review_store.statement_reviews(db, statement_id))


def _document(db: Database, statement_id: int, reviews: list[dict]) -> dict:
    latest = {r["event_id"]: r for r in reviews}  # in id order: the last decision wins
    gold: dict[Triple, None] = {}
    for review in latest.values():
        if review["decision"] not in _DROPPED:
            gold[_right(review)] = None
    unreviewed = [e for e in events_store.statement_events(db, statement_id)
                  if e["origin"] == "extracted" and e["retracted_at"] is None and e["id"] not in latest
                  and (e["actor"], e["target"], e["act"]) not in gold]  # not a decision's right act
    for event in unreviewed:
        gold[(event["actor"], event["target"], event["act"])] = None
    last = reviews[-1]
    decisions = Counter(r["decision"] for r in latest.values())
    shown = ", ".join(f"{name} {n}" for name, n in sorted(decisions.items()))
    return {
        "id": f"review-{statement_id}", "lang": last["lang"], "text": last["text"], "url": last["url"],
        "published": (last["published"] or "")[:10] or None,
        "events": [{"actor": a, "target": t, "act": act} for a, t, act in gold],
        "note": f"diplowatch review: {shown}; {len(unreviewed)} other act(s) as extracted, not reviewed",
    }


def _right(review: dict) -> Triple:
    return (review["right_actor"] or review["actor"], review["target"], review["right_act"] or review["act"])


def export_labels(db: Database, out: TextIO) -> int:
    """Write the documents as JSONL; returns how many."""
    count = 0
    for document in labelled_documents(db):
        out.write(json.dumps(document, ensure_ascii=False) + "\n")
        count += 1
    return count
