"""English words that stand for an earlier act or its objects (tests/test_extract_grammar_s7_en.py):

- a dual antecedent, `the two regions`, `both republics`: the last pair of entities named;
- undoing a decision, `Tuvalu reversed its decision`, `overturned that move`: the last
  recognition, withdrawn by the subject of the verb of undoing;
- joining a list, `Syria joins Russia, Nicaragua and Nauru, as well as Venezuela`: the states
  after `joins` did the last act too (with the subject, found as for `did so`).

Each is English only (``sent.lang`` None or "en"); the other languages are not read here.
"""

from __future__ import annotations

from .coordination import ARTICLES
from .gazetteer import Mention
from .roles import ACTOR_KINDS, TARGET_KINDS
from .sentence import Sentence
from .time_phrases import remnant_end, time_phrase

ENGLISH = frozenset({None, "en"})
DUAL_REACH = 4  # sentences back in which the pair of 'the two regions' is looked for
_DUAL = frozenset({"two", "both"})
_DUAL_FILLERS = frozenset({"of", "the", "its", "their", "these", "those", "own"})


def dual_object(sent: Sentence, t: int, hi: int) -> bool:
    """'recognised the two regions', 'recognition of both republics': the object is a pair
    named by a common noun (not 'both Abkhazia and South Ossetia', which names it)."""
    if sent.lang not in ENGLISH:
        return False
    k = t + 1
    while k < hi and sent.tokens[k].f in _DUAL_FILLERS:
        k += 1
    return (k + 1 < hi and sent.tokens[k].f in _DUAL and k + 1 not in sent.mention_at
            and sent.tokens[k + 1].text.islower())


def dual_targets(doc, sent: Sentence, t: int, hi: int) -> list[Mention]:
    """The pair a dual object stands for: the last two entities of the nearest earlier clause
    that names two or more (its first member may be the subject: 'Abkhazia recognised A and
    B')."""
    if _them(sent, t, hi):  # 'Russia recognised them': the last pair, when a trigger just had one
        recent = doc.last_sentence >= sent.index - THEM_REACH
        return _last_two(doc.last_targets) if recent and _pair(doc.last_targets) else []
    if not dual_object(sent, t, hi):
        return []
    for idx in range(sent.index, max(-1, sent.index - DUAL_REACH - 1), -1):
        if idx == doc.last_sentence and _pair(doc.last_targets):
            return _last_two(doc.last_targets)  # a trigger there had the pair, named or not
        s = doc.sentence(idx)
        limit = t if s is sent else len(s.tokens)
        cands = [m for m in s.mentions if m.end <= limit and m.kind == "entity"]
        if not cands:
            continue
        cid = s.clause[cands[-1].start]
        clause = [m for m in cands if s.clause[m.start] == cid]
        pair: list[Mention] = []
        codes: set[str] = set()
        for m in reversed(clause):
            if not set(m.codes) <= codes:
                pair.insert(0, m)
                codes.update(m.codes)
        if len(codes) >= 2:
            return _last_two(pair)
    return []


THEM_REACH = 2  # sentences back in which the trigger whose pair 'them' stands for may be


def _them(sent: Sentence, t: int, hi: int) -> bool:
    return sent.lang in ENGLISH and t + 1 < hi and sent.tokens[t + 1].f == "them"


_OBJECT_PRONOUNS = frozenset({"them", "it"})


def pronoun_object(sent: Sentence, t: int, hi: int, targets: list[Mention],
                   subject: list[Mention]) -> bool:
    """'South Ossetia had recognised them': the only entities of the clause are its subject
    and the object is a pronoun (or 'the two regions'), whose antecedent is looked for
    elsewhere."""
    if sent.lang not in ENGLISH or not subject or not targets or t + 1 >= hi:
        return False
    ids = {id(m) for m in subject}
    if not all(id(m) in ids for m in targets):
        return False
    return sent.tokens[t + 1].f in _OBJECT_PRONOUNS or dual_object(sent, t, hi)


def _pair(targets: list[Mention]) -> bool:
    return len({c for m in targets for c in m.codes}) >= 2


def _last_two(pair: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    codes: set[str] = set()
    for m in reversed(pair):
        if len(codes) >= 2:
            break
        out.insert(0, m)
        codes.update(m.codes)
    return out


_UNDO = ("revers", "overturn", "undid", "undo")
_DETERMINERS = frozenset({"its", "their", "that", "this", "the", "these", "those"})
_DECISIONS = frozenset({"decision", "decisions", "move", "moves", "step", "steps"})


def reversed_decision(sent: Sentence, k: int) -> bool:
    """'reversed its decision', 'overturned that move' — and the clause ends there, or a time
    phrase or another clause follows ('reversed its decision on fishing licences' is about
    another decision)."""
    if sent.lang not in ENGLISH or not sent.tokens[k].f.startswith(_UNDO):
        return False
    n = len(sent.tokens)
    if not (k + 2 < n and sent.tokens[k + 1].f in _DETERMINERS
            and sent.tokens[k + 2].f in _DECISIONS):
        return False
    nxt = sent.tokens[k + 3].f if k + 3 < n else ""
    return nxt not in ("on", "to", "about", "regarding", "concerning", "over", "of")


_JOIN = frozenset({"joins", "joined", "join", "joining"})
JOIN_REACH = 3  # sentences after an act in which 'X joins A and B' still repeats it
_STOP_AFTER = frozenset({"in", "on", "at", "for", "to", "against", "with"})
_DESCRIPTORS = frozenset({"state", "nation", "country", "republic", "kingdom", "island", "of",
                          "pacific", "caribbean", "african", "tiny", "small", "atoll"})


def join_list(sent: Sentence, k: int) -> list[Mention]:
    """The states after 'joins' at k: groups up to the end of the sentence, across 'and',
    'as well as' and relative clauses set off by commas; nothing when the list is followed by
    a preposition ('joins A and B in condemning…'), an activity of its own."""
    if sent.lang not in ENGLISH or sent.tokens[k].f not in _JOIN:
        return []
    out: list[Mention] = []
    n, j, last_end = len(sent.tokens), k + 1, k + 1
    while j < n:
        tok = sent.tokens[j]
        if tok.text in (";", ":", ".", "!", "…") or sent.has(j, "speech"):
            break
        if tok.text == "," and j + 1 < n and sent.has(j + 1, "comp"):
            j = _relative_end(sent, j + 1)  # ', which recognised Palestine in May,'
            continue
        m = sent.mention_at.get(j)
        if m is not None and m.start == j:
            if m.kind not in ACTOR_KINDS and m.kind not in TARGET_KINDS:
                return []
            if m.kind in ACTOR_KINDS:
                out.append(m)
            j = last_end = m.end
            continue
        if tok.f in _STOP_AFTER and j == last_end:
            return []  # 'joins Ukraine and Moldova in condemning the move'
        if not (tok.text == "," or sent.has(j, "conj") or tok.f in ARTICLES
                or tok.f in _DESCRIPTORS or tok.f in ("well", "as")):
            return []  # a word of another phrase: not a plain list of states
        j += 1
    return out


def _relative_end(sent: Sentence, j: int) -> int:
    while j < len(sent.tokens) and sent.tokens[j].text not in (",", ";", ":"):
        j += 1
    return j


_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
_POLITIES = frozenset({"territories", "republics", "entities", "regions", "enclaves", "states",
                       "statelets"})


def numbered_parties(doc, sent: Sentence, lo: int, t: int) -> list[str]:
    """'The three unrecognised territories recognised each other': the subject counts the
    parties and names them by a common noun; they are the last that many entities of the
    nearest earlier clause that names as many (up to DUAL_REACH sentences back)."""
    if sent.lang not in ENGLISH:
        return []
    n = next((_NUMBERS[sent.tokens[k].f] for k in range(lo, t) if sent.tokens[k].f in _NUMBERS
              and any(sent.tokens[j].f in _POLITIES for j in range(k + 1, min(t, k + 4)))), 0)
    if not n:
        return []
    for idx in range(sent.index - 1, max(-1, sent.index - DUAL_REACH - 1), -1):
        s = doc.sentence(idx)
        ents = [m for m in s.mentions if m.kind == "entity"]
        if not ents:
            continue
        cid = s.clause[ents[-1].start]
        codes = list(dict.fromkeys(c for m in ents if s.clause[m.start] == cid for c in m.codes))
        if len(codes) >= n:
            return codes[-n:]
    return []


_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "latest"})
_COPULAS = frozenset({"was", "is", "were", "are", "became", "becomes"})


def ordinal_pro_verb(sent: Sentence, k: int) -> bool:
    """'Pakistan was the first, in May 1997; Saudi Arabia followed': a state, a copula and
    'the first' with nothing after it (the end, a comma, a time phrase) stands for 'the first
    to do so', the act just told ('the first country in the region', 'the first to condemn
    it' are other predicates)."""
    if sent.lang not in ENGLISH or sent.tokens[k].f not in _ORDINALS or k < 3:
        return False
    if sent.tokens[k - 1].f != "the" or sent.tokens[k - 2].f not in _COPULAS:
        return False
    m = sent.mention_end.get(k - 3)
    if m is None or m.kind not in ACTOR_KINDS:
        return False
    nxt = k + 1
    return remnant_end(sent, nxt) and not sent.has(nxt, "conj") or time_phrase(sent, nxt) > nxt
