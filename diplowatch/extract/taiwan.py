"""Taipei and Beijing: breaks with Taipei, a recognition moved to Beijing, and the two halves
of a switch."""

from __future__ import annotations

from .candidates import Found
from .gazetteer import Mention
from .lexicon.asia_mideast import VERB_FINAL
from .sentence import Sentence


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


_PARTNER_BEFORE = VERB_FINAL | {"zh"}  # 'X与台湾断交': the partner before the verb


def taiwan_ties(sent: Sentence, k: int) -> bool:
    """A break with Taiwan: a severing word with Taiwan and a ties word in its clause ('cut
    diplomatic ties with Taipei'), or with Taiwan as its object, right after it or after a
    preposition ('broke with Taipei', 'cortó con Taiwán', 'a lâché Taïwan')."""
    lo, hi = sent.clause_range(k)
    taiwan = [m.start for m in sent.mentions if "TW" in m.codes and lo <= m.start < hi]
    if taiwan and (any(sent.has(j, "ties") for j in range(lo, hi))
                   or any(k < start <= k + 3 for start in taiwan)):
        return True
    if sent.lang in _PARTNER_BEFORE and any(start < k for start in taiwan):
        # '与台湾断交', '대만과 단교했다': the partner stands before the verb; so does Taipei as
        # the subject ('台湾外交部宣布与瑙鲁断交', ties.broken_by_taipei)
        return True
    # 'la ruptura de las relaciones que sostenía con Taiwán': the ties noun right after the
    # severing word, Taiwan in the relative clause that describes them
    ties = next((j for j in range(k + 1, min(hi, k + 5)) if sent.has(j, "ties")), None)
    return ties is not None and any(
        "TW" in m.codes and ties < m.start <= ties + 8 for m in sent.mentions)


def for_beijing(sent: Sentence, found: list[Found]) -> list[Found]:
    """Breaking with Taipei where the sentence names Beijing ('in favour of Beijing',
    'and established ties with the PRC') is the switch: its other half is recognize CN."""
    if not any("CN" in m.codes for m in sent.mentions):
        return []
    return [Found(f.actor, "CN", "recognize", f.confidence - 0.05, f.sentence, f.trigger)
            for f in found if f.actor != "CN"]


def to_beijing(sent: Sentence, k: int) -> bool:
    """English 'Costa Rica switched to Beijing in 2007', 'Nauru's switch to Beijing': a switch
    towards Beijing with no word for Taipei is the whole switch away from it. Beijing names
    the government; 'switched to China' needs a word of diplomacy in the sentence ('switched
    to China as its main market' is trade)."""
    if sent.lang not in (None, "en") or not sent.tokens[k].f.startswith("switch"):
        return False
    for j in range(k + 1, min(len(sent.tokens) - 1, k + 5)):
        if sent.tokens[j].f == "to":
            nxt = j + 2 if sent.tokens[j + 1].f == "the" and j + 2 in sent.mention_at else j + 1
            m = sent.mention_at.get(nxt)
            return m is not None and "CN" in m.codes and (m.kind == "capital" or _diplomatic(sent))
        if j in sent.mention_at:
            return False
    return False


def _diplomatic(sent: Sentence) -> bool:
    return any(sent.has(k, "ties") or sent.has(k, "trigger") or sent.tokens[k].f == "allegiance"
               for k in range(len(sent.tokens)))
