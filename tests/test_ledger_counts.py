"""Honest counts: status from each state's last dated act, undated claims apart, non-UN apart.

The targets are the issue's, on a fresh database seeded with the bundled history.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest

from diplowatch import ledger
from diplowatch.store import open_db

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
HEADER = "actor,target,act,date,date_precision,source_url,note\n"


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "ledger.db")
    ledger.load_seed(db, now=NOW)
    yield db
    db.close()


@pytest.fixture
def empty(tmp_path):
    db = open_db(tmp_path / "empty.db")
    yield db
    db.close()


def load(db, rows: str):
    return ledger.import_csv(db, io.StringIO(HEADER + rows), now=NOW, origin="manual")


def test_kosovo_counts_last_dated_acts_and_shows_undated_claims_apart(db):
    summary = ledger.summary_of(db, "XK")
    assert summary.status.un_count == 99
    claims = [c for c in summary.claims if c.un_member]
    assert len(claims) == 9 and {c.act for c in claims} == {"withdraw"}
    assert {c.attribution for c in claims} == {"Serbian President Vucic on 2023-01-04"}
    assert not {c.actor for c in claims} & {f.actor for f in summary.status.withdrew}
    assert [(f.actor, f.since) for f in summary.latest[:1]] == [("KE", date(2025, 3, 26))]
    others = {f.actor for f in summary.status.recognizes if not f.un_member}
    assert others == {"TW", "CK", "NU"}


def test_palestine_and_taiwan_targets(db):
    assert ledger.status_of(db, "PS").un_count == 157
    taiwan = ledger.status_of(db, "TW")
    assert taiwan.un_count == 11
    assert [f.actor for f in taiwan.recognizes if not f.un_member] == ["VA"]


def test_undated_withdrawal_never_sets_the_status(db):
    status = ledger.status_of(db, "EH")
    south_sudan = [f for f in status.recognizes if f.actor == "SS"]
    assert south_sudan and south_sudan[0].since == date(2022, 9, 20)  # its last dated act
    assert [c.actor for c in ledger.summary_of(db, "EH").claims] == ["SS"]


def test_undated_acts_alone(empty):
    load(empty, "KP,somaliland,recognize,,unknown,https://example.org/a,\n"
                "VE,somaliland,withdraw,,unknown,https://example.org/b,claimed by somebody; more\n")
    summary = ledger.summary_of(empty, "somaliland")
    assert [(f.actor, f.since) for f in summary.status.recognizes] == [("KP", None)]
    assert summary.status.withdrew == [] and [c.actor for c in summary.claims] == ["VE"]
    assert summary.claims[0].attribution == "somebody"
    assert summary.latest == []  # nothing dated changed


def test_a_dated_withdrawal_after_an_undated_claim_counts(empty):
    load(empty, "VE,somaliland,recognize,2020-01-01,year,https://example.org/a,\n"
                "VE,somaliland,withdraw,,unknown,https://example.org/b,\n")
    assert ledger.status_of(empty, "somaliland").un_count == 1
    load(empty, "VE,somaliland,withdraw,2021-05-01,month,https://example.org/c,\n")
    summary = ledger.summary_of(empty, "somaliland")
    assert summary.status.un_count == 0 and summary.claims == []  # the claim is moot now
    assert [(f.actor, f.until, f.until_precision) for f in summary.status.withdrew] == [
        ("VE", date(2021, 5, 1), "month")]


def test_as_of_is_the_newest_dated_fact_and_the_baseline_is_counted(db):
    summary = ledger.summary_of(db, "XK")
    assert summary.as_of == date(2025, 12, 26)  # Israel–Somaliland, the newest act in the seed
    assert (summary.baseline.seed, summary.baseline.manual, summary.baseline.extracted) == (147, 0, 0)


def test_entity_with_no_data(empty):
    summary = ledger.summary_of(empty, "crimea")
    assert summary.empty and summary.as_of is None


def test_entity_actor_and_state_acts_are_ordered_by_date_with_withdrawals(db):
    abkhazia = ledger.acts_of(db, "abkhazia")  # an entity as the actor
    assert [(f.target, f.status) for f in abkhazia] == [
        ("artsakh", "recognizes"), ("south-ossetia", "recognizes"), ("transnistria", "recognizes")]
    ghana = [(f.target, f.status, f.until or f.since) for f in ledger.acts_of(db, "GH")]
    assert ghana == [("PS", "recognizes", date(1988, 11, 29)), ("EH", "recognizes", date(2011, 9, 8)),
                     ("XK", "withdrew", date(2019, 11, 11))]


def test_state_that_recognizes_nothing(db):
    assert ledger.acts_of(db, "GR") == []
