"""From one trigger word to events: scope (call, modality, negation, withdrawal), roles, act.

Confidence: 0.92 for an explicit finite verb with actor and entity in one clause, minus
penalties for what makes a reading less certain (noun or non-finite trigger, pronoun or
cross-sentence actor, carried-over target, background "after X" actor, long distance).
"""

from __future__ import annotations

from dataclasses import dataclass

from .agents import INVERTED, free_order_actors, inverted_actors, passive_agents, possessor
from .assertion import (
    caused,
    ceased,
    denied,
    entity_subject,
    government_speaks,
    names,
    nominative_entity,
    not_yet,
    plain_negation,
    territorial_after,
    unlicensed_infinitive,
)
from .doc import Sentence
from .gazetteer import Mention
from .lexicon.asia_mideast import VERB_FINAL
from .lists import listed_actors
from .roles import FREE_ORDER, TARGET_KINDS, Actors, Scan, trailing_background
from .targets import ENTITY_CODES, SOVEREIGNTY, carried_targets, clause_targets, state_object

MODAL_WINDOW = 8
NEG_WINDOW = 10
# Chinese tokens are characters, so its windows are wider: 'modal, negation, withdrawal'
# words of two characters stand a few words before the verb ('计划于9月21日正式承认',
# '撤回了对科索沃的承认'). Negation there scopes over the verb phrase up to a comma.
WINDOWS = {"zh": {"modal": 12, "neg": 12, "near": 9}}
POST_VERB_WINDOW = 4  # verb-final languages: modality and calls follow the verb


@dataclass(frozen=True)
class Found:
    actor: str
    target: str
    act: str
    confidence: float
    sentence: int
    trigger: int


@dataclass
class Scope:
    call: bool
    modal: bool
    neg: bool
    withdraw: bool
    hedge: bool
    noun: bool
    pending: bool = False  # 'not yet' ('尚未承认', '아직 … 않았다'): a fact, no stated refusal


def scope_of(sent: Sentence, t: int, lo: int, hi: int) -> Scope:
    tok = sent.tokens[t]
    wide = WINDOWS.get(sent.lang or "", {})
    pre = range(max(lo, t - wide.get("modal", MODAL_WINDOW)), t)
    future = sent.has(t, "future") or any(sent.has(k, "future") and sent.has(k, "future^")
                                          for k in range(max(lo, t - 3), t + 1))
    modal = future or any(sent.has(k, "modal") and _real_modal(sent, k) for k in pre)
    post_verb = range(t + 1, min(hi, t + 1 + POST_VERB_WINDOW))
    verb_final = sent.lang in VERB_FINAL
    if verb_final:  # '승인할 계획이다', 'tanımayı planlıyor'
        modal = modal or any(sent.has(k, "modal") or sent.has(k, "modal_after")
                             for k in post_verb)
    noun = sent.has(t, "noun") or tok.f.startswith(("recognition", "acknowledg"))
    if noun or sent.lang in ("ru", "uk"):  # 'recognition … will be approved', 'признавать не будут'
        post = range(t + 1, min(hi, t + (12 if noun else 4)))
        modal = modal or any(sent.has(k, "modal") and _real_modal(sent, k) for k in post)
        modal = modal or (noun and any(_future_form(sent.tokens[k].text, sent.lang)
                                       for k in post))
    neg_from = _neg_start(sent, t, max(lo, t - wide.get("neg", NEG_WINDOW)))
    neg = any(sent.has(k, "neg") and not sent.has(k, "still")  # Arabic 'لا تزال' is 'still'
              and not sent.has(k, "neg_not")  # '不过', '未来': a negator's letter in a word
              for k in range(neg_from, t)) or sent.has(t, "neg_self")
    neg = neg or any(sent.has(k, "neg_after") for k in range(t + 1, min(hi, t + 4)))
    near = range(max(lo, t - wide.get("near", 5)), min(hi, t + 5))
    withdraw = any(sent.has(k, "withdraw") for k in near if k != t) or sent.has(t, "withdraw")
    if withdraw and noun:  # 'отказаться от признания' renounces; 'отказывается признать' refuses
        neg = neg and not any(sent.has(k, "neg") and sent.has(k, "withdraw") for k in near)
    if ceased(sent, t, lo, hi):  # 'no longer recognizes', 'перестали визнавати'
        withdraw, neg = True, False
    call = any(sent.has(k, "call") for k in range(_governing_start(sent, lo), t))
    return Scope(
        call=call or (verb_final and any(sent.has(k, "call") for k in post_verb)),
        modal=modal,
        neg=neg,
        withdraw=withdraw,
        hedge=any(sent.has(k, "hedge") for k in range(lo, hi)) or _conditional(sent, t, lo),
        noun=noun,
        pending=neg and any(sent.has(k, "pending") for k in range(max(neg_from, t - 10), t)),
    )


def _neg_start(sent: Sentence, t: int, start: int) -> int:
    """Chinese negation reaches the verb across its phrase, not across a comma."""
    if sent.lang != "zh":
        return start
    for k in range(t - 1, start - 1, -1):
        if sent.tokens[k].text in ("，", ","):
            return k + 1
    return start


# Synthetic futures: a recognition noun whose verb is in the future ('El reconocimiento …
# llegará', 'la reconnaissance … interviendra') announces, it does not assert. Lower-case
# only, so names (Ankara, Sahara) never count.
_FUTURE_ENDINGS = {"es": ("rá", "rán"), "pt": ("rá", "rão"), "it": ("rà", "ranno"),
                   "fr": ("ra", "ront")}


def _future_form(word: str, lang: str | None) -> bool:
    ends = _FUTURE_ENDINGS.get(lang or "")
    return bool(ends) and len(word) > 5 and word.islower() and word.endswith(ends) and (
        lang != "fr" or word.endswith(("ira", "era", "dra", "ront", "ura")))


def _conditional(sent: Sentence, t: int, lo: int) -> bool:
    """'If we did not recognize Kosovo, …', 'Wenn wir … nicht anerkennen würden': the act is in
    the protasis of a condition, a hypothetical (also negated: no reject). A comma between the
    conjunction and the trigger closes the condition ('If Serbia objects, Spain recognized…')."""
    for k in range(t - 1, max(lo, t - 8) - 1, -1):
        if sent.tokens[k].text == ",":
            return False
        if sent.has(k, "cond"):
            return True
    return False


def _governing_start(sent: Sentence, lo: int) -> int:
    """A clause opened by a complementizer ('vyzvala Srbsko, aby uznalo', 'asked that it
    recognize') is governed by the clause before it: a call there reaches the trigger."""
    if lo > 0 and sent.has(lo, "comp"):
        return max(0, lo - MODAL_WINDOW)
    return lo


def _real_modal(sent: Sentence, k: int) -> bool:
    tok = sent.tokens[k]
    return not (tok.f == "may" and tok.text != "may")  # "May" is the month


def find_actors(doc, sent: Sentence, t: int, hi: int) -> Actors:
    owner = possessor(doc, sent, t)
    if owner:
        return Actors(mentions=owner, how="possessor")
    agents = passive_agents(doc, sent, t, hi)
    if agents:
        return Actors(mentions=agents, how="passive")
    if caused(sent, t):
        return Actors()  # 'cut ties because of the recognition': the subject reacts
    actors = Scan(doc, sent, t).run()
    generic_at = actors.generic_at
    if generic_at is None:  # 'priznale mnoge države, uključujući…': a subject after the verb
        generic_at = next((k for k in range(t + 1, min(hi, t + 4)) if sent.has(k, "generic")), None)
    if not actors.mentions and generic_at is not None:
        listed = listed_actors(sent, t, generic_at)
        if listed:
            return Actors(mentions=listed, how="list", background=actors.background)
    if not actors.mentions and sent.lang in INVERTED:
        post = inverted_actors(doc, sent, t, hi)
        if post.mentions:
            post.background, post.entity_group = actors.background, actors.entity_group
            return post
    if not actors.mentions and sent.lang in FREE_ORDER:
        post = free_order_actors(doc, sent, t)
        post.background = actors.background
        post.entity_group = [m for m in actors.entity_group if nominative_entity(sent, m)]
        return post
    return actors


def analyse(doc, sent: Sentence, t: int) -> list[Found]:
    lo, hi = sent.clause_range(t)
    scope = scope_of(sent, t, lo, hi)
    if (_other_sense_right_after(sent, t, hi) or _other_sense_right_before(sent, t, lo)
            or _content_clause(sent, t, hi) or _topic_noun(sent, t)):
        return []
    actors = find_actors(doc, sent, t, hi)
    if _generic_noun(sent, t, actors):
        return []
    targets = [m for m in clause_targets(sent, t, lo, hi, actors.mentions)
               if not territorial_after(sent, m)]
    if not actors.mentions and entity_subject(sent, t, actors.entity_group):
        actors.mentions, actors.how = actors.entity_group, "entity"  # 'Abkhazia recognized…'
    carried = False
    beijing = None if targets else switched_to(sent, t, hi)
    if beijing is not None:
        targets = [beijing]  # 'moved its recognition to Beijing': the whole switch
    if not targets:
        obj = state_object(sent, t, hi)
        if obj is not None:
            targets = [obj]
        elif not _has_object_noun(sent, t, hi):
            targets = _carry(doc, sent, lo)
            carried = bool(targets)
    if targets:
        doc.last_targets, doc.last_sentence = targets, sent.index
    if scope.call or scope.hedge or (scope.modal and not scope.neg):
        return []
    if unlicensed_infinitive(sent, t) or (not_yet(sent, t) and not scope.neg):
        return []
    act = _act(doc, sent, t, scope, actors)
    if beijing is not None and act == "withdraw":
        act = "recognize"  # 'switched': the verb of the switch is no withdrawal of Beijing
    if act is None and denied(sent):
        act = "recognize"  # 'denied that it had not …' is still no act: only recorded below
    if act is None:
        return []
    conf = _confidence(scope, actors, carried, sent, t)
    found = _pairs(actors.mentions, targets, act, conf, sent, t)
    if act != "reject":
        background = actors.background + trailing_background(doc, sent, t)
        found += _pairs(background, targets, act, conf - 0.15, sent, t)
    if denied(sent):
        doc.denied.update((f.actor, f.target, f.act) for f in found)
        return []
    if found:
        doc.last_act = act if act != "reject" else doc.last_act
    if beijing is not None and act == "recognize":
        found += [Found(f.actor, "TW", "withdraw", f.confidence - 0.05, f.sentence, f.trigger)
                  for f in found if f.target == "CN"]
    return _switch(doc, sent, found, act, lo, hi)


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


def _carry(doc, sent: Sentence, lo: int) -> list[Mention]:
    """The previous trigger's targets if it was close, else the nearest entity group."""
    carried = [m for m in carried_targets(doc, sent, lo) if m.kind in TARGET_KINDS]
    if not carried and doc.last_targets and doc.last_sentence >= sent.index - 1:
        return doc.last_targets
    return carried


def _act(doc, sent: Sentence, t: int, scope: Scope, actors: Actors) -> str | None:
    if scope.neg:
        if scope.withdraw or scope.pending or not actors.mentions:
            return None
        codes = {c for m in actors.mentions for c in m.codes}
        spoken = actors.how == "first_person" or _quoted(sent) or _has_speech(sent) or any(
            _has_speech(doc.sentence(i)) and names(doc.sentence(i), codes)
            for i in (sent.index - 1, sent.index + 1) if 0 <= i < doc.count)
        stated = government_speaks(actors) and plain_negation(sent, t)
        return "reject" if spoken or stated else None
    return "withdraw" if scope.withdraw else "recognize"


def _has_speech(sent: Sentence) -> bool:
    return any(sent.has(k, "speech") for k in range(len(sent.tokens)))


def _quoted(sent: Sentence) -> bool:
    return sent.text.lstrip()[:1] in {'"', "«", "“", "„"}


def _confidence(scope: Scope, actors: Actors, carried: bool, sent: Sentence, t: int) -> float:
    conf = 0.92
    if scope.noun:
        conf -= 0.07
    if actors.how in ("pronoun", "first_person"):
        conf -= 0.08
    if actors.distance > 10:
        conf -= 0.1
    if carried:
        conf -= 0.25
    if scope.neg:
        conf -= 0.04
    return conf


def _pairs(actors: list[Mention], targets: list[Mention], act: str, conf: float,
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


def _switch(doc, sent: Sentence, found: list[Found], act: str, lo: int, hi: int) -> list[Found]:
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


def _other_sense_right_after(sent: Sentence, t: int, hi: int) -> bool:
    for k in range(t + 1, min(hi, t + 4)):
        if sent.has(k, "other"):
            return True
        if sent.has(k, "indep") or k in sent.mention_at:
            return False
    return False


_AR_DEFINITE = ("ال", "بال", "وال", "فال", "لل", "ولل")


def _generic_noun(sent: Sentence, t: int, actors: Actors) -> bool:
    """Arabic 'الاعتراف بكوسوفو' with the article and no owner is recognition in general:
    'تعتبر روسيا أن الاعتراف بكوسوفو سابقة' (Russia deems recognizing Kosovo a precedent)
    names no act of Russia's. Its actor must then stand in the noun's own clause."""
    if sent.lang != "ar" or not sent.has(t, "noun") or not actors.mentions:
        return False
    if not sent.tokens[t].f.startswith(_AR_DEFINITE) or actors.how in ("possessor", "passive"):
        return False
    return all(sent.clause[m.start] != sent.clause[t] for m in actors.mentions
               if m.start < len(sent.clause))


_KO_TOPIC = ("이", "은", "가", "는")


def _topic_noun(sent: Sentence, t: int) -> bool:
    """Korean marks the subject of an evaluation with a particle on the noun: '코소보 독립
    승인이 위험한 선례가 될 것' (the recognition would set a precedent) talks about an act,
    it reports none."""
    return (sent.lang == "ko" and sent.has(t, "noun")
            and sent.tokens[t].text.endswith(_KO_TOPIC))


def _content_clause(sent: Sentence, t: int, hi: int) -> bool:
    """Chinese puts a clause before the noun it describes, with 的: '取消承认科索沃的文件'
    (documents withdrawing recognition of Kosovo), '…的报道' (reports that…). A document or
    report noun there makes the act that document's content, not the subject's act."""
    if sent.lang != "zh":
        return False
    for k in range(t + 1, min(hi, t + 14)):
        if sent.tokens[k].text in ("，", ",", "。"):
            return False
        if sent.tokens[k].text == "的":  # '取消承认的国家': the countries that did (a relative)
            return sent.has(k + 1, "content") or sent.has(k + 1, "generic")
    return False


def _other_sense_right_before(sent: Sentence, t: int, lo: int) -> bool:
    """Verb-final languages put the object first: '영토 병합을 인정하지 않는다' (does not
    recognize the annexation), 'ilhakı tanımıyor'."""
    if sent.lang not in VERB_FINAL:
        return False
    for k in range(t - 1, max(lo, t - 3) - 1, -1):
        if sent.has(k, "other"):
            return True
        if sent.has(k, "indep") or k in sent.mention_at:
            return False
    return False


def _has_object_noun(sent: Sentence, t: int, hi: int) -> bool:
    """A non-entity object right after the verb ('recognized the problem') blocks carry-over."""
    k = t + 1
    if k >= hi:
        return False
    tok = sent.tokens[k]
    if sent.has(k, "other") or (tok.f in {"that", "что", "що", "que", "dass", "che", "ze"}):
        return True
    return _state_sovereignty(sent, k, hi)




def _state_sovereignty(sent: Sentence, k: int, hi: int) -> bool:
    """'…reconoce esa soberanía marroquí', 'recognizes Morocco's sovereignty': a state's
    sovereignty is the object, so the entity of the sentence before is not carried over."""
    start = k
    sov = next((j for j in range(start, min(hi, start + 4))
                if sent.tokens[j].f.startswith(SOVEREIGNTY)), None)
    if sov is None:
        return False
    near = [sent.mention_at.get(j) for j in range(start, min(hi, sov + 4))]
    return any(m is not None and m.kind in ("state", "adj") and not any(c.islower() for c in m.codes)
               and not set(m.codes) & ENTITY_CODES for m in near)
