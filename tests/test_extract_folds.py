"""The held-out fold: fixed, disjoint from tuning, split by address, every language represented."""

import hashlib

import pytest

from diplowatch.extract.evaluate import load
from diplowatch.extract.folds import holdout_urls, select
from tests.shared_files import SHARED

V2 = SHARED / "eval" / "v2"


def _docs(n: int, lang: str) -> list[dict]:
    return [{"id": f"{lang}-{i}", "lang": lang, "url": f"https://example.org/{lang}/{i}"}
            for i in range(n)]


def test_a_fifth_of_each_language_rounded_up():
    docs = _docs(10, "en") + _docs(3, "cs") + _docs(1, "nl")
    held = select(docs, "holdout")
    assert sorted(d["lang"] for d in held) == ["cs", "en", "en", "nl"]


def test_tune_and_holdout_partition_the_documents():
    docs = _docs(25, "fr") + _docs(7, "ka")
    tune, held = select(docs, "tune"), select(docs, "holdout")
    assert {d["id"] for d in tune} | {d["id"] for d in held} == {d["id"] for d in docs}
    assert not {d["id"] for d in tune} & {d["id"] for d in held}
    assert select(docs, "all") == docs


def test_documents_with_one_address_stay_together():
    docs = [dict(d, id=f"same-{i}", url="https://example.org/same")
            for i, d in enumerate(_docs(4, "ru"))] + _docs(6, "ru")
    held = {d["id"] for d in select(docs, "holdout")}
    same = {d["id"] for d in docs[:4]}
    assert same <= held or not same & held


def test_the_split_does_not_depend_on_order():
    docs = _docs(30, "es")
    assert holdout_urls(docs) == holdout_urls(list(reversed(docs)))


def test_the_shared_fold_is_the_recorded_one():
    """Guards the salt: a changed split would move tuned texts into the fold."""
    if not V2.exists():
        pytest.skip("shared eval v2 files not present")
    docs = load(str(V2 / "dev-en.jsonl")) + load(str(V2 / "dev-intl.jsonl"))
    ids = sorted(d["id"] for d in select(docs, "holdout"))
    assert len(ids) == 85
    digest = hashlib.sha256(" ".join(ids).encode()).hexdigest()[:16]
    assert digest == DIGEST


DIGEST = "9d73cf03442e30fd"


def test_a_file_can_be_a_held_out_or_a_tuning_part_of_its_own():
    from diplowatch.extract.folds import held_out_file, tuning_file

    assert held_out_file("tests/data/extract/fresh/holdout.jsonl")
    assert not held_out_file("tests/data/extract/fresh/tune.jsonl")
    assert tuning_file("tests/data/extract/fresh/tune.jsonl")
    assert not tuning_file("v2/dev-en.jsonl") and not held_out_file("v2/dev-en.jsonl")
