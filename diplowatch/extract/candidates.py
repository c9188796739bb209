"""Candidate events: what one trigger yields before merging, and how mentions pair into them."""

from __future__ import annotations

from dataclasses import dataclass

from .gazetteer import Mention
from .sentence import Sentence


@dataclass(frozen=True)
class Found:
    actor: str
    target: str
    act: str
    confidence: float
    sentence: int
    trigger: int


def pairs(actors: list[Mention], targets: list[Mention], act: str, conf: float,
          sent: Sentence, t: int) -> list[Found]:
    out = []
    for n, a in enumerate(actors):
        for tgt in targets:
            for ac in a.codes:
                for tc in tgt.codes:
                    if ac != tc:
                        out.append(Found(ac, tc, act, round(conf - 0.02 * min(n, 3), 3),
                                         sent.index, t))
    return out
