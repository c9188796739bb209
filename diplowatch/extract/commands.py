"""`diplowatch extract [FILE]` and `diplowatch eval FILE...` (wired by cli.py)."""

from __future__ import annotations

import json
import logging
from typing import TextIO

from .evaluate import Band, Counts, Report, baseline, calibrate, load, score
from .extractor import extract
from .folds import held_out_file, select

log = logging.getLogger(__name__)


def run_extract(infile: TextIO, outfile: TextIO) -> int:
    """JSONL in ({"id", "text", "lang"?}) → JSONL out, one line per input line, in order."""
    for lineno, line in enumerate(infile, 1):
        if not line.strip():
            continue
        outfile.write(json.dumps(_extract_line(line, lineno), ensure_ascii=False) + "\n")
    outfile.flush()
    return 0


def _extract_line(line: str, lineno: int) -> dict:
    try:
        item = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        return {"id": None, "events": [], "error": f"line {lineno}: invalid JSON ({exc})"}
    if not isinstance(item, dict):
        return {"id": None, "events": [], "error": f"line {lineno}: expected a JSON object"}
    ident = item.get("id")
    text, lang = item.get("text"), item.get("lang")
    if not isinstance(text, str):
        return {"id": ident, "events": [], "error": f"line {lineno}: \"text\" must be a string"}
    if lang is not None and not isinstance(lang, str):
        lang = None
    try:
        events = extract(text, lang)
    except Exception as exc:  # one bad statement must not stop the batch
        log.exception("extract failed line=%s", lineno)
        return {"id": ident, "events": [], "error": f"line {lineno}: extraction failed ({exc})"}
    return {"id": ident, "events": [e.as_json() for e in events]}


def predict(text: str, lang: str | None) -> set[tuple[str, str, str]]:
    return {(e.actor, e.target, e.act) for e in extract(text, lang)}


def _isolated(failed: list[int]):
    """predict, but a bug on one document scores it as no events (counted in ``failed``, the
    traceback logged, the text not shown) instead of ending the whole evaluation."""
    def run(text: str, lang: str | None) -> set[tuple[str, str, str]]:
        try:
            return predict(text, lang)
        except Exception:
            log.exception("extraction failed on one labelled document")
            failed.append(1)
            return set()
    return run


def scored_events(text: str, lang: str | None) -> list[tuple[tuple[str, str, str], float]]:
    return [((e.actor, e.target, e.act), e.confidence) for e in extract(text, lang)]


def run_eval(paths: list[str], outfile: TextIO, *, fold: str = "all", errors: bool = False,
             bands: bool = False) -> int:
    """Scores of the extractor and of the keyword baseline on labelled JSONL files.

    `fold` keeps the tuning or the held-out documents of each file (folds.py); `errors` lists
    the documents scored wrong, by id, and is refused on the held-out fold and on a file that
    is a held-out fold of its own (its name begins with "holdout", as the fresh set's does).
    """
    if errors and (fold == "holdout" or any(held_out_file(p) for p in paths)):
        outfile.write("--errors is not shown for the held-out fold: its texts stay unread\n")
        return 2
    for path in paths:
        try:
            docs = select(load(path), fold)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            outfile.write(f"{path}: cannot read ({exc})\n")
            return 1
        failed: list[int] = []
        ours = score(docs, _isolated(failed))
        outfile.write(render(f"{path} ({fold}, {len(docs)} documents)", ours, score(docs, baseline)))
        if failed:
            outfile.write(f"{len(failed)} document(s) could not be read by the extractor and were "
                          "scored as giving no events; the error is in the log.\n\n")
        if bands:
            outfile.write(render_bands(calibrate(docs, scored_events)))
        if errors:
            outfile.write(render_errors(ours))
    return 0


def render_bands(bands: list[Band]) -> str:
    lines = ["| confidence | events | correct | precision |", "| --- | --- | --- | --- |"]
    for b in bands:
        precision = f"{b.precision:.3f}" if b.predicted else "-"
        lines.append(f"| {b.low:.2f}–{b.high:.2f} | {b.predicted} | {b.correct} | {precision} |")
    return "\n".join(lines) + "\n\n"


def render_errors(report: Report) -> str:
    lines = ["| id | missed | spurious |", "| --- | --- | --- |"]
    for ident, missed, spurious in report.errors:
        lines.append(f"| {ident} | {_triples(missed)} | {_triples(spurious)} |")
    return "\n".join(lines) + "\n\n"


def _triples(triples: set[tuple[str, str, str]]) -> str:
    return ", ".join(" ".join(t) for t in sorted(triples)) or "-"


def _row(name: str, ours: Counts, base: Counts) -> str:
    return (f"| {name} | {ours.precision:.3f} | {ours.recall:.3f} | **{ours.f1:.3f}** | "
            f"{base.precision:.3f} | {base.recall:.3f} | {base.f1:.3f} |")


def render(path: str, ours: Report, base: Report) -> str:
    lines = [f"## {path}", "",
             "| slice | P | R | F1 | baseline P | baseline R | baseline F1 |",
             "| --- | --- | --- | --- | --- | --- | --- |",
             _row("overall", ours.overall, base.overall)]
    lines += [_row(f"lang {k}", ours.by_lang[k], base.by_lang[k]) for k in sorted(ours.by_lang)]
    acts = sorted(set(ours.by_act) | set(base.by_act))
    lines += [_row(f"act {k}", ours.by_act[k], base.by_act[k]) for k in acts]
    lines += [_row(f"shape {k}", ours.by_shape[k], base.by_shape[k]) for k in sorted(ours.by_shape)]
    lines += ["", f"No-event texts with no event produced: {ours.empty_ok}/{ours.empty_docs} "
              f"({ours.no_event_rate:.1%}); baseline {base.empty_ok}/{base.empty_docs} "
              f"({base.no_event_rate:.1%})", ""]
    return "\n".join(lines) + "\n"
