"""Coordinated mention groups: 'Spain, Ireland and Norway', 'ДНР и ЛНР', 'the US, UK and others'."""

from __future__ import annotations

from collections.abc import Sequence

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
        if kinds and kinds[0] == "comma" and _attributed(sent, chain[0].start):
            out[chain[0].start] = [chain[0]]  # 'According to Pristina, Kenya and Ghana …'
            chain, kinds = chain[1:], kinds[1:]
        if kinds and "conj" not in kinds and _headline_list(sent, chain[0].start):
            kinds = ["conj"] * len(kinds)  # 'GHANA, TOGO WITHDRAW RECOGNITION'
        for group in _split_commas(chain, kinds):
            for g in group:
                out[g.start] = group
    return out


_HEADLINE_TOKENS = 16


def _headline_list(sent: Sentence, start: int) -> bool:
    """An English headline (short, no full stop) opening with names joined by commas only."""
    if sent.lang not in (None, "en") or len(sent.tokens) > _HEADLINE_TOKENS:
        return False
    if sent.text.rstrip().endswith((".", "!", "?", '."', ".'")):
        return False
    return start == 0 or sent.tokens[start - 1].text in (":", "-", "—", "–", "|")


def _attributed(sent: Sentence, start: int) -> bool:
    """'According to X,': the source of a report, not the first member of a list after it."""
    return start >= 2 and sent.tokens[start - 1].f == "to" and sent.tokens[start - 2].f == "according"


def _link(sent: Sentence, a: int, b: int) -> str | None:
    """'conj' or 'comma' when only coordination, punctuation and articles separate two mentions
    (and a parenthesis without names after the first: 'Kenya (2025), Ghana (2012) and…')."""
    a = _past_parenthesis(sent, a, b)
    gap = [k for k in range(a, b) if not _abbreviation(sent, k)]
    if len(gap) > 4:
        return None
    if not gap and sent.lang in _CASE_MARKED:
        return None  # 'ნიკარაგუამ აფხაზეთი': an ergative subject beside its object
    if _cases_differ(sent, a - 1, b):
        return None  # 'кроме России, Абхазию и Осетию': a genitive is no member of an accusative list
    if not gap and sent.lang in _CLITIC_LANGS:
        # 'روسيا وسوريا', 'רוסיה וסוריה', '러시아와 시리아': 'and' written on a word; two
        # names side by side without it are subject and object ('북한은 코소보를')
        return "conj" if _clitic_and(sent, a, b) else None
    if _correlative(sent, a, gap):
        return "conj"  # 'tanto Argentina como Brasil', 'sia l'Italia sia la Francia'
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


def _correlative(sent: Sentence, a: int, gap: Sequence[int]) -> bool:
    """The second half of a correlative pair ('como' after 'tanto', 'quanto', 'sia', 'cât și'
    after 'atât', 'que' after 'aussi bien') joins two names like 'and'."""
    if not any(sent.has(k, "corr") for k in gap) or not all(
            sent.has(k, "corr") or sent.tokens[k].text in _COMMAS or sent.tokens[k].f in ARTICLES
            for k in gap):
        return False
    return any(sent.has(k, "corr_open") for k in range(max(0, a - 6), a))


_PAREN_MAX = 8  # tokens of '(26 March 2025)'


def _abbreviation(sent: Sentence, k: int) -> bool:
    """A letter and its full stop in an abbreviation before a name: 'so-called' as 'ე.წ.',
    'т.н.' ('აფხაზეთისა და ე.წ. სამხრეთ ოსეთის'): part of the list, like an article."""
    tok = sent.tokens[k]
    if tok.text == ".":
        return k > 0 and len(sent.tokens[k - 1].text) == 1 and sent.tokens[k - 1].text.isalpha()
    return (len(tok.text) == 1 and tok.text.isalpha() and k + 1 < len(sent.tokens)
            and sent.tokens[k + 1].text == ".")


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


_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "gen2", "acc2", "loc2"})


def _cases_differ(sent: Sentence, a: int, b: int) -> bool:
    """Russian and Ukrainian members of one list share a case; two names whose possible cases
    do not meet (indeclinable names have all) belong to two phrases."""
    if not sent.grams(a) or b >= len(sent.tokens):
        return False
    last_b = sent.mention_at.get(b)
    if last_b is None:
        return False
    grams_a, grams_b = sent.grams(a), sent.grams(last_b.end - 1)
    if "Fixd" in grams_a or "Fixd" in grams_b:
        return False  # pymorphy lists only some cases of an indeclinable name
    first, second = _CASES & grams_a, _CASES & grams_b
    return bool(first) and bool(second) and not first & second


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
