"""Scoring as docs/extraction.md describes it (the label format): micro P/R/F1 over (actor,
target, act) per document."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .gazetteer import find_mentions
from .normalize import clean_text, guess_lang
from .tokens import tokenize

Triple = tuple[str, str, str]
BASELINE_WORDS = re.compile(
    r"recogni|призна|визна|reconoc|reconna|anerkenn|reconhec|riconosc|uzna|призна", re.I)
ENTITY_CODES = {"PS", "TW", "EH", "XK"}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Triple], pred: set[Triple]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    overall: Counts = field(default_factory=Counts)
    by_lang: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_act: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_shape: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    empty_docs: int = 0
    empty_ok: int = 0
    errors: list[tuple[str, set[Triple], set[Triple]]] = field(default_factory=list)

    @property
    def no_event_rate(self) -> float:
        return self.empty_ok / self.empty_docs if self.empty_docs else 1.0


def load(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(docs: Iterable[dict], predict: Callable[[str, str | None], set[Triple]]) -> Report:
    report = Report()
    for doc in docs:
        gold = {(e["actor"], e["target"], e["act"]) for e in doc.get("events", [])}
        pred = predict(doc["text"], doc.get("lang"))
        report.overall.add(gold, pred)
        report.by_lang[doc.get("lang") or "?"].add(gold, pred)
        for act in {t[2] for t in gold | pred}:
            report.by_act[act].add({g for g in gold if g[2] == act}, {p for p in pred if p[2] == act})
        for name in shapes(gold):
            report.by_shape[name].add(gold, pred)
        if not gold:
            report.empty_docs += 1
            report.empty_ok += not pred
        if gold != pred:
            report.errors.append((doc.get("id", "?"), gold - pred, pred - gold))
    return report


def shapes(gold: set[Triple]) -> list[str]:
    """Slices of a document read from its labels alone, so that they can be reported on the
    held-out fold without reading its texts: how many events (one, a few, a list), which acts,
    background actors (several states for one target and act), entities acting."""
    size = len(gold)
    if not size:
        return []  # no-event documents have their own line (Report.no_event_rate)
    names = ["1 event" if size == 1 else "2-3 events" if size <= 3 else "list (4+ events)"]
    names += [f"has {act}" for act in sorted({t[2] for t in gold} - {"recognize"})]
    pairs: defaultdict[tuple[str, str], int] = defaultdict(int)
    for _, target, act in gold:
        pairs[target, act] += 1
    if any(n > 1 for n in pairs.values()):
        names.append("several actors, one act")
    if any(actor == actor.lower() or actor in ENTITY_CODES for actor, _, _ in gold):
        names.append("entity as actor")
    return names


BANDS = (0.45, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass
class Band:
    low: float
    high: float
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else float("nan")


def calibrate(docs: Iterable[dict],
              events: Callable[[str, str | None], list[tuple[Triple, float]]]) -> list[Band]:
    """Precision of the predicted events per confidence band [low, high): what a confidence
    means on these documents (the alert policy reads it on the held-out fold)."""
    bands = [Band(lo, hi) for lo, hi in zip(BANDS, BANDS[1:], strict=False)]
    for doc in docs:
        gold = {(e["actor"], e["target"], e["act"]) for e in doc.get("events", [])}
        for triple, conf in events(doc["text"], doc.get("lang")):
            band = next((b for b in bands if b.low <= conf < b.high), bands[-1])
            band.predicted += 1
            band.correct += triple in gold
    return bands


def baseline(text: str, lang: str | None) -> set[Triple]:
    """Keyword baseline: a recognition word → every state × entity pair, act recognize."""
    text = clean_text(text)
    if not BASELINE_WORDS.search(text):
        return set()
    lang = guess_lang(text, lang)
    mentions = find_mentions(tokenize(text), lang)
    states = {c for m in mentions if m.kind in ("state", "capital", "adj", "person")
              for c in m.codes if c not in ENTITY_CODES}
    entities = {c for m in mentions if m.kind in ("entity", "territory") for c in m.codes}
    return {(s, e, "recognize") for s in states for e in entities if s != e}
