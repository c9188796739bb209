"""Actors found other than by the backward subject search (subject_scan.Scan): the possessor or
genitive agent of a nominal act, passive agents, subjects after the verb (free word order in
Russian/Ukrainian, inversion in other Slavic, Romance and German V2 clauses).
"""

from __future__ import annotations

from .agents_en import agent_after_insertion, compound_agent, source_agents
from .agents_slavic import demonym_owner, instrumental, passive_verb
from .coordination import ARTICLES
from .gazetteer import Mention
from .roles import (
    ACTOR_KINDS,
    FREE_ORDER,
    POSSESSIVE,
    SUCH_AS,
    TARGET_KINDS,
    Actors,
    group_status,
)
from .sentence import Sentence

# Languages whose subject may follow the verb (with a fronted object, 'also', or pro-drop):
# when no subject precedes the trigger, a state group after it is the subject. Not English
# or French, where a state after the verb is its object ('recognized South Sudan').
INVERTED = {"pl", "sr", "cs", "sk", "bg", "hr", "it", "es", "pt", "ro", "de", "nl", "el",
            "ar", "he"}  # Arabic is verb-first: 'اعترفت روسيا بكوسوفو'


_GENITIVE = {"de", "du", "des", "del", "della", "dello", "dei", "degli", "delle", "do", "da",
             "dos", "das", "di"}


_ROMANCE = {"fr", "es", "it", "pt", "ro"}
# Agents of a passive verb: an entity acts after 'by' as it does in subject position
# ('Transnistria is recognized by Abkhazia'); not of a noun ('the recognition by').
AGENT_KINDS = ACTOR_KINDS | TARGET_KINDS


def possessor(doc, sent: Sentence, t: int) -> list[Mention]:
    """'over Managua's recognition of', 'Damascus' formal recognition': the owner of a
    nominalised act is its actor, whatever state reacts to it in the main clause."""
    if not sent.has(t, "noun"):
        return []
    owner = demonym_owner(sent, t)
    if owner is not None:
        return [owner]
    k = t - 1
    while (k >= max(0, t - 3) and sent.tokens[k].text not in POSSESSIVE
           and sent.tokens[k].text.islower() and k not in sent.mention_at):
        k -= 1  # 'formal', 'swift', 'de jure'
    if k < 1 or sent.tokens[k].text not in POSSESSIVE:
        return []
    m = sent.mention_end.get(k - 1)
    if m is None or m.kind not in ACTOR_KINDS:
        return []
    return [g for g in doc.groups(sent)[m.start] if g.kind in ACTOR_KINDS]


def _past_examples(sent: Sentence, k: int) -> int:
    """'by countries such as Venezuela', 'por países como Cuba': skip to the examples."""
    j = k
    while j < min(len(sent.tokens), k + 5) and (
            sent.has(j, "generic") or sent.tokens[j].f in SUCH_AS or sent.tokens[j].f in ARTICLES
            or sent.tokens[j].text.isdigit() or sent.tokens[j].text == ","
            or sent.has(j, "including")):
        j += 1
    last = sent.tokens[j - 1]
    return j if j > k and (last.f in SUCH_AS or sent.has(j - 1, "including")) else k


def passive_agents(doc, sent: Sentence, t: int, hi: int) -> list[Mention]:
    """'recognized by Russia', 'reconnue par la France', 'признана Россией' (instrumental)."""
    grouped = doc.groups(sent)
    noun = sent.has(t, "noun")
    if not (noun or sent.has(t, "passive")):
        return []
    genitive = genitive_agents(doc, sent, t) or _agent_before(doc, sent, t) or compound_agent(sent, t)
    if genitive:
        return genitive
    reach = len(sent.tokens) if noun else hi
    for k in range(t + 1, min(reach, t + (10 if noun else 6))):  # 'as independent only by'
        if _relative_opens(sent, k):
            break  # '…, που αποσχίστηκε από τη Σομαλία': the relative clause's own 'by'
        if sent.has(k, "by"):
            nxt = k + 1
            while nxt < len(sent.tokens) and (sent.tokens[nxt].f in ARTICLES or sent.has(nxt, "by")):
                nxt += 1
            nxt = _past_examples(sent, nxt)
            m = sent.mention_at.get(nxt)
            kinds = ACTOR_KINDS if noun else AGENT_KINDS  # 'recognized by Abkhazia' too
            if m is not None and m.start == nxt and m.kind in kinds:
                return _more_agents(sent, grouped, [g for g in grouped[m.start]
                                                    if g.kind in kinds], kinds)
    if sent.lang in (None, "en"):
        far = source_agents(doc, sent, t) if noun else agent_after_insertion(doc, sent, t, hi)
        if far:
            return far
    if sent.lang in FREE_ORDER and (passive_verb(sent, t) or noun):
        lo = sent.clause_range(t)[0] if not noun else t + 1  # 'признание Абхазии Сирией'
        return [m for m in sent.mentions if lo <= m.start < hi and m.kind in ACTOR_KINDS
                and instrumental(sent, m, grouped[m.start])]
    return []


def _relative_opens(sent: Sentence, k: int) -> bool:
    """A relative clause opens at ``k``: a complementizer after a comma, or Greek 'που' (the
    invariable relative) after a noun; not 'en tant qu'État' (a comparison, no comma)."""
    if not sent.has(k, "comp") or sent.has(k, "by") or sent.clause[k] == sent.clause[k - 1]:
        return False
    return sent.tokens[k - 1].text == "," or (sent.lang == "el" and sent.tokens[k].f == "που")


# Languages whose 'by' is a postposition after the genitive: Georgian 'რუსეთის მიერ
# აღიარებული' (recognized by Russia), 'რუსეთის მიერ აფხაზეთის აღიარება'; Armenian 'Իսպանիայի
# կողմից', before the participle or after it ('ճանաչվել է Իսպանիայի կողմից').
_AGENT_BEFORE = frozenset({"ka", "hy"})
_AGENT_AFTER = frozenset({"hy"})
# Verb-last passives: 'wurde von Russland anerkannt', 'werd door Spanje erkend': the agent
# stands between the auxiliary and the participle at the end of the clause.
_VERB_LAST = frozenset({"de", "nl"})

_AGENT_GAP = 5
_VERB_LAST_GAP = 10


def _agent_before(doc, sent: Sentence, t: int) -> list[Mention]:
    if sent.lang in _VERB_LAST:
        return _verb_last_agent(doc, sent, t)
    if sent.lang not in _AGENT_BEFORE:
        return []
    after = range(t + 1, min(len(sent.tokens), t + 1 + _VERB_LAST_GAP)) \
        if sent.lang in _AGENT_AFTER else range(0)
    for k in [*range(t - 1, max(0, t - _AGENT_GAP) - 1, -1), *after]:
        m = sent.mention_end.get(k - 1)
        if sent.has(k, "by") and m is not None and m.kind in ACTOR_KINDS:
            return [g for g in doc.groups(sent)[m.start] if g.kind in ACTOR_KINDS]
    return []


def _verb_last_agent(doc, sent: Sentence, t: int) -> list[Mention]:
    """'von/durch/door' + a state group after a passive auxiliary and before the participle
    (not 'hat die Unabhängigkeit von Kosovo anerkannt': no auxiliary of the passive)."""
    if not sent.has(t, "passive") or sent.has(t, "noun"):
        return []
    lo = sent.clause_range(t)[0]
    start = max(lo, t - _VERB_LAST_GAP)
    aux = next((k for k in range(start, t) if sent.has(k, "aux")), None)
    if aux is None:
        return []
    for k in range(aux + 1, t):
        if not sent.has(k, "by"):
            continue
        j = k + 1
        while j < t and sent.tokens[j].f in ARTICLES:
            j += 1
        m = sent.mention_at.get(j)
        if m is not None and m.start == j and m.kind in ACTOR_KINDS:
            grouped = doc.groups(sent)
            return _more_agents(sent, grouped, [g for g in grouped[m.start]
                                                if g.kind in ACTOR_KINDS])
    return []


def _more_agents(sent: Sentence, grouped, agents: list[Mention],
                 kinds: set[str] = ACTOR_KINDS) -> list[Mention]:
    """'by Spain, Ireland and Norway, as well as by Slovenia', 'por España …, así como por
    Eslovenia': a coordinated 'by' after the agents adds its group."""
    k, n = agents[-1].end, len(sent.tokens)
    while True:
        j = k + (k < n and sent.tokens[k].text == ",")
        if not (j < n and sent.has(j, "conj")):
            return agents
        while j < n and sent.has(j, "conj"):
            j += 1
        if not sent.has(j, "by"):
            return agents
        while j < n and (sent.has(j, "by") or sent.tokens[j].f in ARTICLES):
            j += 1
        m = sent.mention_at.get(j)
        if m is None or m.start != j or m.kind not in kinds:
            return agents
        agents = agents + [g for g in grouped[m.start] if g.kind in kinds]
        k = agents[-1].end


def inverted_actors(doc, sent: Sentence, t: int, hi: int) -> Actors:
    """'Palestynę uznały Kanada i Australia', 'reconheceram também o Brasil': the first
    unblocked group of states after the trigger in its clause."""
    grouped = doc.groups(sent)
    for m in sent.mentions:
        if m.start <= t or m.start >= hi:
            continue
        group = grouped[m.start]
        if {g.kind for g in group} <= TARGET_KINDS:
            continue
        if group_status(sent, group) == "actor" and not _source(sent, group):
            return Actors(mentions=[g for g in group if g.kind in ACTOR_KINDS and g.end <= hi],
                          how="inverted", distance=group[0].start - t)
        if group_status(sent, group) == "blocked":
            continue
    return Actors()


def _source(sent: Sentence, group: list[Mention]) -> bool:
    """'…, сообщает МИД Грузии', '…, dijo el canciller de Chile': the group right after a
    speech verb names who reports the act, not who performs it."""
    return any(sent.has(k, "speech") for k in range(max(0, group[0].start - 3), group[0].start))


def genitive_agents(doc, sent: Sentence, t: int) -> list[Mention]:
    """Romance nominal acts: 'les reconnaissances du Royaume-Uni et du Canada', 'el
    reconocimiento de Noruega a Palestina': a state right after 'de' is the agent."""
    if sent.lang in _CONSTRUCT and sent.has(t, "noun"):
        return _construct_agents(doc, sent, t)
    if sent.lang not in _ROMANCE or not sent.has(t, "noun"):
        return []
    k = t + 1
    while k < len(sent.tokens) and sent.tokens[k].f in ARTICLES:
        k += 1
    if k >= len(sent.tokens) or sent.tokens[k].f not in _GENITIVE:
        return []
    m = sent.mention_at.get(k + 1) or sent.mention_at.get(k + 2)
    if m is None or m.kind not in ("state", "capital"):
        return []
    group = [g for g in doc.groups(sent)[m.start] if g.kind in ("state", "capital")]
    group += _genitive_tail(sent, group[-1].end)
    others = [o for o in sent.mentions if o.kind in TARGET_KINDS and o not in group]
    # a plural noun is several states' acts on the target of the text ('au lendemain des
    # reconnaissances du Canada et de l'Australie'); a singular one needs its target here
    return group if others or sent.tokens[t].f.endswith(("s", "i")) else []


# Semitic construct state: the noun comes first and its owner follows, 'اعتراف نيكاراغوا
# بأبخازيا', 'הכרת ישראל בסומלילנד', or with Hebrew 'של': 'ההכרה של ניקרגואה באבחזיה'.
_CONSTRUCT = {"ar": (), "he": ("של",)}


def _construct_agents(doc, sent: Sentence, t: int) -> list[Mention]:
    k = t + 1
    if k < len(sent.tokens) and sent.tokens[k].f in _CONSTRUCT[sent.lang or ""]:
        k += 1
    m = sent.mention_at.get(k)
    if m is not None and m.start == k and m.kind == "adj" and sent.lang == "ar":
        return [m]  # 'الاعتراف الإسرائيلي بـ…': the demonym adjective follows its noun
    if m is None or m.start != k or m.kind not in ("state", "capital"):
        return []
    group = [g for g in doc.groups(sent)[m.start] if g.kind in ("state", "capital")]
    if group_status(sent, group) != "actor":
        return []  # 'اعترافها بروسيا': a preposition on the name, an object
    others = [o for o in sent.mentions if o.kind in TARGET_KINDS and o.start > group[-1].end - 1]
    return group if others else []


def _genitive_tail(sent: Sentence, k: int) -> list[Mention]:
    """'du Royaume-Uni, du Canada et de l'Australie': each member repeats the preposition."""
    out: list[Mention] = []
    while k + 1 < len(sent.tokens) and (sent.has(k, "conj") or sent.tokens[k].text == ","):
        j = k + 1
        while j < len(sent.tokens) and (sent.tokens[j].f in _GENITIVE
                                        or sent.tokens[j].f in ARTICLES):
            j += 1
        m = sent.mention_at.get(j)
        if j == k + 1 or m is None or m.start != j or m.kind not in ("state", "capital"):
            break
        out.append(m)
        k = m.end
    return out


def free_order_actors(doc, sent: Sentence, t: int) -> Actors:
    """Russian/Ukrainian: a nominative group anywhere in the clause, nearest first."""
    lo, hi = sent.clause_range(t)
    grouped = doc.groups(sent)
    best: tuple[int, list[Mention]] | None = None
    seen: set[int] = set()
    for m in sent.mentions:
        if not (lo <= m.start < hi) or m.start in seen:
            continue
        group = grouped[m.start]
        seen.update(g.start for g in group)
        if group_status(sent, group) != "actor" or (group[0].start > t and _source(sent, group)):
            continue
        dist = t - group[-1].end if group[-1].end <= t else (group[0].start - t) + 3
        if best is None or dist < best[0]:
            best = (dist, group)
    if best is None:
        return Actors()
    return Actors(mentions=[g for g in best[1] if g.start >= lo and g.end <= hi], distance=best[0])
