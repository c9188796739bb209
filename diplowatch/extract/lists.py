"""Lists a generic subject is equated with: 'the states that have revoked recognition are A,
B and C', 'the following states have recognized Kosovo: A (2008), B (2012)…', 'several
countries recognized it, including A and B', 'Kosovo has been recognised by 104 states,
including A and B'. The subject search stops at 'states'; these frames name them.
"""

from __future__ import annotations

from .gazetteer import Mention
from .roles import ACTOR_KINDS, ORDINAL, TARGET_KINDS
from .sentence import Sentence

LIST_REACH = 25  # tokens after the trigger in which the list's opener is looked for
_PAREN_MAX = 8  # tokens inside '(26 March 2025)' skipped between members
LIST_KINDS = ACTOR_KINDS | TARGET_KINDS  # members of a passive verb's agent list


def listed_actors(sent: Sentence, t: int, generic_at: int | None) -> list[Mention]:
    """The states a generic subject at ``generic_at`` (or a passive 'by 104 states') names;
    a passive verb's list may name entities ('reconnue par deux entités : A et B')."""
    kinds = LIST_KINDS if sent.has(t, "passive") and not sent.has(t, "noun") else ACTOR_KINDS
    end = min(len(sent.tokens), t + LIST_REACH)
    start = min(t, generic_at) if generic_at is not None else t
    for k in range(start + 1, end):
        tok = sent.tokens[k]
        if k > t and sent.has(k, "breaks"):
            break  # 'but some, such as A and B, have not': another clause's list
        opener = tok.text == ":" and k > t or sent.has(k, "copula") and k > t \
            or sent.has(k, "including") or (tok.text == "(" and k == (generic_at or -9) + 1)
        if opener:
            members = enumeration(sent, _after_opener(sent, k), kinds)
            if members:
                return members
    return []


# Ranks that make 'the latest to recognize X' a subject to be named: 'The latest to recognize
# Palestine were Armenia and Slovenia' (the copula opens the list, listed_actors).
_RANKS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "latest", "only",
                    "recent"})


def ranked_head(sent: Sentence, t: int) -> int | None:
    """'The latest (states) to recognize': the rank word before 'to' + trigger, with 'the'."""
    k = t - 1
    if k < 0 or not sent.has(k, "inf"):
        return None
    k -= 1
    if k >= 0 and sent.has(k, "generic"):
        k -= 1  # 'the first states to'
    if k < 1 or not (sent.tokens[k].f in _RANKS or ORDINAL.fullmatch(sent.tokens[k].text)):
        return None
    j = k - 1
    while j >= 0 and sent.tokens[j].f in ("most", "very"):
        j -= 1
    return k if j >= 0 and sent.tokens[j].f == "the" else None


def _after_opener(sent: Sentence, k: int) -> int:
    while k < len(sent.tokens) and (sent.has(k, "including") or sent.has(k, "copula")
                                    or sent.tokens[k].text in ":—–-(՝"):  # ՝ Armenian pause
        k += 1
    return k


def enumeration(sent: Sentence, k: int, kinds: set[str] = ACTOR_KINDS) -> list[Mention]:
    """'Kenya (26 March 2025), Ghana (2012) and Togo': states separated by commas,
    conjunctions, articles and parenthesised dates, from token k on."""
    out: list[Mention] = []
    n = len(sent.tokens)
    while k < n:
        m = sent.mention_at.get(k)
        if m is not None and m.start == k and m.kind in kinds:
            out.append(m)
            k = m.end
        elif sent.tokens[k].text == "(" and out:
            close = next((j for j in range(k, min(n, k + _PAREN_MAX)) if sent.tokens[j].text == ")"), None)
            if close is None:
                break
            k = close + 1
        elif sent.tokens[k].text in ",;" or sent.has(k, "conj") or _article(sent, k):
            k += 1
        elif _line_start(sent, k) and (bullet := _bullet(sent, k)):
            k += bullet
        else:
            break
    return out


_BULLETS = frozenset({"-", "•", "*", "–", "—", "·"})


def _bullet(sent: Sentence, k: int) -> int:
    """Tokens of a list item's mark: '-', '•', '1.', '2)'."""
    tok = sent.tokens[k]
    if tok.text in _BULLETS:
        return 1
    nxt = sent.tokens[k + 1].text if k + 1 < len(sent.tokens) else ""
    return 2 if tok.text.isdigit() and len(tok.text) <= 2 and nxt in ".)" and nxt else 0


def _line_start(sent: Sentence, k: int) -> bool:
    """Token k opens a line (a list item), not a dash inside a sentence."""
    before = sent.tokens[k - 1].end if k > 0 else sent.start
    return "\n" in sent.text[before - sent.start: sent.tokens[k].start - sent.start]


def _article(sent: Sentence, k: int) -> bool:
    return sent.tokens[k].f in {"the", "le", "la", "les", "l'", "el", "los", "las", "il", "lo",
                                "o", "a", "os", "as", "die", "der", "das", "de", "du", "des"}


def undone_in_parenthesis(sent: Sentence, m: Mention) -> bool:
    """'Guinea-Bissau (withdrawn in 2017)', 'Togo (revoked 2019)': a list member whose
    parenthesis says its act was undone."""
    k = m.end
    if k >= len(sent.tokens) or sent.tokens[k].text != "(":
        return False
    for j in range(k + 1, min(len(sent.tokens), k + _PAREN_MAX)):
        if sent.tokens[j].text == ")":
            return False
        if sent.has(j, "withdraw"):
            return True
    return False


def in_member_parenthesis(sent: Sentence, t: int) -> bool:
    """The trigger stands in such a parenthesis ('Palau (recognition withdrawn in 2019)'), not
    in one that tells the member's act ('Kenya (which recognized Kosovo in 2025)')."""
    for j in range(t - 1, max(-1, t - _PAREN_MAX), -1):
        if sent.tokens[j].text in (")", ","):
            return False
        if sent.tokens[j].text == "(":
            m = sent.mention_end.get(j - 1)
            return m is not None and m.kind in ACTOR_KINDS and undone_in_parenthesis(sent, m)
    return False
