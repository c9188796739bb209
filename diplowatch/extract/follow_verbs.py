"""German, Dutch and Greek bare 'followed' ('Slowenien folgte eine Woche später', 'kort
daarna volgde Ierland', 'Ακολούθησε η Σλοβενία'): a state as the subject of an intransitive
'followed' repeats the last act, like 'did so' (the English verb is read in gapping.py).

The verb is finite and past or present ('folgte', 'volgde', 'ακολούθησε'; the lexicon field
``follow``); its subject stands right before it or, in verb-second order, right after it.
Everything else in the clause after the verb (and after an inverted subject) must be a time
adverbial (the field ``time_word``, digits, articles): an object ('folgte der Debatte', 'volgde
de onderhandelingen'), a negation ('folgte nicht') or an infinitive ('zal volgen') is another
reading, and then the verb is no pro-verb.

The step taken ('hatten A und B den Schritt vollzogen', 'deden A en B hetzelfde', 'έκανε το
ίδιο'): the step noun with the definite article or 'the same' (``step_noun``) is a pro-verb
when a verb of taking or doing (``take_verb``) stands in its clause and the phrase ends there
(a time adverbial, the verb or punctuation after it: 'op hetzelfde moment', 'ging das gleiche
Risiko ein' are no step). German 'kamen A und B hinzu' (joined) is one more such verb: the stem
and its particle ending the clause, or the one-word participle ('hinzugekommen').
"""

from __future__ import annotations

from .coordination import ARTICLES
from .roles import ACTOR_KINDS, group_status
from .sentence import Sentence

FOLLOW_LANGS = frozenset({"de", "nl", "el"})
_PUNCT = frozenset({",", ";", ".", ":", ")", "—", "–", "-"})


def follows_bare(sent: Sentence, k: int) -> bool:
    """Token k is a bare 'followed' whose subject is a state group."""
    if sent.lang not in FOLLOW_LANGS or not sent.has(k, "follow"):
        return False
    lo, hi = sent.clause_range(k)
    before = _subject_before(sent, k, lo)
    after = None if before else _subject_after(sent, k, hi)
    if not (before or after):
        return False
    j = after if after is not None else k + 1
    return all(_timeish(sent, i) for i in range(j, hi))


def step_taken(sent: Sentence, k: int) -> bool:
    """Token k starts a step noun ('den Schritt', 'hetzelfde') taken by a verb in its clause."""
    if sent.lang not in FOLLOW_LANGS or not sent.has(k, "step_noun"):
        return False
    if k > 0 and sent.has(k - 1, "step_noun"):
        return False  # inside the phrase, not its start
    end = k
    while end < len(sent.tokens) and sent.has(end, "step_noun"):
        end += 1
    if end < len(sent.tokens) and not (_timeish(sent, end) or sent.has(end, "take_verb")):
        return False  # 'op hetzelfde moment', 'das gleiche Risiko': 'the same' before its noun
    lo, hi = sent.clause_range(k)
    return any(sent.has(j, "take_verb") for j in range(lo, hi))


def joined(sent: Sentence, k: int) -> bool:
    """German 'kamen A und B hinzu', 'ist B hinzugekommen', 'bevor B dazukam': B joined."""
    if sent.has(k, "join_verb"):
        return True
    if not sent.has(k, "join_stem") or (k > 0 and sent.has(k - 1, "join_particle")):
        return False  # 'Hinzu kam, dass …': moreover
    lo, hi = sent.clause_range(k)
    for j in range(k + 1, min(hi, k + _JOIN_REACH)):
        if sent.has(j, "join_particle"):
            return j + 1 >= len(sent.tokens) or sent.tokens[j + 1].text in _PUNCT
    return False


_JOIN_REACH = 10


def _subject_before(sent: Sentence, k: int, lo: int) -> bool:
    j = k - 1
    while j >= lo and _timeish(sent, j) and j not in sent.mention_end:
        j -= 1
    m = sent.mention_end.get(j)
    return m is not None and m.kind in ACTOR_KINDS and group_status(sent, [m]) == "actor"


def _subject_after(sent: Sentence, k: int, hi: int) -> int | None:
    """The index after an inverted subject group right after the verb, or None."""
    j = k + 1
    while j < hi and j not in sent.mention_at and sent.tokens[j].f in ARTICLES:
        j += 1
    m = sent.mention_at.get(j)
    if m is None or m.start != j or m.kind not in ACTOR_KINDS:
        return None
    end = m.end
    while end < hi and (sent.has(end, "conj") or sent.tokens[end].text == ","
                        or sent.tokens[end].f in ARTICLES or end in sent.mention_at):
        nxt = sent.mention_at.get(end)
        end = nxt.end if nxt is not None else end + 1
    return end


def _timeish(sent: Sentence, i: int) -> bool:
    tok = sent.tokens[i]
    return (tok.text.isdigit() or tok.text in _PUNCT or sent.has(i, "time_word")
            or (tok.f in ARTICLES and tok.text.islower()))
