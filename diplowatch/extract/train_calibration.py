"""Fit the confidence calibration (calibration.py) on labelled tuning documents.

    python -m diplowatch.extract.train_calibration FILE.jsonl... [--out PATH]

Every event the rules keep in a document becomes one example: its inputs (calibration.features)
and whether the document's labels hold it. A logistic regression with a light L2 penalty is
fitted by Newton's method (numpy, which matplotlib already brings; no random start, so the same
files give the same weights). Pass only documents the rules may be tuned on: the held-out fold
of a file is dropped here (folds.py), a file that is a held-out half of its own (its name begins
with "holdout") is refused, and one that is a tuning half of its own ("tune…") is used whole.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .calibration import WEIGHTS
from .evaluate import load
from .extractor import extract_candidates
from .folds import held_out_file, select, tuning_file

L2 = 1.0
ITERATIONS = 50


def tuning_documents(path: str) -> list[dict]:
    if held_out_file(path):
        raise ValueError(f"{path}: a held-out file is never trained on")
    docs = load(path)
    return docs if tuning_file(path) else select(docs, "tune")


def examples(paths: list[str]) -> tuple[list[dict[str, float]], list[int]]:
    rows, labels = [], []
    for path in paths:
        for doc in tuning_documents(path):
            gold = {(e["actor"], e["target"], e["act"]) for e in doc.get("events", [])}
            for _, f, inputs in extract_candidates(doc["text"], doc.get("lang")):
                rows.append(inputs)
                labels.append(int((f.actor, f.target, f.act) in gold))
    return rows, labels


def fit(rows: list[dict[str, float]], labels: list[int]) -> dict[str, float]:
    import numpy as np

    names = sorted({k for row in rows for k in row})
    x = np.array([[1.0] + [row.get(n, 0.0) for n in names] for row in rows])
    y = np.array(labels, dtype=float)
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * L2
    penalty[0, 0] = 0.0  # the bias is not shrunk
    for _ in range(ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x.T * (p * (1 - p))) @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return {"bias": round(float(w[0]), 6)} | {n: round(float(v), 6)
                                              for n, v in zip(names, w[1:], strict=True)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--out", default=str(WEIGHTS))
    args = parser.parse_args(argv)
    try:
        rows, labels = examples(args.files)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    if not rows or len(set(labels)) < 2:
        print("not enough examples: need right and wrong events", file=sys.stderr)
        return 1
    weights = fit(rows, labels)
    out = {"_comment": "Written by python -m diplowatch.extract.train_calibration from the "
                       "tuning documents (held-out fold excluded).",
           "examples": len(rows), "right": sum(labels), "weights": weights}
    Path(args.out).write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {args.out}: {len(rows)} events, {sum(labels)} right")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
