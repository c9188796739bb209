"""Taipei and Beijing: a recognition moved to Beijing, and the two halves of a switch."""

from __future__ import annotations

from .candidates import Found
from .doc import Sentence
from .gazetteer import Mention


def switched_to(sent: Sentence, t: int, hi: int) -> Mention | None:
    """'shifted their recognition to Beijing', 'trasladó su reconocimiento a Pekín': a verb of
    moving before the recognition noun and Beijing right after it name the switch away from
    Taipei. The Beijing mention, or None."""
    if not sent.has(t, "noun") and not sent.tokens[t].f.startswith("recognition"):
        return None
    if not any(sent.has(k, "switch") for k in range(max(0, t - 3), t)):
        return None
    return next((sent.mention_at[k] for k in range(t + 1, min(hi, t + 5))
                 if k in sent.mention_at and "CN" in sent.mention_at[k].codes), None)


def switch_halves(doc, sent: Sentence, found: list[Found], act: str, lo: int, hi: int) -> list[Found]:
    """Taiwan → Beijing: withdraw TW + recognize CN, whichever half the clause states; not
    when it 'still' recognizes, and Beijing itself never switches."""
    codes = {c for m in sent.mentions if lo <= m.start < hi for c in m.codes}
    one_china = any(sent.has(k, "one_china") for k in range(len(sent.tokens)))
    t = found[0].trigger if found else lo
    if any(sent.has(k, "still") for k in range(max(lo, t - 3), t)):
        codes.discard("CN")
        one_china = False
    out = []
    for f in found:
        if f.actor == "CN" and f.target in ("TW", "CN"):
            continue
        if f.target == "TW" and act in ("recognize", "withdraw") and ("CN" in codes or one_china):
            out.append(Found(f.actor, "TW", "withdraw", f.confidence, f.sentence, f.trigger))
            out.append(Found(f.actor, "CN", "recognize", f.confidence, f.sentence, f.trigger))
        elif f.target == "CN" and act == "recognize" and "TW" in codes:
            out.append(f)
            out.append(Found(f.actor, "TW", "withdraw", f.confidence - 0.05, f.sentence, f.trigger))
        else:
            out.append(f)
    return out


def taipei_halves(found: list[Found]) -> list[Found]:
    """A recognition moved to Beijing is also the withdrawal of Taipei's."""
    return [Found(f.actor, "TW", "withdraw", f.confidence - 0.05, f.sentence, f.trigger)
            for f in found if f.target == "CN"]
