"""Calibrated confidence: the rules' score, re-weighted by a small logistic model.

The rules give every event a score from what made its reading less certain (noun trigger,
pronoun actor, distance, background). That score ranks events but does not say how often they
are right, and the rate differs by language and by act. A logistic model over the score and a
few features of the event, fitted on the tuning documents only (train_calibration.py), turns it
into a probability of being right. Its weights are a small JSON file read once; without the
file the rules' score is used as it is. Nothing here decides whether an event exists: the rules
do (MIN_CONFIDENCE applies to their score), the model only says how sure to be.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "calibration.json"
GROUPS = {"en": "en", "de": "germanic", "nl": "germanic", "es": "romance", "fr": "romance",
          "it": "romance", "pt": "romance", "ro": "romance", "ru": "east_slavic",
          "uk": "east_slavic", "bg": "south_slavic", "sr": "south_slavic", "pl": "west_slavic",
          "cs": "west_slavic"}


def features(*, score: float, act: str, lang: str | None, actor: str, target: str,
             sentence: int, events_in_text: int, noun: bool, quoted: bool) -> dict[str, float]:
    """The model's inputs for one event (names are the weights file's keys)."""
    group = GROUPS.get(lang or "", "other")
    return {
        "score": score,
        f"act={act}": 1.0,
        f"lang={group}": 1.0,
        "actor_is_entity": float(actor.islower()),
        "target_is_state": float(target.isupper() and target not in ("PS", "TW", "EH", "XK")),
        "later_sentence": float(sentence > 0),
        "many_events": math.log1p(events_in_text),
        "noun_trigger": float(noun),
        "quoted": float(quoted),
    }


@cache
def _weights() -> dict[str, float] | None:
    try:
        data = json.loads(WEIGHTS.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return {k: float(v) for k, v in data["weights"].items()}


def calibrate(inputs: dict[str, float]) -> float:
    """Probability that the event is right; the rules' score when no model is installed."""
    weights = _weights()
    if weights is None:
        return inputs["score"]
    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in inputs.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
