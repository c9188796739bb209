"""The `diplowatch extract` / `diplowatch eval` contracts."""

import io
import json

from diplowatch.extract.commands import run_eval, run_extract
from diplowatch.extract.evaluate import baseline


def run(lines):
    out = io.StringIO()
    assert run_extract(io.StringIO("\n".join(lines) + "\n"), out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_one_output_line_per_input_in_order():
    rows = run([
        json.dumps({"id": 1, "text": "Burundi has recognized Kosovo.", "lang": "en"}),
        json.dumps({"id": "b", "text": "Nothing here."}),
    ])
    assert [r["id"] for r in rows] == [1, "b"]
    [event] = rows[0]["events"]
    assert (event["actor"], event["target"], event["act"]) == ("BI", "XK", "recognize")
    assert set(event) == {"actor", "target", "act", "evidence", "confidence"}
    assert rows[1] == {"id": "b", "events": []}


def test_bad_lines_get_an_error_and_processing_continues():
    rows = run(["{not json", json.dumps([1, 2]), json.dumps({"id": 7, "text": 5}),
                json.dumps({"id": 8, "text": "ok", "lang": 3}), json.dumps({"id": 9, "text": ""})])
    assert rows[0]["id"] is None and rows[0]["events"] == [] and "invalid JSON" in rows[0]["error"]
    assert rows[1]["id"] is None and "object" in rows[1]["error"]
    assert rows[2]["id"] == 7 and "text" in rows[2]["error"]
    assert rows[3] == {"id": 8, "events": []}
    assert rows[4] == {"id": 9, "events": []}


def test_eval_reports_ours_and_baseline(tmp_path):
    path = tmp_path / "gold.jsonl"
    docs = [
        {"id": "1", "lang": "en", "text": "Burundi has recognized Kosovo.",
         "events": [{"actor": "BI", "target": "XK", "act": "recognize"}]},
        {"id": "2", "lang": "en", "text": "Serbia urged Burundi to recognize Kosovo.", "events": []},
    ]
    path.write_text("\n".join(json.dumps(d) for d in docs), "utf-8")
    out = io.StringIO()
    assert run_eval([str(path)], out) == 0
    report = out.getvalue()
    assert "| overall | 1.000 | 1.000 | **1.000** |" in report
    assert "lang en" in report and "act recognize" in report
    assert "No-event texts with no event produced: 1/1 (100.0%)" in report


def test_eval_missing_file(tmp_path):
    out = io.StringIO()
    assert run_eval([str(tmp_path / "nope.jsonl")], out) == 1
    assert "cannot read" in out.getvalue()


def test_keyword_baseline_pairs_every_state_with_every_entity():
    assert baseline("Serbia urged Burundi to recognize Kosovo.", "en") == {
        ("RS", "XK", "recognize"), ("BI", "XK", "recognize")}
    assert baseline("Serbia and Kosovo met.", "en") == set()


def _labelled(tmp_path, n=10):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps({
        "id": f"d{i}", "lang": "en", "url": f"https://example.org/{i}",
        "text": "Burundi has recognized Kosovo.", "events": []}) for i in range(n)) + "\n")
    return path


def test_eval_scores_one_fold_and_lists_its_errors(tmp_path):
    out = io.StringIO()
    assert run_eval([str(_labelled(tmp_path))], out, fold="tune", errors=True) == 0
    report = out.getvalue()
    assert "(tune, 8 documents)" in report
    assert report.count("BI XK recognize") == 8  # each spurious event listed by document


def test_eval_never_lists_the_held_out_documents(tmp_path):
    out = io.StringIO()
    assert run_eval([str(_labelled(tmp_path))], out, fold="holdout", errors=True) == 2
    assert "held-out" in out.getvalue() and "BI XK" not in out.getvalue()


def test_eval_never_lists_the_documents_of_a_held_out_file(tmp_path):
    held = tmp_path / "holdout.jsonl"
    _labelled(tmp_path).rename(held)
    out = io.StringIO()
    assert run_eval([str(held)], out, errors=True) == 2
    assert "held-out" in out.getvalue() and "BI XK" not in out.getvalue()
    assert run_eval([str(held)], io.StringIO()) == 0  # its scores are shown, not its texts


def test_eval_reports_precision_per_confidence_band(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "lang": "en", "text": "Burundi has recognized Kosovo.",
                                "events": [{"actor": "BI", "target": "XK", "act": "recognize"}]})
                    + "\n" + json.dumps({"id": "b", "lang": "en", "events": [],
                                         "text": "Togo has recognized Kosovo."}) + "\n")
    out = io.StringIO()
    assert run_eval([str(path)], out, bands=True) == 0
    row = next(line for line in out.getvalue().splitlines() if line.startswith("| 0.90"))
    assert row == "| 0.90–1.00 | 2 | 1 | 0.500 |"


def test_shapes_are_read_from_the_labels_alone():
    from diplowatch.extract.evaluate import shapes
    assert shapes(set()) == []
    assert shapes({("BI", "XK", "recognize")}) == ["1 event"]
    listed = {(s, "XK", "withdraw") for s in ("BI", "TG", "GH", "SR")} | {("abkhazia", "transnistria", "recognize")}
    assert shapes(listed) == ["list (4+ events)", "has withdraw", "several actors, one act",
                              "entity as actor"]
    assert shapes({("UZ", "abkhazia", "reject"), ("UZ", "transnistria", "reject")}) == [
        "2-3 events", "has reject"]


def test_eval_scores_a_document_the_extractor_fails_on_as_no_events(tmp_path, monkeypatch):
    from diplowatch.extract import commands

    def broken(text, lang):
        raise IndexError("a bug")
    monkeypatch.setattr(commands, "extract", broken)
    out = io.StringIO()
    assert run_eval([str(_labelled(tmp_path, n=3))], out) == 0
    report = out.getvalue()
    assert "3 document(s) could not be read by the extractor" in report
    assert "Burundi" not in report  # the texts are not shown
