"""ledger/jsondump.py: the JSON dump holds statuses and the whole log; the datasette metadata
(the other outside view of the same tables) names their columns."""

from __future__ import annotations

import io
import json
from importlib import resources

import pytest

from diplowatch.ledger import jsondump
from tests.test_ledger_csvfile import recorded_ledger


@pytest.fixture
def db(tmp_path):
    db = recorded_ledger(tmp_path / "ledger.db")
    yield db
    db.close()


def test_json_export_holds_statuses_and_the_whole_log(db):
    out = io.StringIO()
    count = jsondump.export_json(db, out)
    data = json.loads(out.getvalue())
    assert data["format"] == "diplowatch-ledger" and len(data["events"]) == count
    assert [(e["actor"], e["act"]) for e in data["events"] if e["held"]] == [("TV", "recognize")]
    kp = [r for r in data["recognitions"] if (r["actor"], r["target"]) == ("KP", "donetsk-pr")]
    assert kp[0]["status"] == "recognizes" and kp[0]["since"] == "2022-07-13"
    assert all(isinstance(e["official"], bool) for e in data["events"])


def test_datasette_metadata_is_valid_json_with_the_canned_query():
    meta = json.loads((resources.files("diplowatch") / "data" / "datasette-metadata.json").read_text())
    database = meta["databases"]["diplowatch"]
    query = database["queries"]["who_recognizes"]
    assert ":target" in query["sql"]
    assert set(database["tables"]) >= {"events", "recognitions"}
    columns = database["tables"]["events"]["columns"]
    assert {"actor", "target", "act", "mention_of", "sort_key", "held"} <= set(columns)
