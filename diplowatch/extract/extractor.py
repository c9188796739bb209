"""extract(text, lang) → [Event]: the pure entry point of the recognition extractor.

Pipeline: clean → cheap regex pre-filter (stems.py: no recognition word → []) → sentence
split → per candidate sentence (document.py, sentence.py): tokens, gazetteer mentions, cue
tags, clauses → one analysis per trigger word (rules.py; breaks with Taipei in taiwan.py;
'did so' and 'each other' here) → merge duplicates keeping the highest confidence, which
confidence.py calibrates.
"""

from __future__ import annotations

import re

from ..models import Event
from .candidates import Found
from .confidence import calibration_inputs, event_confidence
from .document import Doc
from .gapping import dash_gapped_actors, followed, gapped_actors
from .gazetteer import Mention
from .lexicon import get_lexicon
from .normalize import clean_text, guess_lang
from .pro_verbs_en import (
    JOIN_REACH,
    join_list,
    numbered_parties,
    ordinal_pro_verb,
    reversed_decision,
)
from .roles import ACTOR_KINDS, TARGET_KINDS, Actors, trailing_background
from .romance_syntax import called_infinitive, inverted_after_pro_verb, past_anaphor, relative_after
from .rules import analyse, find_actors
from .scope import scope_of
from .sentence import Sentence
from .stems import cued, lang_from_stem
from .taiwan import for_beijing, taiwan_ties, to_beijing
from .ties import beijing_half, broken_by_taipei, established, establishes

MAX_TEXT = 2_000_000  # characters; beyond that the tail is ignored
MAX_TRIGGERS = 400  # per text: bounds work on adversarial input
MIN_CONFIDENCE = 0.45
ANAPHORA_REACH = 2  # sentences after an act in which 'did so' can still repeat it
EVIDENCE_CHARS = 300


def extract(text: str, lang: str | None = None) -> list[Event]:
    """Recognition events stated in text, with calibrated confidence (calibration.py)."""
    return [Event(f.actor, f.target, f.act, _evidence(doc, f), event_confidence(doc, f, x))
            for doc, f, x in extract_candidates(text, lang)]


def extract_candidates(text: str, lang: str | None = None) -> list[tuple[Doc, Found, dict]]:
    """The events the rules keep, each with the calibration model's inputs."""
    if not text or not isinstance(text, str):
        return []
    text = clean_text(text[:MAX_TEXT])
    if not cued(text):
        return []
    lang = guess_lang(text, lang) or lang_from_stem(text)
    doc = Doc(text, lang, get_lexicon(lang))
    found: list[Found] = []
    budget = MAX_TRIGGERS
    follows = 0  # the two sentences after a trigger may say "… took the same decision"
    for i, (start, end) in enumerate(doc.spans):
        if budget <= 0:
            break
        hit = cued(text[start:end])
        if not (hit or follows):
            continue
        follows = ANAPHORA_REACH if hit else follows - 1
        if _question(text[start:end], lang):
            continue
        sent = doc.sentence(i)
        for t in _triggers(sent):
            budget -= 1
            found.extend(_analyse_one(doc, sent, t))
    return _merge(doc, found)


def _question(sentence: str, lang: str | None) -> bool:
    """'Does Belarus recognize Abkhazia?', '¿Reconoce…?': a question asserts nothing.
    Greek writes its question mark as ';' (U+037E, which NFC turns into ';'); Armenian writes
    '՞' on the stressed vowel of the word asked about ('ճանաչո՞ւմ է')."""
    stripped = sentence.strip().rstrip("\"'»”)]")
    marks = ("?", "？", "؟", ";") if lang == "el" else ("?", "？", "؟")
    return (stripped.endswith(marks) or sentence.lstrip().startswith("¿") or "՞" in sentence
            or _QUESTION_WORD.match(sentence.lstrip()) is not None)


# Yes/no questions opened by a particle, often written without a question mark in headlines.
_QUESTION_WORD = re.compile(r"(?:هل|وهل|האם)\s")


def _triggers(sent: Sentence) -> list[int]:
    out = []
    for k in range(len(sent.tokens)):
        if sent.lang == "zh" and not (sent.has(k, "trigger^") or sent.has(k, "sever^")
                                      or sent.has(k, "anaphor_act^") or sent.has(k, "establish^")
                                      or sent.has(k, "establish_self^")):
            continue  # a Chinese cue is a phrase of characters: its first one is the trigger
        if (sent.has(k, "trigger") and not sent.has(k, "trigger_not") or sent.has(k, "anaphor_act^")
                or (sent.has(k, "sever") and (taiwan_ties(sent, k) or to_beijing(sent, k)))
                or establishes(sent, k)
                or followed(sent, k) or reversed_decision(sent, k) or join_list(sent, k)
                or ordinal_pro_verb(sent, k)):
            out.append(k)
    return out


def _analyse_one(doc: Doc, sent: Sentence, t: int) -> list[Found]:
    if sent.has(t, "trigger"):
        found = analyse(doc, sent, t)
        return found + _mutual(doc, sent, t)
    if sent.has(t, "sever"):
        taiwan = [m for m in sent.mentions if "TW" in m.codes][:1]
        if to_beijing(sent, t) and not taiwan_ties(sent, t):
            return _switched(doc, sent, t)
        found = [f for f in _special(doc, sent, t, taiwan, "withdraw") if f.actor != "CN"]
        found = found or broken_by_taipei(doc, sent, t)
        return found + (for_beijing(sent, found) if beijing_half(sent) else [])
    if sent.has(t, "establish") or sent.has(t, "establish_self"):
        return established(doc, sent, t)
    if join_list(sent, t):  # a list of states, read one sentence further than 'did so'
        return _joined(doc, sent, t) if doc.last_sentence >= sent.index - JOIN_REACH else []
    if doc.last_sentence < sent.index - ANAPHORA_REACH:
        return []  # 'did so' far from any act repeats nothing
    if reversed_decision(sent, t):  # 'Tuvalu reversed its decision': the last recognition undone
        return _special(doc, sent, t, doc.last_targets, "withdraw") if doc.last_act == "recognize" else []
    return _special(doc, sent, t, doc.last_targets, doc.last_act)


def _joined(doc: Doc, sent: Sentence, t: int) -> list[Found]:
    """'Syria joins Russia, Nicaragua and Nauru, as well as Venezuela': the states listed
    after 'joins', and its subject, did the last act (pro_verbs_en.join_list)."""
    lo, hi = sent.clause_range(t)
    scope = scope_of(sent, t, lo, hi)
    if scope.call or scope.modal or scope.neg or not doc.last_targets:
        return []
    mentions = find_actors(doc, sent, t, hi).mentions + join_list(sent, t)
    return [Found(a, tc, doc.last_act, 0.7, sent.index, t) for m in mentions for a in m.codes
            for tgt in doc.last_targets for tc in tgt.codes if a != tc]


def _special(doc: Doc, sent: Sentence, t: int, targets: list[Mention], act: str) -> list[Found]:
    """Severed ties with Taiwan (withdraw TW) and 'X have done so' (repeat the last act)."""
    lo, hi = sent.clause_range(t)
    scope = scope_of(sent, t, lo, hi)
    if scope.call or scope.modal or scope.neg or not targets or called_infinitive(sent, t - 1):
        return []
    if any(sent.has(k, "reacts") for k in range(lo, t)):
        return []  # 'Israel kritisierte diesen Schritt': the step is what the subject reacts to
    actors: Actors = find_actors(doc, sent, t, hi)
    relative = following_actors(doc, sent, t) if relative_after(sent, t) else []
    mentions = (relative or inverted_after_pro_verb(doc, sent, t) or actors.mentions
                or actors.entity_group or following_actors(doc, sent, t))
    if mentions:  # 'Venezuela followed a year later, and Nauru in December 2009'
        mentions = mentions + gapped_actors(doc, sent, t, passive=False)
    mentions = mentions + dash_gapped_actors(doc, sent, t)  # '…, а Швеция — в 2014-м'
    if mentions:  # 'the fifth state to take this step, after Russia and Nauru'
        mentions = mentions + actors.background + trailing_background(doc, sent, t)
    return [Found(a, tc, act, 0.7, sent.index, t) for m in mentions for a in m.codes
            for tgt in targets for tc in tgt.codes if a != tc]


def _switched(doc: Doc, sent: Sentence, t: int) -> list[Found]:
    """'Costa Rica switched to Beijing', 'after Nauru's switch to Beijing': withdraw TW and
    recognize CN for the state that switched."""
    lo, hi = sent.clause_range(t)
    scope = scope_of(sent, t, lo, hi)
    if scope.call or scope.modal or scope.neg or scope.hedge:
        return []
    owner = sent.mention_end.get(t - 2) if t >= 2 and sent.tokens[t - 1].text in ("'s", "'") else None
    mentions = [owner] if owner is not None else find_actors(doc, sent, t, hi).mentions
    codes = [c for m in mentions if m.kind in ACTOR_KINDS for c in m.codes if c not in ("CN", "TW")]
    return [Found(c, tgt, act, 0.7, sent.index, t) for c in codes
            for tgt, act in (("TW", "withdraw"), ("CN", "recognize"))]


def following_actors(doc: Doc, sent: Sentence, t: int) -> list[Mention]:
    """'had already taken this step: Sweden and Malta', 'это сделали Никарагуа и Венесуэла':
    the subject after the pro-verb (a list after a colon, or an inverted subject; a relative
    clause's subject after its verb and auxiliary)."""
    k = past_anaphor(sent, t)
    for j in range(k, min(len(sent.tokens), k + (7 if relative_after(sent, t) else 4))):
        m = sent.mention_at.get(j)
        if m is not None:
            group = doc.groups(sent)[m.start]
            return [g for g in group if g.kind in ACTOR_KINDS]
    return []


_DUAL = frozenset({"two", "both", "оба", "обе", "две", "два", "обидві", "обидва", "дві", "dos",
                   "ambos", "ambas", "deux", "beide", "entrambi", "entrambe", "dois",
                   "duas", "obie", "oba", "dwie", "dwa", "obe", "dve", "dva"})


# Languages whose clauses run long (Arabic chains clauses with و, Chinese with commas): the
# word 'mutual' must stand by the trigger it qualifies.
_MUTUAL_NEAR = frozenset({"ar", "he", "zh", "ko", "tr"})


def _mutual(doc: Doc, sent: Sentence, t: int) -> list[Found]:
    lo, hi = sent.clause_range(t)
    if not any(sent.has(k, "mutual") for k in range(lo, hi)) or _owned_by_each_other(sent, lo, hi):
        return []
    if sent.lang in _MUTUAL_NEAR and not any(sent.has(k, "mutual")
                                            for k in range(max(lo, t - 3), min(hi, t + 4))):
        return []  # 'اعتراف دمشق بكوسوفو … مسألة الاعتراف المتبادل': another trigger's word
    scope = scope_of(sent, t, lo, hi)
    if scope.call or scope.modal or scope.neg or any(
            sent.has(k, "other") for k in range(t + 1, min(hi, t + _OTHER_REACH))):
        return []  # 'recognize each other's territorial integrity': another sense
    parties = _relative_parties(sent, t) or [
        m for m in sent.mentions if lo <= m.start < hi
        and (m.kind in TARGET_KINDS or m.kind in ("state", "capital"))]
    codes = list(dict.fromkeys(c for m in parties for c in m.codes))
    if len(codes) < 2:  # 'The three territories recognised each other': the three named before
        codes = numbered_parties(doc, sent, lo, t) or codes
    if len(codes) < 2 and any(sent.tokens[k].f in _DUAL for k in range(lo, t)):
        # 'the two republics recognized each other': the pair the text spoke of last
        codes = list(dict.fromkeys(c for m in doc.last_targets for c in m.codes))[:2]
    if not any(c.islower() or c in _ENTITY_CODES for c in codes):
        return []  # two states recognizing each other claim no statehood: no entity acts
    return [Found(a, b, "recognize", 0.8, sent.index, t) for a in codes for b in codes if a != b]


def _owned_by_each_other(sent: Sentence, lo: int, hi: int) -> bool:
    """'agreed to recognize each other's documents': the object is what they own, not their
    statehood ('each other's independence' is)."""
    for k in range(lo, hi - 1):
        if sent.has(k, "mutual") and sent.tokens[k + 1].text in ("'s", "'"):
            return not any(sent.has(j, "indep") for j in range(k + 2, min(hi, k + 5)))
    return False


_OTHER_REACH = 8
_ENTITY_CODES = frozenset({"PS", "TW", "EH", "XK"})  # the other entities have lower-case slugs


_ZH_WITH = frozenset({"与", "與", "同", "跟", "和"})


def _relative_parties(sent: Sentence, t: int) -> list[Mention]:
    """Chinese '…与台湾相互承认的索马里兰' (Somaliland, which Taiwan and it recognize
    mutually): the clause before 的 describes its head, so the parties are the partner after
    与 and that head, not the subject of the main verb."""
    if sent.lang != "zh":
        return []
    partner = next((m for m in sent.mentions if t - 4 <= m.end <= t and m.start > 0
                    and sent.tokens[m.start - 1].text in _ZH_WITH), None)
    de = next((k for k in range(t + 1, min(len(sent.tokens), t + 12))
               if sent.tokens[k].text in ("的", "，", ",", "。")), None)
    head = sent.mention_at.get(de + 1) if de is not None and sent.tokens[de].text == "的" else None
    return [partner, head] if partner is not None and head is not None else []


def _merge(doc: Doc, found: list[Found]) -> list[tuple[Doc, Found, dict]]:
    best: dict[tuple[str, str, str], Found] = {}
    for f in found:
        key = (f.actor, f.target, f.act)
        if key in doc.denied:
            continue  # a claim the same text denies is not asserted
        if f.confidence >= MIN_CONFIDENCE and (key not in best or f.confidence > best[key].confidence):
            best[key] = f
    return [(doc, f, calibration_inputs(doc, f, len(best))) for f in best.values()]


def _evidence(doc: Doc, f: Found) -> str:
    sent = doc.sentence(f.sentence)
    text = " ".join(sent.text.split())
    if len(text) <= EVIDENCE_CHARS:
        return text
    center = sent.tokens[f.trigger].start - sent.start
    lo = max(0, center - EVIDENCE_CHARS // 2)
    return "…" + text[lo: lo + EVIDENCE_CHARS].strip() + "…"
