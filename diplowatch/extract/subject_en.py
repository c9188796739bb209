"""English shapes around the subject that the backward search (subject_scan.Scan) reads: a
relative clause set off by commas before the verb, a list in apposition to a generic head,
'joined the N states that…', the prepositions that make a generic noun a complement, and
the contrast ('and only a handful') that ends a list."""

from __future__ import annotations

from .assertion import passive_voice
from .roles import ACTOR_KINDS, group_status
from .sentence import Sentence

_JOIN = frozenset({"joined", "joins", "join", "joining"})


def joined(sent: Sentence, i: int) -> bool:
    """English 'Armenia joined the 146 countries that recognize Palestine': the subject of
    'joined' becomes one of the states the relative clause describes."""
    if sent.lang not in (None, "en"):
        return False
    nxt = sent.tokens[i + 1].f if i + 1 < len(sent.tokens) else ""
    group_of = nxt == "of" and sent.has(i + 2, "generic") and sent.has(i + 3, "comp")
    if not (sent.has(i + 1, "comp") or group_of):
        return False  # 'the (group of) states that…'
    j = i - 1
    while j >= max(0, i - 6) and (sent.tokens[j].f in _JOIN_FILLERS or sent.tokens[j].text.isdigit()
                                  or sent.has(j, "generic")):
        j -= 1
    return j >= 0 and sent.tokens[j].f in _JOIN


def partitive(sent: Sentence, k: int) -> bool:
    """A preposition that makes the generic noun a complement ('one of the countries', 'одной
    из стран'); in English only 'of' and 'among' do ('talks with states that…' does not)."""
    if not sent.has(k, "block"):
        return False
    return sent.lang not in (None, "en") or sent.tokens[k].f in ("of", "among", "amongst")


_JOIN_FILLERS = frozenset({"the", "other", "more", "than", "over", "some", "nearly", "about",
                           "almost", "of", "growing", "number", "ranks", "club", "list"})
CONTRAST = frozenset({"only", "just", "but"})
_RELATIVES = frozenset({"which", "who", "whose"})


def closed_relative(sent: Sentence, lo: int, t: int) -> bool:
    """English: the trigger follows a relative clause set off by commas after a state ('Ghana,
    which had recognized Kosovo in 2012, withdrew that recognition'): the state before the
    relative is the subject, not a name inside it."""
    if sent.lang not in (None, "en") or lo < 2 or sent.tokens[lo].f not in _RELATIVES:
        return False
    closing = next((k for k in range(t - 1, lo, -1) if sent.tokens[k].text == ","), None)
    if sent.tokens[lo - 1].text != "," or closing is None or any(
            closing < m.start < t and m.kind in ACTOR_KINDS for m in sent.mentions):
        return False  # 'Serbia, which opposes it, said Kenya recognized…': Kenya's act
    m = sent.mention_end.get(lo - 2)
    return m is not None and m.kind in ACTOR_KINDS


_APPOSITION_MARKS = frozenset({"-", "—", "–", ",", "("})


def apposed(sent: Sentence, i: int) -> bool:
    """English: a definite generic noun heading a relative clause, set off right after a
    group of states ('Russia, Nicaragua and Nauru - the three UN members that…'), is in
    apposition to that group: the group is the relative clause's subject."""
    if sent.lang not in (None, "en") or not sent.has(i + 1, "comp"):
        return False
    j = i - 1
    while j >= max(0, i - 4) and sent.tokens[j].f != "the" and (
            sent.tokens[j].text.isdigit() or sent.tokens[j].text.islower()
            or j in sent.mention_at):
        j -= 1
    if j < 2 or sent.tokens[j].f != "the" or sent.tokens[j - 1].text not in _APPOSITION_MARKS:
        return False
    m = sent.mention_end.get(j - 2)
    return m is not None and m.kind in ACTOR_KINDS


def passive_patient(sent: Sentence, t: int) -> bool:
    """English passive ('It is recognised by 100 countries'): the subject before the verb is
    what is recognized, so a pronoun there sends the search for the actor nowhere."""
    return sent.lang in (None, "en") and passive_voice(sent, t)


_AUXILIARIES = frozenset({"does", "do", "did", "has", "have", "had", "is", "are", "was", "were",
                          "not", "n't", "never", "still", "yet", "formally", "officially"})


def described_in_relative(sent: Sentence, t: int, actors: list) -> bool:
    """English 'Spain, which does not recognise Kosovo, …': a negated act in a relative clause
    set off by a comma after the state describes the state (the journalist's aside), unless
    the sentence quotes it."""
    if sent.lang not in (None, "en") or not actors or sent.quoted():
        return False
    k = t - 1
    while k >= 0 and sent.tokens[k].f in _AUXILIARIES:
        k -= 1
    if k < 2 or sent.tokens[k].f not in _RELATIVES or sent.tokens[k - 1].text != ",":
        return False
    m = sent.mention_end.get(k - 2)
    return m is not None and any(m is a for a in actors)


_NO = frozenset({"no", "none"})
_NO_FILLERS = frozenset({"other", "single", "further", "more", "of", "the"})
_NO_HEADS = frozenset({"country", "countries", "state", "states", "nation", "nations",
                       "government", "governments", "one"})
_NO_REACH = 4  # tokens before the trigger in which 'no other country' is its subject


def negated_generic(sent: Sentence, t: int) -> bool:
    """English 'that no other country has recognised': the negation is in an unnamed subject
    ('no state', 'none of the others'), so no named state refuses anything."""
    if sent.lang not in (None, "en"):
        return False
    for k in range(max(0, t - _NO_REACH - 3), t):
        if sent.tokens[k].f not in _NO:
            continue
        j = k + 1
        while j < t and sent.tokens[j].f in _NO_FILLERS:
            j += 1
        if sent.tokens[k].f == "none" or (j < t and sent.tokens[j].f in _NO_HEADS):
            return True
    return False


def relative_head(doc, sent: Sentence, t: int) -> list:
    """English 'Georgia cut ties with Syria, which recognised Abkhazia', 'that of Honduras,
    which cut ties with Taipei and recognised Beijing': the state right before ', which' is
    the subject of the relative clause's verb, whatever preposition stands before it, when
    the clause names no state of its own before the verb."""
    if sent.lang not in (None, "en"):
        return []
    lo = sent.clause_range(t)[0]
    if sent.tokens[lo].f == "and" and lo > 0:  # '… which cut ties with Taipei and recognised'
        if any(k in sent.mention_at for k in range(lo + 1, t)):
            return []
        lo = sent.clause_range(lo - 1)[0]
    if lo < 2 or sent.tokens[lo].f not in ("which", "who") or sent.tokens[lo - 1].text != ",":
        return []
    if any(sent.mention_at.get(k) is not None and sent.mention_at[k].kind in ACTOR_KINDS
           for k in range(lo + 1, t)):
        return []  # 'Serbia, which says Kenya recognised…': the clause's own subject
    m = sent.mention_end.get(lo - 2)
    if m is None or m.kind not in ACTOR_KINDS:
        return []
    group = doc.groups(sent)[m.start]
    if group_status(sent, group) == "after":
        return []  # 'Armenia joined Spain and Slovenia, which had recognised…': the scan's
    return [g for g in group if g.kind in ACTOR_KINDS]
