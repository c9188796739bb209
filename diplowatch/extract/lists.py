"""Lists a generic subject is equated with: 'the states that have revoked recognition are A,
B and C', 'the following states have recognized Kosovo: A (2008), B (2012)…', 'several
countries recognized it, including A and B', 'Kosovo has been recognised by 104 states,
including A and B'. The subject search stops at 'states'; these frames name them.
"""

from __future__ import annotations

from .gazetteer import Mention
from .roles import ACTOR_KINDS
from .sentence import Sentence

LIST_REACH = 25  # tokens after the trigger in which the list's opener is looked for
_PAREN_MAX = 8  # tokens inside '(26 March 2025)' skipped between members


def listed_actors(sent: Sentence, t: int, generic_at: int | None) -> list[Mention]:
    """The states a generic subject at ``generic_at`` (or a passive 'by 104 states') names."""
    end = min(len(sent.tokens), t + LIST_REACH)
    start = min(t, generic_at) if generic_at is not None else t
    for k in range(start + 1, end):
        tok = sent.tokens[k]
        if k > t and sent.has(k, "breaks"):
            break  # 'but some, such as A and B, have not': another clause's list
        opener = tok.text == ":" and k > t or sent.has(k, "copula") and k > t \
            or sent.has(k, "including")
        if opener:
            members = enumeration(sent, _after_opener(sent, k))
            if members:
                return members
    return []


def _after_opener(sent: Sentence, k: int) -> int:
    while k < len(sent.tokens) and (sent.has(k, "including") or sent.has(k, "copula")
                                    or sent.tokens[k].text in ":—–-"):
        k += 1
    return k


def enumeration(sent: Sentence, k: int) -> list[Mention]:
    """'Kenya (26 March 2025), Ghana (2012) and Togo': states separated by commas,
    conjunctions, articles and parenthesised dates, from token k on."""
    out: list[Mention] = []
    n = len(sent.tokens)
    while k < n:
        m = sent.mention_at.get(k)
        if m is not None and m.start == k and m.kind in ACTOR_KINDS:
            out.append(m)
            k = m.end
        elif sent.tokens[k].text == "(" and out:
            close = next((j for j in range(k, min(n, k + _PAREN_MAX)) if sent.tokens[j].text == ")"), None)
            if close is None:
                break
            k = close + 1
        elif sent.tokens[k].text == "," or sent.has(k, "conj") or _article(sent, k):
            k += 1
        else:
            break
    return out


def _article(sent: Sentence, k: int) -> bool:
    return sent.tokens[k].f in {"the", "le", "la", "les", "l'", "el", "los", "las", "il", "lo",
                                "o", "a", "os", "as", "die", "der", "das", "de", "du", "des"}
