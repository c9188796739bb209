"""What a trigger is about: entity mentions in its clause, else a carried-over antecedent."""

from __future__ import annotations

from .coordination import ARTICLES, groups
from .gazetteer import Mention
from .lexicon.asia_mideast import VERB_FINAL
from .roles import FREE_ORDER, TARGET_KINDS
from .sentence import Sentence

OBJECT_WINDOW = 4  # a plain state right after the verb can be the recognized state


def clause_targets(sent: Sentence, t: int, lo: int, hi: int, actors: list[Mention]) -> list[Mention]:
    taken = {id(m) for m in actors}
    indep = any(sent.has(k, "indep") for k in range(lo, hi))
    found = [m for m in sent.mentions if lo <= m.start and m.end <= hi and id(m) not in taken
             and m.kind in TARGET_KINDS and (m.kind != "territory" or indep)
             and not _owns_other(sent, m)]
    if any(m.end <= t for m in found):
        # 'Abchazję uznają Rosja …, a także republiki — Naddniestrze': with the object fronted,
        # names after the inverted subject continue the subject, they are not objects
        found = [m for m in found if not any(t < a.start < m.start for a in actors)]
    after = [m for m in found if m.start > t and not _other_sense_between(sent, t, m.start)
             and not _modifier_of_other(sent, m) and not _partner_of_later(sent, m)]
    if after:
        return after
    if any(m.start > t for m in found):  # the only objects are other senses (annexation...)
        return []
    return [m for m in found if m.end <= t and not _behind_preposition(sent, m)
            and not _sovereignty_before(sent, m.end, t)]


def _sovereignty_before(sent: Sentence, start: int, t: int) -> bool:
    """Verb-final: '서사하라에 대한 모로코의 주권을 인정했다', 'Batı Sahra üzerindeki Fas
    egemenliğini tanıdı': a state's sovereignty stands between the territory and the verb."""
    if sent.lang not in VERB_FINAL:
        return False
    sov = next((k for k in range(start, t) if sent.tokens[k].f.startswith(SOVEREIGNTY)), None)
    return sov is not None and any(
        m.kind in ("state", "adj") and not set(m.codes) & ENTITY_CODES
        and not any(c.islower() for c in m.codes)
        for m in sent.mentions if start <= m.start < sov)


_OWNED_OTHER = frozenset({"right", "rights", "passport", "passports", "documents", "diplomas",
                          "bid", "application", "membership", "team", "athletes", "licence",
                          "license", "licences", "licenses", "plates", "currency"})


def _owns_other(sent: Sentence, m: Mention) -> bool:
    """'recognized Kosovo's right to join Interpol', '… Kosovo's passports': the entity owns
    what is recognized; its statehood is not the object ('Kosovo's independence' is)."""
    k = m.end
    if k >= len(sent.tokens) or sent.tokens[k].text not in ("'s", "'"):
        return False
    for j in range(k + 1, min(len(sent.tokens), k + 4)):
        if sent.has(j, "indep"):
            return False
        if sent.has(j, "other") or sent.tokens[j].f in _OWNED_OTHER:
            return True
    return False


def _modifier_of_other(sent: Sentence, m: Mention) -> bool:
    """Chinese noun phrases end in their head: in '顿涅茨克人民共和国选举的结果' the name
    modifies 'election results', what is recognized."""
    if sent.lang != "zh":
        return False
    for k in range(m.end, min(len(sent.tokens), m.end + 5)):
        if sent.tokens[k].text in ("，", "。", "、", ",") or sent.has(k, "indep"):
            return False
        if sent.has(k, "other"):
            return True
    return False


def _partner_of_later(sent: Sentence, m: Mention) -> bool:
    """Chinese '承认与台湾保持外交关系的索马里兰' (recognized Somaliland, which keeps ties
    with Taiwan): a name after 与 in the clause before 的 + a name is that clause's partner,
    not the object ('承认阿布哈兹与南奥塞梯的独立' has no name after 的: both are objects)."""
    if sent.lang != "zh" or m.start == 0 or sent.tokens[m.start - 1].text not in ("与", "與"):
        return False
    for k in range(m.end, min(len(sent.tokens) - 1, m.end + 10)):
        if sent.tokens[k].text in ("，", ",", "。", "、") or k in sent.mention_at:
            return False
        if sent.tokens[k].text == "的":
            return k + 1 in sent.mention_at
    return False


def state_object(sent: Sentence, t: int, hi: int) -> Mention | None:
    """'recognized South Sudan': a state directly after the verb, not possessive, same clause;
    a focus adverb may stand between ('reconoce solo a la República de Chipre')."""
    k = t + 1
    while k < hi and (sent.tokens[k].f in ARTICLES or sent.tokens[k].f in {"as", "the"}
                      or sent.has(k, "focus")):
        k += 1
    m = sent.mention_at.get(k)
    if m is None or m.start != k or m.end > hi or not (
            m.kind == "state" or (m.kind == "capital" and set(m.codes) <= _RIVAL_SEATS)):
        return None  # 'recognise Taipei', 'recognized Beijing': the seat names the government
    if m.end < len(sent.tokens) and sent.tokens[m.end].text in {"'s", "'"}:
        return None
    if any(sent.has(j, "other") for j in range(m.end, min(hi, m.end + 4))):
        return None
    if sent.lang in FREE_ORDER and _nominative_list(sent, m):
        return None  # 'визнали Нікарагуа, Венесуела й Науру': the subject, after the verb
    return m


_RIVAL_SEATS = frozenset({"TW", "CN"})


def _nominative_list(sent: Sentence, m: Mention) -> bool:
    """A Russian or Ukrainian name in a list whose other members cannot be accusative."""
    group = groups(sent).get(m.start, [m])
    return any(g is not m and sent.grams(g.end - 1) and "accs" not in sent.grams(g.end - 1)
               and "Fixd" not in sent.grams(g.end - 1) for g in group)


def _other_sense_between(sent: Sentence, t: int, start: int) -> bool:
    """'recognize Morocco's annexation of Western Sahara' — unless independence comes first."""
    if sent.lang == "zh" and _state_over(sent, t, start):
        return True
    for k in range(t + 1, start):
        if sent.has(k, "other"):
            return True
        if sent.has(k, "indep"):
            return _sovereignty_over(sent, k, start)
    return False


# Folded stems of 'sovereignty' in the languages read.
SOVEREIGNTY = ("sover", "sobera", "souver", "sovran", "suweren", "суверен", "soberan", "suveren",
               "suveran", "سياد", "بسياد", "egemenli", "주권", "ריבונות")
_OVER = {"over", "sobre", "sur", "uber", "su", "nad", "над", "sopra", "على", "asupra", "sul",
         "sulla"}
_ZH_OVER = {"对", "對"}


def _state_over(sent: Sentence, t: int, start: int) -> bool:
    """'承认摩洛哥对西撒哈拉的主权': a state, then 对 before the target — the sovereignty of
    that state over it is what is recognized."""
    return any(sent.tokens[k].text in _ZH_OVER and (k - 1) in sent.mention_end
               and sent.mention_end[k - 1].kind in ("state", "adj")
               for k in range(t + 1, start))


def _sovereignty_over(sent: Sentence, k: int, start: int) -> bool:
    """'la soberanía marroquí sobre el Sáhara': sovereignty of a state over the target."""
    if not sent.tokens[k].f.startswith(SOVEREIGNTY):
        return False
    window = range(k + 1, min(start, k + 4))
    if any(sent.tokens[j].f in _OVER for j in window):
        return True
    # 'esa soberanía marroquí', 'Morocco's sovereignty': a state's sovereignty, not the entity's
    owners = [sent.mention_at.get(j) for j in (*window, k - 1, k - 2) if 0 <= j < len(sent.tokens)]
    return any(m is not None and m.kind in ("adj", "state") and not set(m.codes) & ENTITY_CODES
               and not any(c.islower() for c in m.codes) for m in owners)


ENTITY_CODES = {"PS", "TW", "EH", "XK"}


def _under_other_sense(sent: Sentence, m: Mention) -> bool:
    """'the results of the elections held in the DPR': the antecedent is the results."""
    return any(sent.has(k, "other") for k in range(max(0, m.start - 6), m.start))


def _behind_preposition(sent: Sentence, m: Mention) -> bool:
    p = m.start - 1
    while p >= 0 and sent.tokens[p].f in ARTICLES:
        p -= 1
    return p >= 0 and sent.has(p, "block") and sent.tokens[p].f in {"from", "between", "against"}


def carried_targets(doc, sent: Sentence, lo: int) -> list[Mention]:
    """Antecedent of 'them', 'the pair', 'их': nearest earlier entity group, else the next one."""
    for idx in range(sent.index, max(-1, sent.index - 3), -1):
        s = doc.sentence(idx)
        limit = lo if s is sent else len(s.tokens)
        cands = [m for m in s.mentions if m.end <= limit and m.kind in TARGET_KINDS
                 and m.kind != "territory" and not _under_other_sense(s, m)]
        if cands:
            cid = s.clause[cands[-1].start]
            return [m for m in cands if s.clause[m.start] == cid]
    nxt = doc.sentence(sent.index + 1) if sent.index + 1 < doc.count else None
    if nxt is not None:
        cands = [m for m in nxt.mentions if m.kind == "entity"]
        if cands:
            return doc.groups(nxt)[cands[0].start]
    return []
