"""English agents that stand apart from the verb: a name hyphenated to the participle ('the
Russian-recognised republics'), the state a recognition comes from ('received recognition
from Kenya'), and a passive's 'by X' after an inserted phrase ('…was recognized in August
2008, days after the war, by Russia'). Called by agents.py."""

from __future__ import annotations

from .coordination import ARTICLES
from .gazetteer import Mention
from .roles import ACTOR_KINDS
from .sentence import Sentence


def compound_agent(sent: Sentence, t: int) -> list[Mention]:
    """English 'the Russian-recognised republics', 'Moscow-recognized': the name joined to the
    participle by a hyphen is its agent."""
    if sent.lang not in (None, "en") or t < 2 or sent.tokens[t - 1].text not in "-‐‑":
        return []
    m = sent.mention_end.get(t - 2)
    if m is None or m.kind not in ACTOR_KINDS or sent.tokens[t - 1].start != sent.tokens[t - 2].end:
        return []
    return [m]


_CAME = frozenset({"came", "come", "comes", "coming", "has", "have", "had", "already", "also"})
_LOSS = frozenset({"lost", "lose", "loses", "losing"})


def source_agents(doc, sent: Sentence, t: int) -> list[Mention]:
    """'received recognition from Kenya', 'the latest recognitions came from Armenia and
    Slovenia': the state the recognition comes from grants it ('lost recognition from' is
    another act: nothing)."""
    if any(sent.tokens[k].f in _LOSS or sent.has(k, "withdraw") for k in range(max(0, t - 4), t)):
        return []  # 'switched its recognition from Taipei to Beijing': where it moved from
    k = _past_receiver(sent, t + 1)
    while k < len(sent.tokens) and sent.tokens[k].f in _CAME:
        k += 1
    if k >= len(sent.tokens) or sent.tokens[k].f != "from":
        return []
    k += 1
    while k < len(sent.tokens) and k not in sent.mention_at and sent.tokens[k].f in ARTICLES:
        k += 1
    m = sent.mention_at.get(k)
    if m is None or m.start != k or m.kind not in _GRANTERS:
        return []  # an entity grants it too: 'came from Abkhazia and South Ossetia'
    return [g for g in doc.groups(sent)[m.start] if g.kind in _GRANTERS]


_GRANTERS = ACTOR_KINDS | {"entity"}
_RECEIVED = frozenset({"has", "had", "have", "ever", "received", "got", "won", "gained",
                       "obtained", "secured"})


def _past_receiver(sent: Sentence, k: int) -> int:
    """'the only recognition Artsakh ever received came from…': skip the reduced relative
    clause that names the receiver (a name, then only words of receiving)."""
    m = sent.mention_at.get(k)
    if m is None or m.start != k or m.kind != "entity":
        return k
    j = m.end
    while j < len(sent.tokens) and sent.tokens[j].f in _RECEIVED:
        j += 1
    return j if j > m.end and sent.tokens[j - 1].f in _RECEIVED - {"has", "had", "have", "ever"} else k


_FAR_AGENT = 20  # tokens after a passive participle in which ', by X' is its agent


def agent_after_insertion(doc, sent: Sentence, t: int, hi: int) -> list[Mention]:
    """'Abkhazia was recognized in August 2008, days after the war, by Russia': the agent
    after an inserted phrase, set off by a comma, with no other verb or clause between."""
    for k in range(t + 1, min(hi, t + _FAR_AGENT)):
        if sent.has(k, "trigger") or sent.has(k, "comp") or sent.has(k, "speech"):
            return []
        if not sent.has(k, "by"):
            continue
        if sent.tokens[k - 1].text != ",":
            return []  # 'by' of another phrase ('surrounded by')
        j = k + 1
        while j < len(sent.tokens) and sent.tokens[j].f in ARTICLES:
            j += 1
        m = sent.mention_at.get(j)
        if m is None or m.start != j or m.kind not in ACTOR_KINDS:
            return []
        return [g for g in doc.groups(sent)[m.start] if g.kind in ACTOR_KINDS]
    return []
