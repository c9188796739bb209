"""Diplomatic ties as acts of recognition: establishing (or restoring) relations with a
partially recognized entity recognizes it ('以色列与科索沃建交', '코소보와 수교했다',
'أقامت مالاوي علاقات دبلوماسية مع كوسوفو'), and a break told from Taipei's side ('台湾与瑙鲁
断交', 'Taiwan severed ties with Nauru') is the partner's withdrawal of its recognition."""

from __future__ import annotations

from .assertion import denied
from .candidates import Found
from .gazetteer import Mention
from .roles import TARGET_KINDS
from .rules import find_actors
from .scope import scope_of
from .sentence import Sentence

TIES_REACH = 6  # tokens around an 'establish' verb in which its ties word stands
_STATE_KINDS = ("state", "capital")
_ENTITY_CODES = frozenset({"PS", "TW", "EH", "XK"})


def establishes(sent: Sentence, k: int) -> bool:
    """An establishing word with its ties word ('established diplomatic relations'), and a
    partially recognized entity in its clause (or Beijing where Taiwan is named)."""
    if not sent.has(k, "establish_self"):
        if not sent.has(k, "establish"):
            return False
        lo, hi = sent.clause_range(k)
        if not any(sent.has(j, "ties") for j in range(max(lo, k - TIES_REACH),
                                                      min(hi, k + TIES_REACH + 1))):
            return False
    lo, hi = sent.clause_range(k)
    return any(_entity(m) for m in sent.mentions if lo <= m.start < hi)


def _entity(m: Mention) -> bool:
    return m.kind in TARGET_KINDS or bool(set(m.codes) & _ENTITY_CODES)


def _asserted(sent: Sentence, t: int) -> bool:
    lo, hi = sent.clause_range(t)
    scope = scope_of(sent, t, lo, hi)
    return not (scope.call or scope.modal or scope.neg or scope.hedge or denied(sent)
                or _negated_phrase(sent, t, lo))


def _negated_phrase(sent: Sentence, t: int, lo: int) -> bool:
    """Chinese: a negation earlier in the phrase reaches a chain of verbs up to a comma
    ('不会…与台湾断交、转而与北京建立外交关系')."""
    if sent.lang != "zh":
        return False
    for k in range(t - 1, lo - 1, -1):
        if sent.tokens[k].text in ("，", ",", "。"):
            return False
        if sent.has(k, "neg") and not sent.has(k, "neg_not"):
            return True
    return False


def beijing_half(sent: Sentence) -> bool:
    """The Beijing half of a break with Taipei is stated unless the sentence's own words for
    ties with Beijing only intend them ('중국과 수교하겠다', '拟与北京建交')."""
    return all(_asserted(sent, k) for k in range(len(sent.tokens))
               if sent.has(k, "establish") or sent.has(k, "establish_self"))


PARTNER_REACH = 8  # tokens from the establishing word to its partner ('与X建交', 'with X')


def established(doc, sent: Sentence, t: int) -> list[Found]:
    """The states among the parties recognize the entities among them."""
    if not _asserted(sent, t):
        return []
    lo, hi = sent.clause_range(t)
    actors = find_actors(doc, sent, t, hi)
    subject = actors.mentions or actors.entity_group
    near = [m for m in sent.mentions if lo <= m.start < hi and m not in subject
            and (m.kind in _STATE_KINDS or _entity(m))]
    # the partner stands by the word; the clause's first name is its subject however far
    parties = subject + [m for i, m in enumerate(near)
                         if abs(m.start - t) <= PARTNER_REACH or (i == 0 and m.start < t)]
    states = [c for m in parties if m.kind in _STATE_KINDS for c in m.codes
              if c not in _ENTITY_CODES and c != "CN"]
    entities = [c for m in parties if _entity(m) for c in m.codes]
    if any("CN" in m.codes for m in parties):
        entities = ["CN"]  # ties with Beijing beside Taiwan: the other half of a switch
    return [Found(a, e, "recognize", 0.7, sent.index, t)
            for a in dict.fromkeys(states) for e in dict.fromkeys(entities) if a != e]


def broken_by_taipei(doc, sent: Sentence, t: int) -> list[Found]:
    """'台湾外交部宣布与瑙鲁断交', '대만이 나우루와 단교했다', 'Taiwan cut ties with Nauru':
    Taipei as the subject of the break; the state it broke with withdrew its recognition."""
    if not _asserted(sent, t):
        return []
    lo, hi = sent.clause_range(t)
    actors = find_actors(doc, sent, t, hi)
    after = sent.mention_at.get(t + 1)  # Arabic verb first: 'قطعت تايوان علاقاتها مع …'
    subject = actors.mentions or actors.entity_group or ([after] if after is not None else [])
    if not subject or any(c != "TW" for m in subject for c in m.codes):
        return []
    partners = [c for m in sent.mentions if lo <= m.start < hi and m not in subject
                and m.kind in _STATE_KINDS for c in m.codes if c not in ("TW", "CN")]
    return [Found(p, "TW", "withdraw", 0.7, sent.index, t) for p in dict.fromkeys(partners)]
