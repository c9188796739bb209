"""Coordinated mention groups: 'Spain, Ireland and Norway', 'ДНР и ЛНР', 'the US, UK and others'."""

from __future__ import annotations

from .gazetteer import Mention
from .lexicon.europe_caucasus import ARTICLES as _EC_ARTICLES
from .sentence import Sentence

ARTICLES = {"the", "a", "an", "la", "el", "los", "las", "le", "les", "l'", "die", "der", "das",
            "den", "dem", "des", "o", "os", "as", "il", "lo", "i", "gli", "un", "una", "une",
            "so-called", "self-declared", "self-proclaimed", "breakaway", "separatist", "formal",
            "new", "newly", "full", "official", "officially", "formally",
            "\"", "«", "»", "“", "”", "„", "'", "так", "называемой", "называемую", "так званої",
            "самопровозглашённой", "самопровозглашенной"} | _EC_ARTICLES

def groups(sent: Sentence) -> dict[int, list[Mention]]:
    """Mention start → its coordinated group ('Spain, Ireland and Norway')."""
    chains: list[list[Mention]] = []
    links: list[list[str]] = []
    for m in sent.mentions:
        link = _link(sent, chains[-1][-1].end, m.start) if chains else None
        if link:
            chains[-1].append(m)
            links[-1].append(link)
        else:
            chains.append([m])
            links.append([])
    out: dict[int, list[Mention]] = {}
    for chain, kinds in zip(chains, links, strict=True):
        if kinds and _others_tail(sent, chain[-1].end):
            kinds[-1] = "conj"
        for group in _split_commas(chain, kinds):
            for g in group:
                out[g.start] = group
    return out


def _link(sent: Sentence, a: int, b: int) -> str | None:
    """'conj' or 'comma' when only coordination, punctuation and articles separate two mentions
    (and a parenthesis without names after the first: 'Kenya (2025), Ghana (2012) and…')."""
    a = _past_parenthesis(sent, a, b)
    gap = range(a, b)
    if len(gap) > 4:
        return None
    if not gap and sent.lang in _CASE_MARKED:
        return None  # 'ნიკარაგუამ აფხაზეთი': an ergative subject beside its object
    if not gap and sent.lang in _CLITIC_LANGS:
        # 'روسيا وسوريا', 'רוסיה וסוריה', '러시아와 시리아': 'and' written on a word; two
        # names side by side without it are subject and object ('북한은 코소보를')
        return "conj" if _clitic_and(sent, a, b) else None
    if not all(sent.tokens[k].text in _COMMAS or sent.has(k, "conj")
               or sent.tokens[k].f in ARTICLES for k in gap):
        return None
    if any(sent.has(k, "conj") or sent.tokens[k].text in "&()" for k in gap):
        return "conj"
    # Chinese and Korean list marks (、·) join a list on their own; Korean lists often have
    # commas only, the particle on the last name ('캐나다, 호주, 영국이').
    if any(sent.tokens[k].text in _LIST_MARKS for k in gap) or sent.lang == "ko":
        return "conj"
    return "comma"


_PAREN_MAX = 8  # tokens of '(26 March 2025)'


def _past_parenthesis(sent: Sentence, a: int, b: int) -> int:
    if a < b and sent.tokens[a].text == "(":
        close = next((k for k in range(a + 1, min(b, a + _PAREN_MAX)) if sent.tokens[k].text == ")"),
                     None)
        if close is not None:
            return close + 1
    return a


_COMMAS = frozenset({",", "&", "/", "(", ")", "、", "，", "،", "·", "・"})
# 'and' written on a word: Arabic و (also ف) and Hebrew ו before the second name, Korean
# 와/과/하고 after the first.
_AND_BEFORE = {"ar": ("و",), "he": ("ו",)}
_AND_AFTER = {"ko": ("와", "과", "하고", "및")}
_CLITIC_LANGS = frozenset({"ar", "he", "ko", "tr", "zh"})
# Languages whose names carry their case ending: two names side by side are two roles.
_CASE_MARKED = frozenset({"ka", "hy", "hu"})
_LIST_MARKS = frozenset({"、", "·", "・"})


def _clitic_and(sent: Sentence, a: int, b: int) -> bool:
    if b >= len(sent.tokens) or a < 1:
        return False
    before = _AND_BEFORE.get(sent.lang or "")
    after = _AND_AFTER.get(sent.lang or "")
    return bool((before and sent.tokens[b].text.startswith(before))
                or (after and sent.tokens[a - 1].text.endswith(after)))


def _others_tail(sent: Sentence, k: int) -> bool:
    """'…, France, Australia and others': the list ends with a generic word."""
    return (k + 1 < len(sent.tokens) and sent.has(k, "conj")
            and (sent.has(k + 1, "generic") or sent.tokens[k + 1].f in {"other", "others"}))


def _split_commas(chain: list[Mention], kinds: list[str]) -> list[list[Mention]]:
    """A comma joins a list only when an 'and' follows later ('Spain, Ireland and Norway');
    'After talks with Chile, Peru recognized' keeps two groups."""
    groups_, current = [], [chain[0]]
    for k, m in enumerate(chain[1:]):
        if kinds[k] == "comma" and "conj" not in kinds[k + 1:]:
            groups_.append(current)
            current = [m]
        else:
            current.append(m)
    groups_.append(current)
    return groups_
