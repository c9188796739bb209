"""The scope of one trigger word: a call, a hedge, modality or a future, negation, withdrawal.

Windows are counted in tokens around the trigger, inside its clause (``lo``..``hi``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .assertion import ceased
from .lexicon.asia_mideast import VERB_FINAL
from .sentence import Sentence

MODAL_WINDOW = 8
NEG_WINDOW = 10
# Chinese tokens are characters, so its windows are wider: 'modal, negation, withdrawal'
# words of two characters stand a few words before the verb ('计划于9月21日正式承认',
# '撤回了对科索沃的承认'). Negation there scopes over the verb phrase up to a comma.
WINDOWS = {"zh": {"modal": 12, "neg": 12, "near": 9}}
POST_VERB_WINDOW = 4  # verb-final languages: modality and calls follow the verb


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
    pre = range(max(_subjunctive_start(sent, lo), t - wide.get("modal", MODAL_WINDOW)), t)
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
    neg, unsaid = _negation(sent, t, lo, hi, neg_from)
    near = range(max(lo, t - wide.get("near", 5)), min(hi, t + 5))
    withdraw = _withdrawal(sent, t, hi, near, noun)
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
        hedge=_hedged(sent, t, lo, hi) or unsaid,
        noun=noun,
        pending=neg and any(sent.has(k, "pending") for k in range(max(neg_from, t - 10), t)),
    )


def _hedged(sent: Sentence, t: int, lo: int, hi: int) -> bool:
    """A hedge word, a condition, or a question on the verb ('승인했는지') or its particle
    right after it ('tanıdı mı')."""
    return (any(sent.has(k, "hedge") for k in range(lo, hi)) or _conditional(sent, t, lo)
            or sent.has(t, "question")
            or (sent.lang in VERB_FINAL
                and any(sent.has(k, "question") for k in range(t + 1, min(hi, t + 3)))))


_ACTING = frozenset({"state", "capital", "person"})
# Languages whose participle ends the clause: 'hat die Anerkennung … zurückgenommen'.
_PARTICIPLE_LAST = frozenset({"de", "nl"})
_UNDONE_REACH = 12


def _negation(sent: Sentence, t: int, lo: int, hi: int, neg_from: int) -> tuple[bool, bool]:
    """(negated, a negated verb of saying governs the trigger)."""
    negators = [k for k in range(neg_from, t) if sent.has(k, "neg")
                and not sent.has(k, "still")  # Arabic 'لا تزال' is 'still'
                and not sent.has(k, "neg_not")  # '不过', '未来': a negator's letter in a word
                and not _says(sent, range(k + 1, min(t, k + 3)))]
    after = [k for k in range(t + 1, min(hi, t + 4)) if sent.has(k, "neg_after")]
    # Korean and Turkish put the verb of saying after the whole negated clause ('승인하지
    # 않는다고 밝혔다'): there the negation is the act's.
    unsaid = sent.lang not in VERB_FINAL and (_unsaid(sent, t, _governing_start(sent, lo)) or any(
        _says(sent, range(k + 1, k + 2)) for k in after))
    return bool(negators or after) and not unsaid or sent.has(t, "neg_self"), unsaid


def _unsaid(sent: Sentence, t: int, start: int) -> bool:
    """A negator right before a verb of saying, before the trigger (also in the clause that
    governs the trigger's: 'did not say that it recognized'); 'which has no recognition, has
    announced that…' negates a noun of its own."""
    return any(sent.has(k, "neg") and _says(sent, range(k + 1, min(t, k + 3)))
               for k in range(max(start, t - NEG_WINDOW), t))


def _says(sent: Sentence, span: range) -> bool:
    """A verb of saying between a negator and the trigger, or right after a trailing negator:
    'has not confirmed the reports about its recognition', '… nicht bestätigt' negate the
    saying: the act is neither asserted nor refused."""
    return any(sent.has(j, "speech") for j in span)


def _withdrawal(sent: Sentence, t: int, hi: int, near: range, noun: bool) -> bool:
    """A verb of undoing on the trigger, near it, or after a recognition noun."""
    return (sent.has(t, "withdraw") or any(sent.has(k, "withdraw") and (
        noun or not _actor_between(sent, k, t)) for k in near if k != t)
        or (noun and _undone_after(sent, t, hi)))


def _actor_between(sent: Sentence, k: int, t: int) -> bool:
    """'Georgia withdrew its ambassador after Nicaragua recognized…': a state between a verb
    of undoing and a verb trigger is the trigger's subject, the undoing another act. (Before
    a recognition noun it is the subject of the undoing: 'سحبت بنما اعترافها', verb first.)"""
    a, b = min(k, t), max(k, t)
    return any(a < m.start < b and m.kind in _ACTING for m in sent.mentions)


def _undone_after(sent: Sentence, t: int, hi: int) -> bool:
    """A verb of undoing after the recognition noun: the passive ('the recognition of Kosovo
    by Lesotho has been withdrawn', 'fue revocado') or a clause-final participle in German and
    Dutch ('hat die Anerkennung des Kosovo im Jahr 2012 aufgehoben')."""
    for k in range(t + 1, min(hi, t + _UNDONE_REACH)):
        if sent.has(k, "trigger"):
            return False  # another act's own verb
        if not sent.has(k, "withdraw"):
            continue
        aux = sent.has(k - 1, "aux") or (sent.has(k - 2, "aux") and sent.tokens[k - 1].f.endswith("ly"))
        last = k + 1 >= hi or not sent.tokens[k + 1].text.isalnum()
        return aux or (last and sent.lang in _PARTICIPLE_LAST)
    return False


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
    ends = _FUTURE_ENDINGS.get(lang or "", ())
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


def _subjunctive_start(sent: Sentence, lo: int) -> int:
    """Arabic أن with a present verb is a subjunctive: 'من المتوقع أن تعترف' (it is expected
    that it recognize), 'يمكن أن تعترف'; a modal right before the complementizer governs it."""
    if sent.lang == "ar" and lo > 0 and sent.has(lo, "comp"):
        return max(0, lo - 3)
    return lo


def _governing_start(sent: Sentence, lo: int) -> int:
    """A clause opened by a complementizer ('vyzvala Srbsko, aby uznalo', 'asked that it
    recognize') is governed by the clause before it: a call there reaches the trigger."""
    if lo > 0 and sent.has(lo, "comp"):
        return max(0, lo - MODAL_WINDOW)
    return lo


def _real_modal(sent: Sentence, k: int) -> bool:
    tok = sent.tokens[k]
    return not (tok.f == "may" and tok.text != "may")  # "May" is the month

