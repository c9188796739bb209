"""The scope of one trigger word: a call, a hedge, modality or a future, negation, withdrawal.

Windows are counted in tokens around the trigger, inside its clause (``lo``..``hi``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .assertion import ceased, particle_elsewhere
from .coordination import ARTICLES
from .lexicon.asia_mideast import VERB_FINAL
from .romance_syntax import neither_nor, restrictive_ne
from .sentence import Sentence
from .separable import negated_refusal, split_call, split_verb, surface_modal

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
    future = _future_reading(sent, t, lo, hi) or any(
        sent.has(k, "future") and sent.has(k, "future^") for k in range(max(lo, t - 3), t + 1))
    modal = future or any(sent.has(k, "modal") and _real_modal(sent, k) for k in pre) \
        or surface_modal(sent, pre)
    post_verb = range(t + 1, min(hi, t + 1 + POST_VERB_WINDOW))
    verb_final = sent.lang in VERB_FINAL
    if verb_final:  # '승인할 계획이다', 'tanımayı planlıyor'
        modal = modal or any(sent.has(k, "modal") or sent.has(k, "modal_after")
                             for k in post_verb)
    noun = sent.has(t, "noun") or tok.f.startswith(("recognition", "acknowledg"))
    modal = modal or _modal_after(sent, t, hi, noun)
    da_lo = lo if sent.lang == "ar" else _subjunctive_start(sent, lo)  # 'odbila da prizna'
    neg_from = _neg_start(sent, t, max(da_lo, t - wide.get("neg", NEG_WINDOW)))
    neg, unsaid = _negated(sent, t, lo, hi, neg_from)
    near = range(max(lo, t - wide.get("near", 5)), min(hi, t + 5))
    withdraw = _withdrawal(sent, t, hi, near, noun) or (
        noun and split_verb(sent, "withdraw", t, lo, hi))
    neg, withdraw = _renounced_or_refused(sent, t, near, noun, neg, withdraw)
    if ceased(sent, t, lo, hi, neg):  # 'no longer recognizes', 'перестали визнавати'
        withdraw, neg = True, False
        if modal and _will_no_longer(sent, t, range(_governing_start(sent, lo), t)):
            modal = False  # 'it will no longer recognize Taipei': the withdrawal is declared
    return Scope(
        call=_called(sent, t, lo, post_verb if verb_final else range(0)),
        modal=modal,
        neg=neg,
        withdraw=withdraw,
        hedge=_hedged(sent, t, lo, hi) or unsaid,
        noun=noun,
        pending=neg and any(sent.has(k, "pending") for k in range(max(neg_from, t - 10), t)),
    )


def _will_no_longer(sent: Sentence, t: int, pre: range) -> bool:
    """English 'will no longer' right before the trigger, and no other modal word before it
    in its clause or the one governing it ('Serbia hopes that Togo will no longer…')."""
    if sent.lang not in (None, "en") or t < 3 or [sent.tokens[k].f for k in range(t - 3, t)] != [
            "will", "no", "longer"]:
        return False
    return not any(sent.has(k, "modal") and k != t - 3 for k in pre)


def _modal_after(sent: Sentence, t: int, hi: int, noun: bool) -> bool:
    """Modality after the trigger: after a noun ('recognition … will be approved', a Romance
    future, 'признание … идёт': a process under way) or a Russian/Ukrainian verb ('признавать
    не будут')."""
    if not (noun or sent.lang in ("ru", "uk")):
        return False
    post = range(t + 1, min(hi, t + (12 if noun else 4)))
    return any(sent.has(k, "modal") and _real_modal(sent, k) for k in post) or (noun and any(
        (_future_form(sent.tokens[k].text, sent.lang) and not _after_article(sent, k))
        or sent.has(k, "process") for k in post))


def _renounced_or_refused(sent: Sentence, t: int, near: range, noun: bool, neg: bool,
                          withdraw: bool) -> tuple[bool, bool]:
    """(neg, withdraw) when a word is both a negator and a verb of undoing ('отказ*'): before
    a noun it renounces ('отказаться от признания', a withdrawal); before a verb it refuses
    ('отказалась признать', a refusal)."""
    if withdraw and noun:
        return neg and not any(sent.has(k, "neg") and sent.has(k, "withdraw") for k in near), True
    if withdraw and neg and not sent.has(t, "withdraw") and all(
            sent.has(k, "neg") for k in near if k != t and sent.has(k, "withdraw")):
        return neg, False
    return neg, withdraw


def _future_reading(sent: Sentence, t: int, lo: int, hi: int) -> bool:
    """A form that is a present or a future by its aspect (Polish 'uznają': they recognize,
    from uznawać, or they will recognize, from uznać; Russian 'признает' written without ё,
    Ukrainian 'визнає') is read by the time words beside it: the lexicon's ``future`` forms
    are the present beside a present-time adverb ('uznają obecnie'), the others a future
    beside a future one ('признает … в следующем месяце')."""
    if not sent.has(t, "aspect_pair"):
        return sent.has(t, "future")
    near = range(max(lo, t - 4), min(hi, t + 6))
    if sent.has(t, "future"):
        return not any(sent.has(k, "present") for k in near)
    return any(sent.has(k, "future_time") for k in near)


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
# German and Dutch put 'nicht'/'niet' after the objects of the verb, at the end of the middle
# field: 'Spanje erkent Kosovo en Abchazië niet'.
_NEG_AFTER = {"de": 10, "nl": 10}


def _negation(sent: Sentence, t: int, lo: int, hi: int, neg_from: int) -> tuple[bool, bool]:
    """(negated, a negated verb of saying governs the trigger)."""
    negators = [k for k in range(neg_from, t) if sent.has(k, "neg")
                and not sent.has(k, "still")  # Arabic 'لا تزال' is 'still'
                and not sent.has(k, "neg_not")  # '不过', '未来': a negator's letter in a word
                and not _says(sent, range(k + 1, min(t, k + 3)))
                and not _reported_after(sent, k, t) and not particle_elsewhere(sent, k, t)]
    after = [k for k in range(t + 1, min(hi, t + _NEG_AFTER.get(sent.lang or "", 4)))
             if sent.has(k, "neg_after") and not sent.has(k, "neg_not")]
    # Korean and Turkish put the verb of saying after the whole negated clause ('승인하지
    # 않는다고 밝혔다'): there the negation is the act's.
    unsaid = sent.lang not in VERB_FINAL and (_unsaid(sent, t, _governing_start(sent, lo)) or any(
        _says(sent, range(k + 1, k + 2)) for k in after))
    return bool(negators or after) and not unsaid or sent.has(t, "neg_self"), unsaid


def _negated(sent: Sentence, t: int, lo: int, hi: int, neg_from: int) -> tuple[bool, bool]:
    """(negated, left open): the negators and refusals of _negation and _refusals, Italian
    'né … né'; French 'ne … que' is 'only', no negation."""
    neg, unsaid = _refusals(sent, t, lo, hi, *_negation(sent, t, lo, hi, neg_from))
    return (neg or neither_nor(sent, t, lo)) and not restrictive_ne(sent, t, hi), unsaid


def _called(sent: Sentence, t: int, lo: int, after: range) -> bool:
    """A call governs the trigger: before it, a separable call ('rief … auf'), or after the
    verb in verb-final languages (``after``)."""
    return (any(sent.has(k, "call") for k in range(_governing_start(sent, lo), t))
            or split_call(sent, t, lo) or any(sent.has(k, "call") for k in after))


def _refusals(sent: Sentence, t: int, lo: int, hi: int, neg: bool,
              unsaid: bool) -> tuple[bool, bool]:
    """(negated, left open): a separable verb of refusal negates ('schließt eine Anerkennung
    aus'); negated, it or a participle of refusal leaves the act open, a hedge ('schließt …
    nicht aus', 'nicht ausgeschlossen', 'niet uitgesloten')."""
    refused = not unsaid and split_verb(sent, "neg", t, lo, hi)
    return neg != refused, unsaid or (refused and neg) or negated_refusal(sent, t, hi)


def _reported_after(sent: Sentence, k: int, t: int) -> bool:
    """'Serbia, which opposes it, said Kenya recognized…': a verb of saying and a new subject
    between the negator and the trigger; the negator is the speaker's clause's, not the act's."""
    say = next((j for j in range(k + 1, t) if sent.has(j, "speech")), None)
    return say is not None and any(say < m.start < t and m.kind in _ACTING for m in sent.mentions)


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
    """A state ('withdrew its envoy after Nicaragua recognized', but 'سحبت بنما اعترافها') or a
    trigger (also the undoing's object: 'הכירה ב…, ומשכה את הכרתה') between: another act's."""
    a, b = min(k, t), max(k, t)
    return any(a < m.start < b and m.kind in _ACTING for m in sent.mentions) or any(
        sent.has(j, "trigger") and not sent.has(j, "trigger_not")
        for j in range(a + 1, b if k < t else min(len(sent.tokens), k + 4)) if j != k)


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


# Synthetic futures and conditionals: a recognition noun whose verb is in the future or the
# conditional ('El reconocimiento … llegará', '… allanaría el camino', 'la reconnaissance …
# interviendra', 'arriverebbe') announces or supposes, it does not assert. Lower-case only, so
# names (Ankara, Sahara) never count; a word after an article is a noun ('la cancillería').
_FUTURE_ENDINGS = {"es": ("rá", "rán", "aría", "ería", "iría", "arían", "erían", "irían"),
                   "pt": ("rá", "rão", "aria", "eria", "iria", "ariam", "eriam", "iriam"),
                   "it": ("rà", "ranno", "rebbe", "rebbero"),
                   "fr": ("ra", "ront", "rait", "raient")}
_FR_FUTURE_STEMS = ("ira", "era", "dra", "ront", "ura", "irait", "erait", "drait", "urait",
                    "iraient", "eraient", "draient", "uraient")


def _future_form(word: str, lang: str | None) -> bool:
    ends = _FUTURE_ENDINGS.get(lang or "", ())
    return bool(ends) and len(word) > 4 and word.islower() and word.endswith(ends) and (
        lang != "fr" or word.endswith(_FR_FUTURE_STEMS))


def _after_article(sent: Sentence, k: int) -> bool:
    return k > 0 and (sent.tokens[k - 1].f in ARTICLES or sent.has(k - 1, "block"))


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


# Complementizers that with a present verb stand for an infinitive: Arabic أن ('من المتوقع
# أن تعترف', it is expected that it recognize), Serbian да ('planira da prizna', plans to
# recognize). A modal right before them governs the verb.
_SUBJUNCTIVE = {"ar": None, "sr": frozenset({"da", "да"})}


def _subjunctive_start(sent: Sentence, lo: int) -> int:
    if sent.lang not in _SUBJUNCTIVE or lo == 0 or not sent.has(lo, "comp"):
        return lo
    words = _SUBJUNCTIVE[sent.lang or ""]
    return max(0, lo - 3) if words is None or sent.tokens[lo].f in words else lo


def _governing_start(sent: Sentence, lo: int) -> int:
    """A clause opened by a complementizer ('vyzvala Srbsko, aby uznalo', 'asked that it
    recognize') is governed by the clause before it: a call there reaches the trigger."""
    if lo > 0 and sent.has(lo, "comp"):
        return max(0, lo - MODAL_WINDOW)
    return lo


def _real_modal(sent: Sentence, k: int) -> bool:
    tok = sent.tokens[k]
    return not (tok.f == "may" and tok.text != "may")  # "May" is the month

