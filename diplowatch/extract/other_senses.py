"""Readings of a trigger that state no act: another sense of the word right beside it, a
generic or topical recognition noun, a document's content, an object that is no entity."""

from __future__ import annotations

from .lexicon.asia_mideast import VERB_FINAL
from .roles import Actors
from .sentence import Sentence
from .targets import ENTITY_CODES, SOVEREIGNTY


def other_sense_right_after(sent: Sentence, t: int, hi: int) -> bool:
    for k in range(t + 1, min(hi, t + 4)):
        if sent.has(k, "other"):
            return True
        if sent.has(k, "indep") or k in sent.mention_at:
            return False
    return False


_AR_DEFINITE = ("ال", "بال", "وال", "فال", "لل", "ولل")


def generic_noun(sent: Sentence, t: int, actors: Actors) -> bool:
    """Arabic 'الاعتراف بكوسوفو' with the article and no owner is recognition in general:
    'تعتبر روسيا أن الاعتراف بكوسوفو سابقة' (Russia deems recognizing Kosovo a precedent)
    names no act of Russia's. Its actor must then stand in the noun's own clause."""
    if sent.lang in ("ar", "he") and sent.has(t, "noun") and sent.has(t + 1, "generic"):
        return True  # 'اعتراف أي دولة بـ…' (any state's recognition): no state's act
    if sent.lang in (None, "en") and sent.has(t, "noun") and actors.mentions:
        return _english_generic(sent, t, actors)
    if sent.lang != "ar" or not sent.has(t, "noun") or not actors.mentions:
        return False
    if not sent.tokens[t].f.startswith(_AR_DEFINITE) or actors.how in ("possessor", "passive"):
        return False
    return all(sent.clause[m.start] != sent.clause[t] for m in actors.mentions
               if m.start < len(sent.clause))


_OWNERS = frozenset({"its", "their", "his", "her", "our", "my", "this", "that", "same", "'s",
                     "'"})


def _english_generic(sent: Sentence, t: int, actors: Actors) -> bool:
    """English 'Serbia said that recognition of Kosovo was illegal': a recognition noun with no
    owner ('its', 'Kenya's', 'that') whose subject stands only in another clause (or sentence)
    is recognition in general, nobody's act."""
    if actors.how not in ("subject", "pronoun", "first_person"):
        return False
    lo = sent.clause_range(t)[0]
    if any(sent.has(j, "neg") for j in range(lo, t)):
        return False  # 'I will never accept any recognition of Kosovo': a refusal
    k = t - 1
    while k >= 0 and sent.tokens[k].text.islower() and sent.tokens[k].f not in _OWNERS and (
            k >= t - 2 and not sent.has(k, "comp") and not sent.has(k, "speech")):
        k -= 1  # 'its formal recognition'
    opens = k > 0 and sent.has(k, "comp") and sent.clause[k] != sent.clause[k - 1]
    if k >= 0 and sent.tokens[k].f in _OWNERS and not opens:  # 'that' as a complementizer
        return False
    return actors.distance == 99 or all(sent.clause[m.start] != sent.clause[t]
                                        for m in actors.mentions if m.start < len(sent.clause))


_KO_TOPIC = ("이", "은", "가", "는")


def topic_noun(sent: Sentence, t: int) -> bool:
    """Korean marks the subject of an evaluation with a particle on the noun: '코소보 독립
    승인이 위험한 선례가 될 것' (the recognition would set a precedent) talks about an act,
    it reports none."""
    return (sent.lang == "ko" and sent.has(t, "noun")
            and sent.tokens[t].text.endswith(_KO_TOPIC))


def content_clause(sent: Sentence, t: int, hi: int) -> bool:
    """Chinese puts a clause before the noun it describes, with 的: '取消承认科索沃的文件'
    (documents withdrawing recognition of Kosovo), '…的报道' (reports that…). A document or
    report noun there makes the act that document's content, not the subject's act."""
    if sent.lang != "zh" or _predicate(sent, t):
        return False
    for k in range(t + 1, min(hi, t + 14)):
        if sent.tokens[k].text in ("，", ",", "。"):
            return False
        if sent.tokens[k].text == "的":  # '取消承认的国家': the countries that did (a relative)
            return sent.has(k + 1, "content") or sent.has(k + 1, "generic")
    return False


_ZH_PREDICATE = ("第", "唯一", "首个", "首批", "最早", "少数")


def _predicate(sent: Sentence, t: int) -> bool:
    """'土耳其是唯一承认…的国家', '朝鲜是继…之后第三个承认…的国家': after 是 with an ordinal or
    'only', the relative clause is the subject's predicate: the subject did it."""
    for k in range(t - 1, max(-1, t - 24), -1):
        if sent.tokens[k].text in ("，", ",", "。"):
            return False
        if sent.tokens[k].text == "是":
            between = "".join(sent.tokens[j].text for j in range(k + 1, t))  # characters
            return any(word in between for word in _ZH_PREDICATE)
    return False


def other_sense_right_before(sent: Sentence, t: int, lo: int) -> bool:
    """Verb-final languages put the object first: '영토 병합을 인정하지 않는다' (does not
    recognize the annexation), 'ilhakı tanımıyor'; a recognition noun as the object is
    another state's act, accepted or not."""
    if sent.lang not in VERB_FINAL:
        return False
    if t - 1 >= lo and sent.has(t - 1, "noun") and not sent.has(t, "noun"):
        return True  # '니카라과의 압하지야 승인을 인정하지 않는다': accepting another's act
    for k in range(t - 1, max(lo, t - 3) - 1, -1):
        if sent.has(k, "other"):
            return True
        if sent.has(k, "indep") or k in sent.mention_at:
            return False
    return False


def has_object_noun(sent: Sentence, t: int, hi: int) -> bool:
    """A non-entity object right after the verb ('recognized the problem') blocks carry-over."""
    k = t + 1
    if k >= hi:
        return False
    tok = sent.tokens[k]
    if sent.has(k, "other") or (tok.f in {"that", "что", "що", "que", "dass", "che", "ze"}):
        return True
    if _possessed(sent, k):
        return True  # 'recognized Azerbaijan's territorial integrity': the state's, no entity
    if _each_others(sent, k, hi):
        return True  # 'recognised each other's territorial integrity'
    return _state_sovereignty(sent, k, hi)


def _each_others(sent: Sentence, k: int, hi: int) -> bool:
    """English 'each other's borders' after the verb: what each owns is the object, unless an
    independence word follows ('each other's independence')."""
    if sent.lang not in (None, "en") or not sent.has(k, "mutual"):
        return False
    while k < hi and sent.has(k, "mutual"):
        k += 1  # 'each other', 'one another'
    if k >= hi or sent.tokens[k].text not in ("'s", "'"):
        return False
    return not any(sent.has(j, "indep") for j in range(k + 1, min(hi, k + 4)))


def _possessed(sent: Sentence, k: int) -> bool:
    """A state with the possessive 's after the verb owns the object."""
    m = sent.mention_at.get(k)
    return (m is not None and m.start == k and m.kind in ("state", "capital")
            and m.end < len(sent.tokens) and sent.tokens[m.end].text in ("'s", "'"))


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
