"""Is the act asserted, and by whom? Checks of the round-two grammar rules (docs/extraction.md):
denial frames, infinitives without a governor, cessation, causes, acts not yet in force, the
territorial sense after a target, passive voice, entity subjects, a government stating its own
position. Each reads the cue tags of one sentence (lexicon/frames.py).
"""

from __future__ import annotations

import re

from .gazetteer import Mention
from .lexicon.asia_mideast import VERB_FINAL
from .roles import OF_WORDS, ORDINAL, Actors
from .romance_voice import compound_past
from .sentence import Sentence

INF_WINDOW = 10  # tokens before an infinitive in which its governor is looked for


def caused(sent: Sentence, t: int) -> bool:
    """'cut ties because of the recognition', '抗议三国承认科索沃' (protesting the three
    states' recognizing): the subject reacts to the act. Chinese verbs take such a clause as
    their object without a noun form."""
    return ((sent.has(t, "noun") or sent.lang == "zh")
            and any(sent.has(k, "cause") for k in range(max(0, t - 4), t)))


def not_yet(sent: Sentence, t: int) -> bool:
    """'…, a decision that will take effect on 28 May', '…, якщо Азербайджан…'; a concessive
    'even if', 'même si', 'si bien', 'auch wenn' concedes and conditions nothing."""
    return any(sent.has(k, "not_yet") and not _concessive(sent, k)
               for k in range(t + 1, min(len(sent.tokens), t + 25)))


_CONCEDING = frozenset({"even", "meme", "auch", "selbst", "anche", "pur", "ainda", "incluso"})


def _concessive(sent: Sentence, k: int) -> bool:
    before = sent.tokens[k - 1].f if k > 0 else ""
    after = sent.tokens[k + 1].f if k + 1 < len(sent.tokens) else ""
    return before in _CONCEDING or after == "bien"


def ceased(sent: Sentence, t: int, lo: int, hi: int, neg: bool = False) -> bool:
    """'no longer' by the trigger: before it across 'da'/'de' ('prestala da priznaje', 'dejó
    de reconocer'), after it ('nicht mehr an'). In a verb-final clause the word stands before
    the object, however long ('더 이상 중화민국(대만)을 … 인정하지 않는다', 'artık Tayvan'ı …
    tanımıyor'): with the verb negated it counts from the clause start."""
    start = lo if neg and sent.lang in VERB_FINAL else max(0, t - 4)
    return any(sent.has(k, "cease") for k in range(start, min(hi, t + 7)) if k != t)


PARTICLE_REACH = 4  # 'لم تكن الحكومة قد اعترفت': the particle, an auxiliary, a subject, 'قد'


def particle_elsewhere(sent: Sentence, k: int, t: int) -> bool:
    """A negative particle stands right before the verb it negates (Arabic لا/لم/لن, Hebrew
    לא): far before the trigger, or across a comma, conjunction or complementizer, it is
    another verb's ('أن موقفها لم يتغير وأنها تعترف…': its position has not changed and it
    recognizes)."""
    return sent.has(k, "neg_particle") and (t - k > PARTICLE_REACH or any(
        sent.has(j, "comp") or sent.has(j, "conj") or sent.tokens[j].text in ",،"
        for j in range(k + 1, t)))


def unlicensed_infinitive(sent: Sentence, t: int) -> bool:
    """An infinitive trigger that no decision, ordinal, continuation or refusal governs:
    'the need to recognize', 'попросила признать', 'начнут признавать' assert nothing."""
    if sent.has(t, "noun"):
        return False
    k = t - 1
    while k >= 0 and sent.tokens[k].f.endswith("ly") and sent.lang == "en":
        k -= 1  # 'to formally recognize'
    if not (sent.has(t, "inf") or sent.has(k, "inf")):
        return False
    return not _governed(sent, t)


def _governed(sent: Sentence, t: int) -> bool:
    """A decision, an ordinal, continuation or a refusal before an infinitive at ``t``."""
    window = range(max(0, t - INF_WINDOW), t)
    return any(sent.has(j, "inf_ok") or sent.has(j, "neg") or sent.has(j, "cease")
               or sent.has(j, "past_inf") or ORDINAL.fullmatch(sent.tokens[j].text) for j in window) or _owned_move(sent, t)


def _owned_move(sent: Sentence, t: int) -> bool:
    """English 'Israel's move to recognise Somaliland': a state's own move is its act."""
    return (t >= 3 and sent.tokens[t - 2].f in ("move", "step") and sent.tokens[t - 3].text in ("'s", "'")
            and sent.tokens[t - 1].f == "to")


# Infinitive endings of the verbs of undoing, where the form shows it (English shows it by
# 'to', German by 'zu' inside the separable verb).
_INF_ENDINGS = {"ru": ("ть", "ться", "чь"), "uk": ("ти", "тися", "тись"),
                "sr": ("ti", "ći", "ти", "ћи"), "pl": ("ć",), "cs": ("t",),
                "fr": ("er", "ir", "dre", "tre"),  # not '-re': the present 'retire'
                "es": ("ar", "er", "ir"), "pt": ("ar", "er", "ir"),
                "it": ("are", "ere", "ire")}
_DE_ZU = re.compile(r"(?:zuruck|auf|aus|ab|ein)zu\w+en")


def unlicensed_undoing(sent: Sentence, t: int, lo: int) -> bool:
    """A verb of undoing in the infinitive before the recognition noun, which nothing governs
    ('were preparing to withdraw their recognition', 'да ће …, одустати од признања' with the
    future far before it): the withdrawal is not asserted, as for an infinitive trigger."""
    if not sent.has(t, "noun"):
        return False
    k = next((j for j in range(t - 1, max(lo, t - 5) - 1, -1) if sent.has(j, "withdraw")), None)
    if k is None or not _infinitive(sent, k):
        return False
    return not _governed(sent, k)


def _infinitive(sent: Sentence, k: int) -> bool:
    tok = sent.tokens[k]
    if sent.lang in (None, "en"):
        return k > 0 and sent.tokens[k - 1].f == "to"
    if sent.lang == "de":
        return _DE_ZU.fullmatch(tok.f) is not None or (k > 0 and sent.tokens[k - 1].f == "zu")
    return tok.text.lower().endswith(_INF_ENDINGS.get(sent.lang or "", ()))


def entity_subject(sent: Sentence, t: int, group: list[Mention]) -> bool:
    """An entity before an active trigger is its subject unless an earlier act has it as
    object ('have recognised Abkhazia and six have recognised South Ossetia')."""
    if not group or passive_voice(sent, t):
        return False
    return not any(sent.has(k, "trigger") or sent.has(k, "noun") for k in range(group[0].start))


def nominative_entity(sent: Sentence, m: Mention) -> bool:
    grams = sent.grams(m.end - 1)
    return sent.tokens[m.end - 1].text.isupper() or not grams or "nomn" in grams


def territorial_after(sent: Sentence, m: Mention) -> bool:
    """'Abkhazia as part of Georgia', 'Абхазию частью Грузии': not the independence sense."""
    return any(sent.has(k, "part_of") for k in range(m.end, min(len(sent.tokens), m.end + 3)))


BE = {"is", "was", "were", "are", "been", "be", "being", "remains", "remained"}


def passive_voice(sent: Sentence, t: int) -> bool:
    """'South Ossetia is recognized by…': the entity before a passive verb is its object."""
    if not sent.has(t, "passive"):
        return False
    if sent.lang not in (None, "en"):
        return not compound_past(sent, t)  # 'a reconnu', 'ha riconosciuto': active
    return any(sent.tokens[k].f in BE for k in range(max(0, t - 3), t))


def denied(sent: Sentence) -> bool:
    """A denial or rumour frame anywhere in the sentence: 'denied that it had recognized',
    'reports that X recognized Y are false'. The act is then neither asserted nor refused."""
    return any(sent.has(k, "deny") for k in range(len(sent.tokens)))


def government_speaks(sent: Sentence, actors: Actors) -> bool:
    """'El Gobierno español no reconocerá…', 'President Vucic will never recognize…', 'the
    government of Chile', 'Guvernul României': a government or its leader as the subject states
    its own position; a bare country name ('Armenia does not recognize…') may be the
    journalist's description."""
    return bool(actors.mentions) and all(m.kind in ("adj", "person") or _office_of(sent, m)
                                         for m in actors.mentions)


def _office_of(sent: Sentence, m: Mention) -> bool:
    """A state named as the owner of a government noun right before it ('el Gobierno de
    Chile'; Romanian 'Guvernul României' with the genitive on the name, where a word right
    before a name is no adverb of its clause, as Russian 'официально Россия' is)."""
    p = m.start - 1
    if p >= 1 and sent.tokens[p].f in OF_WORDS:
        p -= 1
    elif sent.lang != "ro":
        return False
    return p >= 0 and sent.has(p, "gov")


_NEGATORS = {"not", "n't", "never", "no", "cannot", "nie", "nicht", "niemals", "kein", "keine",
             "non", "nunca", "jamas", "jamais", "ne", "pas", "mai", "nao", "не", "никогда",
             "ніколи", "nigdy", "nikada", "никада", "nece", "неће", "nikad", "никад", "nu",
             "niciodata"}


def plain_negation(sent: Sentence, t: int) -> bool:
    """A grammatical negator before the verb ('does not', 'no reconocerá', 'не признает'),
    not a described behaviour ('held back from', 'refrained from', 'declined')."""
    return any(sent.tokens[k].f in _NEGATORS for k in range(max(0, t - 4), t))


_WILL = frozenset({"will", "shall", "'ll"})
_OPENERS = frozenset({"the", "but", "and", "yet"})


def pledged(sent: Sentence, t: int, actors: Actors) -> bool:
    """English 'Serbia will never recognize the independence of Kosovo': a state opening the
    sentence with a negated future states its own position (a journalist describes what a
    state does, not what it will do); 'Analysts believe Serbia will never…' does not open
    with the state."""
    if sent.lang not in (None, "en") or actors.how != "subject" or not actors.mentions:
        return False
    first = actors.mentions[0]
    if sent.mention_at.get(first.start) is not first or any(
            sent.tokens[k].f not in _OPENERS for k in range(first.start)):
        return False
    words = [sent.tokens[k].f for k in range(max(0, t - 3), t)]
    return any(w in _WILL for w in words) and any(w in ("not", "never", "n't") for w in words) or (
        "won't" in words)


def names(sent: Sentence, codes: set[str]) -> bool:
    """A neighbouring sentence's speech verb speaks for the actor only if it names the actor
    (its state, capital, leader or demonym): 'Сербія досі не визнала…' after a Kosovar
    minister's words is a description, not Serbia's statement."""
    return any(set(m.codes) & codes for m in sent.mentions)


_GENITIVE_ENDS = {"ko": ("의",), "tr": ("'in", "'ın", "'un", "'ün", "'nin", "'nın", "'nun", "'nün")}


def owned_noun(sent: Sentence, t: int, actors: Actors) -> bool:
    """Korean and Turkish: a recognition noun whose actor is its genitive owner ('이스라엘의
    소말릴란드 승인을 따르지 않겠다', 'İsrail'in tanımasını desteklemiyor') is presupposed as
    done; the negation after it belongs to the verb that governs it, not to the act."""
    ends = _GENITIVE_ENDS.get(sent.lang or "")
    if not ends or not sent.has(t, "noun") or not actors.mentions:
        return False
    last = sent.tokens[actors.mentions[-1].end - 1].text
    return last.endswith(ends)


# Words that put the source after them: 'según el ministro serbio', 'selon', 'potrivit'.
_SOURCE_WORDS = frozenset({"according", "segun", "selon", "secondo", "segundo", "potrivit",
                           "conform"})
_SPEAKER_REACH = 6
_SPEAKER_KINDS = frozenset({"state", "adj", "person", "capital"})


def third_party_speaker(sent: Sentence, t: int, codes: set[str]) -> bool:
    """'El presidente serbio afirmó que Grecia no reconoce a Kosovo': every verb of saying in
    the sentence has a speaker of another state (before the verb, or after it when it follows
    the act or is 'according to'), so the negation is that speaker's description of the
    actor, not the actor's own refusal. A verb whose speaker is not named keeps the reading; a
    name after a preposition ('амбасадор у Београду', in Belgrade) is a place, not a speaker."""
    n, speakers = len(sent.tokens), 0
    for k in range(n):
        if not sent.has(k, "speech"):
            continue
        span = _speaker_span(sent, k, k > t or sent.tokens[k].f in _SOURCE_WORDS)
        found = [m for m in sent.mentions if m.start in span and m.kind in _SPEAKER_KINDS
                 and not _placed(sent, m)]
        if not found or any(set(m.codes) & codes for m in found):
            return False
        speakers += 1
    return speakers > 0


def _speaker_span(sent: Sentence, k: int, after: bool) -> set[int]:
    """The tokens beside a verb of saying where its speaker stands, up to a comma."""
    step = 1 if after else -1
    out: set[int] = set()
    j = k + step
    while 0 <= j < len(sent.tokens) and abs(j - k) < _SPEAKER_REACH and (
            sent.tokens[j].text not in (",", ";", ":", "«", "»", '"', "“", "”")):
        out.add(j)
        j += step
    return out


def _placed(sent: Sentence, m: Mention) -> bool:
    """A name after a preposition of place ('in Belgrade'), not after 'of' governed by an
    office ('el embajador de Serbia')."""
    p = m.start - 1
    if not sent.has(p, "block") or sent.has(p, "gov"):
        return False
    return not (sent.tokens[p].f in OF_WORDS and sent.has(p - 1, "gov"))
