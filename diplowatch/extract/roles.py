"""Who may act: the kinds of mention that are actors or targets, and what one coordinated
group of mentions is to the trigger — its subject, a background actor ("after X and Y"),
blocked by a preposition ("in Moscow", "from Serbia"), an organisation, or an entity.

Russian/Ukrainian word order is free, so there a subject must be nominative. The backward
search that uses these rules is subject_scan.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .case_marks import chinese_owner, georgian_genitive, korean_subject, romanian_oblique
from .coordination import ARTICLES
from .gazetteer import Mention, load_trie
from .lexicon.asia_mideast import VERB_FINAL
from .names_am import oblique_clitic
from .romance_relatives import relative_antecedent
from .sentence import Sentence
from .time_phrases import remnant_end, time_phrase

ACTOR_KINDS = {"state", "capital", "person", "adj"}
# Verb-final languages put their adpositions after the noun ('러시아에 이어', after Russia);
# so do Georgian ('რუსეთის შემდეგ', 'რუსეთის გარდა') and Hungarian ('Oroszország után').
POSTPOSITIONAL = VERB_FINAL | {"ka", "hu"}
TARGET_KINDS = {"entity", "territory"}
POSSESSIVE = {"'s", "'"}
FREE_ORDER = {"ru", "uk"}
SUCH_AS = {"such", "as", "like", "including", "como", "comme", "tels", "telles", "wie",
           "come", "quali", "jak", "takie", "као", "kao", "как", "як", "entre", "among"}
# A numeral ordinal: 'the 139th', 'le 150e', 'el 11.º', '140-й'.
ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th|e|er|re|ème|eme|º|ª|o|a|-?[йяегмю]|-[а-яіїєґ]{1,3})",
                     re.I)


@dataclass
class Actors:
    mentions: list[Mention] = field(default_factory=list)
    background: list[Mention] = field(default_factory=list)
    how: str = "subject"  # subject | pronoun | first_person | passive | entity
    distance: int = 0
    entity_group: list[Mention] = field(default_factory=list)  # an entity in subject position
    generic_at: int | None = None  # the generic subject ('the states') the search stopped at


def prev_index(sent: Sentence, i: int) -> int:
    """Index of the word before i, skipping articles and quote marks."""
    i -= 1
    while i >= 0 and sent.tokens[i].f in ARTICLES:
        i -= 1
    return i


def group_status(sent: Sentence, group: list[Mention]) -> str:
    """actor | after | blocked | org | entity | skip for one coordinated group."""
    kinds = {m.kind for m in group}
    p = prev_index(sent, group[0].start)
    if (p >= 0 and sent.has(p, "after") or _after_that_of(sent, group[0].start)) and (
            kinds & ACTOR_KINDS):
        return "after"
    if sent.lang in POSTPOSITIONAL and kinds & ACTOR_KINDS and sent.has(group[-1].end, "after"):
        return "after"  # '러시아와 시리아에 이어', 'Rusya'nın ardından': 'after' follows
    if p >= 0 and sent.tokens[p].f == "by" and kinds & ACTOR_KINDS:
        return "actor"  # 'the decision by Ireland to recognize': the agent of a nominalisation
    if kinds & ACTOR_KINDS and (_of_actor(sent, p) or relative_antecedent(sent, group)):
        return "actor"  # 'the government of Liberia', 'la scelta della Bielorussia, che…'
    if p > 0 and sent.lang == "bg" and sent.tokens[p].f == "на":
        return "blocked"  # 'целостта на Украйна': Bulgarian 'на' marks the owner of a noun
    if (p >= 0 and (sent.has(p, "block") or sent.tokens[p].text == "(") and not sent.has(p, "gov")
            and not sent.has(p, "comp")):  # 'que la République du Burundi avait…': a subject
        return "blocked"
    first = sent.tokens[group[0].start]
    if oblique_clitic(first.text, sent.lang) and first.f not in load_trie():
        return "blocked"  # 'بروسيا', 'ברוסיה': a preposition written on the name (not 'كينيا')
    if sent.lang == "ko" and kinds & ACTOR_KINDS and not korean_subject(sent, group[-1]):
        return "blocked"  # '그루지야 내 …': a name without a subject particle
    if sent.lang == "zh" and kinds & ACTOR_KINDS and chinese_owner(sent, group[-1].end):
        return "blocked"  # '尊重塞尔维亚的主权': the owner of another noun, not the subject
    if sent.lang == "ka" and georgian_genitive(sent, group[-1]):
        return "blocked"  # 'აფხაზეთის დამოუკიდებლობა', 'რუსეთის მიერ': an owner, not the subject
    if sent.lang == "ro" and kinds & ACTOR_KINDS and romanian_oblique(sent, group[0]):
        return "blocked"  # 'a trimis Serbiei o notă': a dative or genitive, not the subject
    if kinds <= {"org"}:
        if _org_modifier(sent, group[-1].end):
            return "skip"  # 'Turkey, a NATO member, is…', 'the four UN members that…'
        return "org" if sent.lang not in FREE_ORDER else "skip"
    if not kinds & ACTOR_KINDS:
        return "entity" if kinds & TARGET_KINDS else "skip"
    if not _possessive_ok(sent, group[-1]):
        return "blocked"
    if not all(member_ok(sent, m) for m in group if m.kind in ACTOR_KINDS):
        return "skip" if len(group) == 1 and group[0].kind == "adj" else "blocked"
    return "actor"


def _of_actor(sent: Sentence, p: int) -> bool:
    """The name after 'of' at ``p`` is the one acting: an office's state ('the government of
    Liberia', 'el Gobierno de Chile'), or in apposition to 'nation' ('the island nation of
    Tuvalu')."""
    if p <= 0:
        return False
    word, before = sent.tokens[p].f, sent.tokens[p - 1].f
    of = word in OF_WORDS or (sent.lang == "bg" and word == "на")  # Bulgarian 'на': 'of'
    return (of and _governed_by_office(sent, p)) or (word == "of" and before in _NATION)


# Nouns an organisation's name modifies in English ('a NATO member', 'an EU candidate').
_ORG_NOUNS = frozenset({"member", "members", "ally", "allies", "partner", "partners",
                        "candidate", "candidates", "observer", "observers", "state", "states",
                        "country", "countries", "nation", "nations", "founder"})


def _org_modifier(sent: Sentence, end: int) -> bool:
    """An organisation's name before a noun names a kind of member, not the subject."""
    return (sent.lang in (None, "en") and end < len(sent.tokens)
            and sent.tokens[end].f in _ORG_NOUNS)


# 'después de la de Rusia', 'après celle de la Russie', 'dopo quella della Russia', 'após a da
# Rússia', 'după cea a Rusiei': after the act of X, a demonstrative standing for the act.
_THAT = frozenset({"la", "el", "las", "los", "del", "celle", "celui", "celles", "ceux", "quella",
                   "quello", "quelle", "quelli", "a", "o", "as", "os", "cea", "cel", "cele", "cei"})
_OF_THAT = frozenset({"de", "del", "du", "des", "d'", "di", "della", "dello", "dell'", "dei",
                      "delle", "da", "do", "das", "dos"})


def _after_that_of(sent: Sentence, start: int) -> bool:
    k = start - 1
    while k >= 0 and sent.tokens[k].f in ARTICLES and sent.tokens[k].f not in _OF_THAT:
        k -= 1  # 'de la Russie', Romanian 'cea a Rusiei'
    if k >= 0 and sent.tokens[k].f in _OF_THAT:
        k -= 1
    if k < 1 or sent.tokens[k].f not in _THAT:
        return False
    return sent.has(k - 1, "after")


def _governed_by_office(sent: Sentence, p: int) -> bool:
    """'government of', and an office's full name before 'of': 'the Ministry of Foreign
    Affairs of Ghana', 'le ministère des Affaires étrangères du Ghana'."""
    if sent.has(prev_index(sent, p), "gov"):
        return True
    span = range(max(0, p - 4), p)
    return (any(sent.has(k, "gov") for k in span)
            and not any(k in sent.mention_at for k in span)
            and all(sent.tokens[k].text[:1].isalpha() for k in span))


_NATION = frozenset({"nation", "country", "kingdom", "archipelago", "emirate", "sultanate",
                     "principality"})
OF_WORDS = frozenset({"of", "de", "du", "des", "di", "del", "della", "da", "do", "von"})
# What may follow a trailing background group: 'like Norway and Ireland before it'.
_TRAILING_OK = frozenset({"before", "earlier", "already", "did", "had", "have", "in", "last",
                          "antes", "avant", "prima", "vorher", "ранее", "раньше", "прежде"})


def trailing_background(doc, sent: Sentence, t: int) -> list[Mention]:
    """'Spain recognized Palestine, following Norway and Ireland', '…, como Noruega e
    Irlanda': after-groups later in the sentence are background actors of the same act, when
    nothing but punctuation (or 'before it') follows them — 'after Norway urged it' is
    another clause — and no other trigger comes between."""
    grouped = doc.groups(sent)
    n, k = len(sent.tokens), t + 1
    out: list[Mention] = []
    while k < n:
        if sent.has(k, "trigger") or sent.has(k, "anaphor_act"):
            break
        m = sent.mention_at.get(k)
        if m is None:
            k += 1
            continue
        group = grouped[m.start]
        if group_status(sent, group) == "after":
            groups, end = _conjoined(sent, grouped, group)  # 'de la France et de Malte'
            and_others = sent.has(end, "conj") and any(  # '… e di altri Paesi europei'
                sent.has(j, "generic") for j in range(end + 1, min(n, end + 4)))
            timed = time_phrase(sent, end)  # '…, as did Togo and Ghana a year earlier.'
            if timed > end and remnant_end(sent, timed):
                end = timed
            if end >= n or and_others or sent.tokens[end].f in _TRAILING_OK or not (
                    sent.tokens[end].text[:1].isalpha() or sent.tokens[end].text[:1] in "'’"):
                out.extend(g for grp in groups for g in grp if g.kind in ACTOR_KINDS)
        k = max(group[-1].end, k + 1)
    return out


def _conjoined(sent: Sentence, grouped, group: list[Mention]) -> tuple[list, int]:
    """The group and the groups joined to it by a conjunction and a preposition or article
    ('la France et de Malte', 'della Francia e di Malta'), with the index after the last."""
    groups, end = [group], group[-1].end
    while end < len(sent.tokens) and sent.has(end, "conj"):
        j = end + 1
        while j < len(sent.tokens) and j - end <= 3 and j not in sent.mention_at and (
                sent.has(j, "block") or sent.tokens[j].f in ARTICLES):
            j += 1
        m = sent.mention_at.get(j)
        if m is None:
            break
        groups.append(grouped[m.start])
        end = grouped[m.start][-1].end
    return groups, end


def _possessive_ok(sent: Sentence, m: Mention) -> bool:
    if m.end >= len(sent.tokens) or sent.tokens[m.end].text not in POSSESSIVE:
        return True
    return any(sent.has(k, "gov") or sent.has(k, "trigger") or sent.tokens[k].f.startswith("decision")
               or sent.tokens[k].f in _ACT_NOUNS for k in range(m.end + 1, min(len(sent.tokens), m.end + 5)))


# Nouns for the act itself after a possessive: 'Israel's move to recognise Somaliland'.
_ACT_NOUNS = frozenset({"move", "step"})


def member_ok(sent: Sentence, m: Mention) -> bool:
    if m.kind == "adj":
        near = range(max(0, m.start - 2), min(len(sent.tokens), m.end + 3))
        if not any(sent.has(k, "gov") for k in near if not (m.start <= k < m.end)):
            return False
    if sent.lang in FREE_ORDER:
        return _nominative(sent, m)
    return True


def _nominative(sent: Sentence, m: Mention) -> bool:
    head = m.start if m.kind == "adj" else m.end - 1
    if sent.tokens[head].text.isupper():
        return True  # abbreviations (РФ, США, САР) do not inflect
    grams = sent.grams(head)
    if not grams or "Fixd" in grams:
        return not _attribute(sent, prev_index(sent, m.start), m)
    if "nomn" in grams:
        return True
    p = prev_index(sent, m.start)
    if p >= 0 and sent.tokens[p].f.startswith(_DECISION):
        return True  # 'решение России признать': Russia decides
    if p > 0 and sent.has(p, "gov") and any(
            sent.tokens[k].f.startswith(_DECISION) for k in range(max(0, p - 2), p)):
        return True  # 'рішення (попереднього) уряду Гани визнати': its government decides
    return p >= 0 and sent.has(p, "gov") and "nomn" in sent.grams(p)


_DECISION = ("решени", "рішенн")
_HEAD_CASES = frozenset({"nomn", "accs"})
_FUNCTION = frozenset({"Abbr", "CONJ", "PRCL", "NPRO", "PREP", "ADVB", "INTJ"})  # 'як', 'коли'
_NOT_HEADS = ("gov", "conj", "comp", "breaks", "block", "pronoun", "speech", "neg", "after")


def _attribute(sent: Sentence, p: int, m: Mention) -> bool:
    """An indeclinable name right after a common noun in the nominative or accusative is its
    genitive attribute ('рішення Сухумі й Цхінвалі … визнали Нікарагуа…'), not the subject;
    not after an office ('президент Никарагуа'), a date ('2009 года Никарагуа') or a decision
    followed by an infinitive ('решение Никарагуа признать')."""
    if p < 0 or not sent.tokens[p].text.isalpha() or not (sent.tokens[p].text.islower() or p == 0):
        return False
    grams = sent.grams(p)
    if "NOUN" not in grams or not grams & _HEAD_CASES or grams & _FUNCTION or any(
            sent.has(p, name) for name in _NOT_HEADS):
        return False
    if p > 0 and sent.tokens[p - 1].text[:1].isdigit():
        return False
    return not (sent.tokens[p].f.startswith(_DECISION) and sent.has(m.end, "inf"))
