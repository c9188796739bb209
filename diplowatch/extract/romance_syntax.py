"""Romance clause syntax the subject search needs: the subject of a fronted 'after having
recognized' clause, a clitic object with the subject after the verb, co-actors joined by 'as
well as' after the act, and first-person verb endings (the languages drop the pronoun).

Cue fields (lexicon/romance.py): ``past_inf``, ``clitic``, ``also_as``.
"""

from __future__ import annotations

from .agents import INVERTED, inverted_actors
from .coordination import ARTICLES
from .gazetteer import Mention
from .roles import ACTOR_KINDS, Actors, group_status
from .sentence import Sentence

# First person plural endings of a finite verb: 'reconocemos', 'hemos', 'riconosciamo',
# 'abbiamo', 'reconhecemos', 'temos', 'recunoaștem'; French and Romanian 'am' (auxiliary of
# the first person, singular or plural) are words.
_FIRST_ENDINGS = {"es": ("amos", "emos", "imos"), "pt": ("amos", "emos", "imos"),
                  "it": ("iamo", "emmo", "ammo"), "ro": ("em", "am", "im")}
_FIRST_WORDS = {"ro": frozenset({"am"})}
# Lower-case words that end like a first person verb but are none ('mismos', 'primos').
_NOT_VERBS = frozenset({"mismos", "primos", "vamos", "ramos", "tiempos", "temas"})


def first_person_verb(sent: Sentence, t: int) -> bool:
    """The trigger or the auxiliary right before it is in the first person: the speaker's
    own act (or refusal), whose actor is the one quoted."""
    ends = _FIRST_ENDINGS.get(sent.lang or "")
    if not ends:
        return False
    for k in (t, t - 1):
        if k < 0:
            continue
        word = sent.tokens[k].f
        if k < t and not (sent.tokens[k].text.islower() and len(word) <= 9):
            continue
        if word in _FIRST_WORDS.get(sent.lang or "", ()) or (
                word.endswith(ends) and word not in _NOT_VERBS and len(word) > 4
                and (k == t or _auxiliary(word))):
            return True
    return False


def _auxiliary(word: str) -> bool:
    """'hemos', 'habíamos', 'abbiamo', 'avevamo', 'temos', 'tínhamos', 'havíamos'."""
    return word.startswith(("hem", "hab", "abb", "avev", "tem", "tinh", "hav"))


def romance_actors(doc, sent: Sentence, t: int, hi: int) -> Actors | None:
    """The subject of a fronted clause of time past, or the subject after the verb of a
    clitic verb phrase; None when neither construction is there."""
    owner = decision_owner(doc, sent, t)
    if owner:
        return Actors(mentions=owner, how="possessor")
    fronted = fronted_subject(doc, sent, t)
    if fronted:
        return Actors(mentions=fronted, distance=fronted[0].start - t)
    if sent.lang in INVERTED and clitic_after_conjunction(sent, t):
        post = inverted_actors(doc, sent, t, hi)
        if post.mentions:
            return post
    return None


_INF_PREP = frozenset({"de", "d'", "di", "a"})
_OF_OWNER = frozenset({"de", "du", "del", "della", "dello", "dell'", "dei", "do", "da", "di",
                       "des"})


def decision_owner(doc, sent: Sentence, t: int) -> list[Mention]:
    """'Israel criticó la decisión de Colombia de reconocer a Palestina', 'la décision du
    Ghana de reconnaître', 'decizia Irlandei de a recunoaște': the owner of the decision an
    infinitive depends on is its actor, not the subject that reacts to it."""
    t = _undoing_infinitive(sent, t)
    if t < 0 or not (sent.has(t, "inf") or sent.has(t - 1, "inf") or sent.has(t, "withdraw")):
        return []
    k = t - 1
    while k >= 0 and t - k <= 2 and sent.tokens[k].f in _INF_PREP:
        k -= 1
    m = sent.mention_end.get(k)
    if k == t - 1 or m is None or m.kind not in ACTOR_KINDS:
        return []
    p = m.start - 1
    while p >= 0 and sent.tokens[p].f in ARTICLES and sent.tokens[p].f not in _OF_OWNER:
        p -= 1
    if p >= 0 and sent.tokens[p].f in _OF_OWNER:
        p -= 1
    elif sent.lang != "ro":  # Romanian marks the owner by its genitive ending alone
        return []
    if p < 0 or not sent.has(p, "inf_ok"):
        return []
    return [g for g in doc.groups(sent)[m.start] if g.kind in ACTOR_KINDS]


def _undoing_infinitive(sent: Sentence, t: int) -> int:
    """The verb an owner's decision governs: the trigger, or before a recognition noun the
    infinitive of undoing ('la décision du Togo de retirer sa reconnaissance'); -1 if none."""
    if not sent.has(t, "noun"):
        return t
    for j in range(t - 1, max(-1, t - 4), -1):
        if sent.has(j, "withdraw") and sent.tokens[j].f.endswith(_INF_END):
            return j
    return -1


def fronted_subject(doc, sent: Sentence, t: int) -> list[Mention]:
    """'Tras reconocer a Palestina, Noruega abrió…', 'Après avoir reconnu la Palestine,
    l'Espagne a…': the subject of a fronted clause of time past is the main clause's, the
    first state group after the comma that closes the fronted clause."""
    k = t - 1
    while k >= 0 and sent.has(k, "past_inf") and k > t - 4:
        k -= 1
    if k == t - 1 or (k >= 0 and sent.tokens[k].text not in (",", "«", '"')):
        return []
    n = len(sent.tokens)
    comma = next((j for j in range(t + 1, min(n, t + 12)) if sent.tokens[j].text == ","), None)
    if comma is None:
        return []
    j = comma + 1
    while j < n and sent.tokens[j].f in ARTICLES:
        j += 1
    m = sent.mention_at.get(j)
    if m is None or m.start != j or m.kind not in ACTOR_KINDS:
        return []
    return [g for g in doc.groups(sent)[m.start] if g.kind in ACTOR_KINDS]


def clitic_after_conjunction(sent: Sentence, t: int) -> bool:
    """'… y la reconocieron también Uruguay y Bolivia': a clitic object right before a
    finite trigger, right after a conjunction, opens a new verb phrase whose subject may
    follow the verb; the subject before the conjunction is the first verb's."""
    return (t >= 2 and not sent.has(t, "noun") and not sent.has(t, "inf")
            and sent.has(t - 1, "clitic") and sent.has(t - 2, "conj"))


def co_actors_after(doc, sent: Sentence, t: int) -> list[Mention]:
    """'La Norvège a reconnu la Palestine, ainsi que l'Irlande et l'Espagne': states after
    'as well as' at the end of the act's clause share its act (an object would carry the
    preposition: 'así como a Sudán del Sur')."""
    grouped = doc.groups(sent)
    n = len(sent.tokens)
    for k in range(t + 1, n):
        if sent.has(k, "trigger") or sent.has(k, "anaphor_act"):
            return []
        m = sent.mention_at.get(k)
        if m is None or m.start != k or m.kind not in ACTOR_KINDS:
            continue
        p = k - 1
        while p > t and sent.tokens[p].f in ARTICLES:
            p -= 1
        if not sent.has(p, "also_as"):
            continue
        group = grouped[m.start]
        end = group[-1].end
        if end >= n or not sent.tokens[end].text[:1].isalpha():
            return [g for g in group if g.kind in ACTOR_KINDS]
    return []


# French negation has two parts; 'ne … que' without a second negator is 'only': 'le Ghana
# n'a reconnu le Kosovo qu'en 2012' (recognized it only in 2012) asserts the act.
_FR_NE = frozenset({"ne", "n'"})
_FR_SECOND = frozenset({"pas", "jamais", "plus", "ni", "aucun", "aucune", "rien", "personne",
                        "guere", "nullement", "point"})


def restrictive_ne(sent: Sentence, t: int, hi: int) -> bool:
    if sent.lang != "fr":
        return False
    start = next((k for k in range(max(0, t - 4), t) if sent.tokens[k].f in _FR_NE), None)
    if start is None:
        return False
    end = min(len(sent.tokens), hi + 1)  # 'qu'' opens the next clause
    if any(sent.tokens[k].f in _FR_SECOND for k in range(start, end)):
        return False
    return any(sent.tokens[k].f in ("que", "qu'") for k in range(t + 1, end))


_INF_END = ("ar", "er", "ir", "re")
_TO = frozenset({"a", "à"})  # not 'de': 'la decisión de Panamá de reconocer'


def called_infinitive(sent: Sentence, k: int) -> bool:
    """'animó a España y a los países que aún no la reconocen, Grecia y Chipre, a dar ese paso':
    an infinitive after 'a'/'à' whose call verb stands before the addressee and its relative
    clause, outside the infinitive's own clause."""
    if sent.lang not in ("es", "fr", "it", "pt") or k < 1:
        return False
    if not (sent.tokens[k].f.endswith(_INF_END) and sent.tokens[k - 1].text.lower() in _TO):
        return False
    return any(sent.has(j, "call") for j in range(k - 1))


def neither_nor(sent: Sentence, t: int, lo: int) -> bool:
    """Italian 'Né la Grecia né la Spagna riconoscono…': accented 'né' (neither, nor) negates
    the verb after it; unaccented 'ne' is a clitic ('ne ha riconosciuto'), folded the same."""
    return sent.lang == "it" and any(sent.tokens[k].text.lower() == "né" for k in range(lo, t))


def past_anaphor(sent: Sentence, t: int) -> int:
    """The token after the pro-verb that starts at ``t`` (and a colon or dash after it)."""
    k = t
    while k < len(sent.tokens) and (sent.has(k, "anaphor_act") or sent.tokens[k].text in ":—–-"):
        k += 1
    return k


def relative_after(sent: Sentence, t: int) -> bool:
    """'el paso similar que ya habían dado el Reino Unido y Canadá', 'una decisión que también
    adoptaron Nauru y Siria': a relative clause on the pro-noun whose verb takes the step
    (not 'la misma decisión que Serbia criticó') names who took it."""
    k = past_anaphor(sent, t)
    if not any(sent.has(j, "comp") for j in range(t, k + 1)):
        return False
    return any(sent.has(j, "step_verb") for j in range(k, min(len(sent.tokens), k + 10)))


def inverted_after_pro_verb(doc, sent: Sentence, t: int) -> list[Mention]:
    """'… y un año después lo hicieron Chile y Perú', 'lo ha fatto anche l'Italia': where the
    subject may follow the verb, a state group right after the pro-verb is its subject (not
    'lo hizo tras Rusia', a background)."""
    k = past_anaphor(sent, t)
    if sent.lang not in INVERTED or any(sent.has(j, "comp") for j in range(t, k + 1)):
        return []  # a relative clause on the pro-noun: relative_after decides
    for j in range(k, min(len(sent.tokens), k + 3)):
        m = sent.mention_at.get(j)
        if m is not None:
            group = doc.groups(sent)[m.start]
            if group_status(sent, group) != "actor":
                return []
            return [g for g in group if g.kind in ACTOR_KINDS]
    return []


# Determiners that open the object noun phrase (folded), and the object markers before it
# ('reconoció a …', 'au', 'ao'); Portuguese 'a' is the article.
_DETERMINERS = {
    "es": frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas", "su", "sus", "este",
                     "esta", "estos", "estas", "ese", "esa", "esos", "esas"}),
    "fr": frozenset({"le", "la", "les", "l'", "un", "une", "des", "du", "sa", "son", "ses",
                     "leur", "leurs", "ce", "cet", "cette", "ces"}),
    "it": frozenset({"il", "lo", "la", "l'", "i", "gli", "le", "un", "uno", "una", "suo", "sua",
                     "suoi", "sue", "questo", "questa"}),
    "pt": frozenset({"o", "a", "os", "as", "um", "uma", "uns", "umas", "seu", "sua", "seus",
                     "suas", "este", "esta", "esse", "essa"}),
}
_MARKERS = {"es": frozenset({"a", "al"}), "fr": frozenset({"à", "au", "aux"}),
            "it": frozenset({"a", "al", "alla"}), "pt": frozenset({"ao", "aos", "à"})}


def non_entity_object(sent: Sentence, t: int, hi: int) -> bool:
    """'Chile reconoció los esfuerzos de Palestina', 'reconnaît les passeports du Kosovo',
    'un reconocimiento a la embajada de Palestina', 'l'importanza del dialogo con il Kosovo':
    the object is a common noun that the entity only complements (or no entity at all), so the word is admitting or honouring, not recognition.
    An independence, state or government word in the phrase ('la independencia de', 'al
    Estado palestino', 'al Gobierno de') and a time noun ('este martes') keep the act."""
    dets, markers = _DETERMINERS.get(sent.lang or ""), _MARKERS.get(sent.lang or "", frozenset())
    if dets is None:
        return False
    k = t + 1
    while k < hi and (sent.tokens[k].text.lower() in markers
                      or sent.tokens[k].f.endswith(("mente", "ment"))):
        k += 1
    if k + 1 >= hi or sent.tokens[k].f not in dets or k + 1 in sent.mention_at:
        return False
    noun = sent.tokens[k + 1]
    if not noun.text.isalpha() or not noun.text.islower() or _keeps(sent, k + 1):
        return False
    for j in range(k + 2, hi):
        m = sent.mention_at.get(j)
        if m is not None and m.kind in ("entity", "territory"):
            p = j - 1
            while p > k and sent.tokens[p].f in ARTICLES and sent.tokens[p].f not in _OF_OWNER:
                p -= 1
            # 'de Palestina', 'con il Kosovo': a complement of the noun; 'a Palestina' and a
            # name right after the phrase ('à son tour la Palestine'): the object
            prep = sent.has(p, "block") or sent.tokens[p].f in _OF_OWNER
            return prep and sent.tokens[p].text.lower() not in markers
        if _keeps(sent, j):
            return False
        if sent.tokens[j].text in (",", ";", ":"):
            return True
    return True


def _keeps(sent: Sentence, j: int) -> bool:
    return any(sent.has(j, name) for name in ("indep", "gov", "generic", "pronoun", "time",
                                              "trigger", "noun"))
