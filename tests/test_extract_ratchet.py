"""Scores on the shared dev files must not fall below the best recorded figures."""

import json
from pathlib import Path

import pytest

from diplowatch.extract.commands import predict
from diplowatch.extract.evaluate import load, score

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
RATCHET = Path(__file__).parent / "data" / "extract" / "ratchet.json"
TOLERANCE = 1e-9


@pytest.fixture(scope="module")
def reports():
    if not (EVAL / "dev-en.jsonl").exists():
        pytest.skip("shared eval files not present")
    return {name: score(load(str(EVAL / f"dev-{name}.jsonl")), predict) for name in ("en", "intl")}


def test_f1_does_not_regress(reports):
    best = json.loads(RATCHET.read_text("utf-8"))
    for name, report in reports.items():
        assert report.overall.f1 >= best[f"f1_{name}"] - TOLERANCE, name


def test_no_event_rate_does_not_regress(reports):
    best = json.loads(RATCHET.read_text("utf-8"))
    empty = sum(r.empty_docs for r in reports.values())
    ok = sum(r.empty_ok for r in reports.values())
    assert ok / empty >= best["no_event_rate"] - TOLERANCE


def test_targets_met(reports):
    assert reports["en"].overall.f1 >= 0.90
    assert reports["intl"].overall.f1 >= 0.85
