"""Calibrated confidence: the model's file, its effect, and a reproducible fit."""

import json

from diplowatch.extract import calibration, extract
from diplowatch.extract.train_calibration import fit, main


def _inputs(score, **extra):
    return calibration.features(score=score, act="recognize", lang="en", actor="BI",
                                target="XK", sentence=0, events_in_text=1, noun=False,
                                quoted=False) | extra


def test_the_shipped_model_loads_and_orders_by_the_rules_score():
    assert calibration.WEIGHTS.exists()
    low, high = calibration.calibrate(_inputs(0.5)), calibration.calibrate(_inputs(0.92))
    assert 0 < low < high < 1


def test_events_carry_the_calibrated_confidence():
    [event] = extract("Burundi has recognized the Republic of Kosovo.", "en")
    expected = calibration.calibrate(_inputs(0.92, target_is_state=0.0))
    assert event.confidence == round(expected, 3)


def test_fit_is_deterministic_and_learns_the_direction():
    rows = [{"score": s / 10, "lang=en": 1.0} for s in range(10)] * 3
    labels = [int(s >= 5) for s in range(10)] * 3
    first, second = fit(rows, labels), fit(rows, labels)
    assert first == second
    assert first["score"] > 0


def test_training_refuses_files_with_one_kind_of_example(tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "a", "lang": "en", "url": "u", "events": [],
                                "text": "Rain fell."}) + "\n")
    assert main([str(path), "--out", str(tmp_path / "w.json")]) == 1
    assert not (tmp_path / "w.json").exists()


def test_training_refuses_a_held_out_file(tmp_path, capsys):
    path = tmp_path / "holdout.jsonl"
    path.write_text(json.dumps({"id": "a", "lang": "en", "url": "u", "text": "Rain fell.",
                                "events": []}) + "\n")
    assert main([str(path), "--out", str(tmp_path / "w.json")]) == 2
    assert "never trained on" in capsys.readouterr().err
    assert not (tmp_path / "w.json").exists()
