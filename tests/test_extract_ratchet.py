"""Scores on the shared labelled files must not fall below the best recorded figures.

Two kinds of figure are ratcheted: the dev score (the first dev files and the tuning part of the
second set, which the rules were written from) and the held-out fold of the second set
(`diplowatch.extract.folds`), whose texts no rule was written from: it predicts what users see.
"""

import json
from pathlib import Path

import pytest

from diplowatch.extract.commands import predict
from diplowatch.extract.evaluate import load, score
from diplowatch.extract.folds import select

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
RATCHET = Path(__file__).parent / "data" / "extract" / "ratchet.json"
TOLERANCE = 1e-9
SETS = {  # name: (file, fold)
    "en": ("dev-en.jsonl", "all"),
    "intl": ("dev-intl.jsonl", "all"),
    "v2_tune_en": ("v2/dev-en.jsonl", "tune"),
    "v2_tune_intl": ("v2/dev-intl.jsonl", "tune"),
    "v2_holdout_en": ("v2/dev-en.jsonl", "holdout"),
    "v2_holdout_intl": ("v2/dev-intl.jsonl", "holdout"),
}


@pytest.fixture(scope="module")
def reports():
    if not (EVAL / "v2" / "dev-en.jsonl").exists():
        pytest.skip("shared eval files (../shared/eval, ../shared/eval/v2) not present")
    return {name: score(select(load(str(EVAL / path)), fold), predict)
            for name, (path, fold) in SETS.items()}


@pytest.mark.parametrize("name", list(SETS))
def test_f1_does_not_regress(reports, name):
    best = json.loads(RATCHET.read_text("utf-8"))
    assert reports[name].overall.f1 >= best[f"f1_{name}"] - TOLERANCE, name


@pytest.mark.parametrize("group", ["dev", "holdout"])
def test_no_event_rate_does_not_regress(reports, group):
    best = json.loads(RATCHET.read_text("utf-8"))
    names = [n for n in SETS if ("holdout" in n) == (group == "holdout")]
    empty = sum(reports[n].empty_docs for n in names)
    ok = sum(reports[n].empty_ok for n in names)
    assert ok / empty >= best[f"no_event_rate_{group}"] - TOLERANCE


def test_first_dev_targets_met(reports):
    assert reports["en"].overall.f1 >= 0.90
    assert reports["intl"].overall.f1 >= 0.85
