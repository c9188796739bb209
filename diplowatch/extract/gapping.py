"""English ellipsis of the verb and its object (gapping): 'Sierra Leone recognized Kosovo in
2008; Togo in 2014', 'Russia recognized Abkhazia in August 2008, Nicaragua weeks later, and
Venezuela in 2009', 'recognized by Costa Rica on 17 February; by Albania and Turkey on 18
February'. A remnant is a state group after ';' or ',' (and 'and', and 'by' when the act is
passive) followed by a time adverbial and then the end of the remnant: the time is what tells
a gapped clause from a new subject ('…, Serbia said on Tuesday' is no remnant).
"""

from __future__ import annotations

from .coordination import ARTICLES
from .follow_verbs import FOLLOW_LANGS, follows_bare, joined, step_taken
from .gazetteer import Mention
from .roles import ACTOR_KINDS, group_status
from .sentence import Sentence
from .time_phrases import dated_before, remnant_end, time_phrase

ENGLISH = frozenset({None, "en"})


def gapped_actors(doc, sent: Sentence, t: int, *, passive: bool) -> list[Mention]:
    """The subjects (or 'by' agents) of the gapped clauses after the trigger at t."""
    if sent.lang not in ENGLISH:
        return []
    grouped = doc.groups(sent)
    out: list[Mention] = []
    n = len(sent.tokens)
    for k in range(t + 1, n):
        if sent.has(k, "trigger") or sent.has(k, "anaphor_act"):
            break  # another act's own clause
        if sent.tokens[k].text not in (",", ";") and not (sent.has(k, "conj") and dated_before(sent, k)):
            continue  # 'by Suriname in 2017 and by Burundi in 2018'
        group = _remnant(sent, grouped, k + 1, passive=passive)
        if group:
            out.extend(group)
    return out


def _remnant(sent: Sentence, grouped, j: int, *, passive: bool) -> list[Mention]:
    n = len(sent.tokens)
    while j < n and sent.has(j, "conj"):
        j += 1
    by = j < n and sent.has(j, "by")
    if by != passive:
        return []
    j += by
    while j < n and j not in sent.mention_at and sent.tokens[j].f in ARTICLES:
        j += 1  # 'the Bahamas' may be a name with its article
    m = sent.mention_at.get(j)
    if m is None or m.start != j or m.kind not in ACTOR_KINDS:
        return []
    group = grouped[m.start]
    end = group[-1].end
    end += end < n and sent.tokens[end].text == ","
    after = time_phrase(sent, end)
    if after == end and not (by and remnant_end(sent, end)):
        return []
    return [g for g in group if g.kind in ACTOR_KINDS] if remnant_end(sent, after) else []


_FOLLOW = frozenset({"followed", "follows", "follow"})
_ADVERBS = frozenset({"soon", "quickly", "later", "also", "too", "swiftly", "promptly"})


def followed(sent: Sentence, k: int) -> bool:
    """'Venezuela followed a year later', 'Nauru soon followed.': a state group as the subject
    of a bare 'followed' (then a time phrase or the end) repeats the last act, like 'did so'.
    'followed by', 'followed the talks' are other constructions."""
    if sent.lang in FOLLOW_LANGS:
        return follows_bare(sent, k) or step_taken(sent, k) or joined(sent, k)
    if sent.lang not in ENGLISH or sent.tokens[k].f not in _FOLLOW:
        return False
    j = k - 1
    while j >= 0 and sent.tokens[j].f in _ADVERBS:
        j -= 1
    if j >= 2 and sent.tokens[j].f in ("which", "who") and sent.tokens[j - 1].text == ",":
        j -= 2  # 'Slovenia, which followed in June'
    m = sent.mention_end.get(j)
    if m is None or m.kind not in ACTOR_KINDS or group_status(sent, [m]) != "actor":
        return False  # 'Talks with Serbia followed': Serbia is no subject
    nxt = k + 1
    return remnant_end(sent, nxt) and not sent.has(nxt, "conj") or time_phrase(sent, nxt) > nxt


_SINCE = frozenset({"later", "since", "then", "subsequently", "eventually", "afterwards", "have",
                    "has", "had", "also", "soon"})
_DETERMINERS = frozenset({"its", "their", "that", "this", "the"})
_UNDONE_NOUNS = frozenset({"recognition", "decision", "move", "step", "recognitions", "decisions",
                           "moves", "steps"})
_PRONOUNS = frozenset({"it", "them", "that"})


def undone_later(sent: Sentence, t: int) -> bool:
    """'A and B recognized X but have since withdrawn', '… and later revoked that decision':
    a verb of undoing coordinated with the act, with no subject of its own and no object but
    the act, undoes it for the same actors."""
    if sent.lang not in ENGLISH:
        return False
    n = len(sent.tokens)
    j = next((k for k in range(t + 1, n) if sent.tokens[k].f in ("but", "and")), None)
    if j is None or any(sent.has(k, "trigger") for k in range(t + 1, j)):
        return False
    k = j + 1
    while k < n and sent.tokens[k].f in _SINCE:
        k += 1
    if k >= n or not sent.has(k, "withdraw") or sent.has(k, "noun") or k in sent.mention_at:
        return False
    return _bare_or_act(sent, k + 1)


def _bare_or_act(sent: Sentence, k: int) -> bool:
    """After the verb: nothing, a time phrase, 'it', or 'that decision' / 'its recognition'."""
    n = len(sent.tokens)
    if k < n and sent.tokens[k].f in _PRONOUNS and not (k + 1 < n and sent.tokens[k + 1].f in _UNDONE_NOUNS):
        k += 1
    elif k + 1 < n and sent.tokens[k].f in _DETERMINERS and sent.tokens[k + 1].f in _UNDONE_NOUNS:
        k += 2
    timed = time_phrase(sent, k)
    if any(j < n and sent.tokens[j].f in _THEN_CLAUSE for j in (k, timed)):
        return True  # '… later reversed their decisions after talks with Tbilisi'
    return remnant_end(sent, timed) and not (timed == k and k < n and sent.has(k, "conj"))


_THEN_CLAUSE = frozenset({"after", "when", "following", "because", "under", "amid"})


# Gapping: 'Россия признала Абхазию в 2008 году, а Науру — в 2009-м', 'Francja uznała Kosowo
# w lutym, a Polska — w marcu': after a comma and the contrastive 'а/a', a subject and a dash
# stand for the same verb; a negation after the dash ('а Белоруссия — нет') says the opposite.
_GAPPING = frozenset({"ru", "uk", "bg", "sr", "pl", "cs"})
_GAP_CONJ = frozenset({"а", "a"})
_GAP_DASH = frozenset({"—", "–", "-"})


def dash_gapped_actors(doc, sent: Sentence, t: int) -> list[Mention]:
    if sent.lang not in _GAPPING:
        return []
    grouped, n = doc.groups(sent), len(sent.tokens)
    out: list[Mention] = []
    for k in range(t + 1, n - 2):
        if sent.has(k, "trigger") or sent.has(k, "anaphor_act^"):
            break  # another act (the words of a pro-verb at t are its own)
        m = sent.mention_at.get(k + 1)
        if sent.tokens[k].f not in _GAP_CONJ or sent.tokens[k - 1].text != "," or (
                m is None or m.start != k + 1):
            continue
        group = grouped[m.start]
        end = group[-1].end
        if (end < n and sent.tokens[end].text in _GAP_DASH and group_status(sent, group) == "actor"
                and not any(sent.has(j, "neg") for j in range(end + 1, min(n, end + 4)))):
            out.extend(g for g in group if g.kind in ACTOR_KINDS)
    return out
