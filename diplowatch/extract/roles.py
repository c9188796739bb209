"""Who recognizes (actor) and what is recognized (target) around one trigger word.

Actors: the nearest coordinated group of state mentions before the trigger in its clause
(subject position), skipping mentions governed by prepositions ("in Moscow", "from Serbia") and
collecting "after X and Y" groups as background actors. Pronouns ("it", "his country", "we")
send the search back across clauses and up to two sentences. Russian/Ukrainian word order is
free, so there a subject is any nominative group of the clause (or the instrumental agent of a
passive participle).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .coordination import ARTICLES
from .doc import Sentence
from .gazetteer import Mention, load_trie
from .lexicon.asia_mideast import VERB_FINAL
from .names_am import oblique_clitic

ACTOR_KINDS = {"state", "capital", "person", "adj"}
# Verb-final languages put their adpositions after the noun ('러시아에 이어', after Russia).
POSTPOSITIONAL = VERB_FINAL
TARGET_KINDS = {"entity", "territory"}
_POSSESSIVE = {"'s", "'"}
FREE_ORDER = {"ru", "uk"}
_SUCH_AS = {"such", "as", "like", "including", "como", "comme", "tels", "telles", "wie",
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
    if p >= 0 and sent.has(p, "after") and kinds & ACTOR_KINDS:
        return "after"
    if sent.lang in POSTPOSITIONAL and kinds & ACTOR_KINDS and sent.has(group[-1].end, "after"):
        return "after"  # '러시아와 시리아에 이어', 'Rusya'nın ardından': 'after' follows
    if p >= 0 and sent.tokens[p].f == "by" and kinds & ACTOR_KINDS:
        return "actor"  # 'the decision by Ireland to recognize': the agent of a nominalisation
    if (p > 0 and sent.tokens[p].f in _OF and sent.has(prev_index(sent, p), "gov")
            and kinds & ACTOR_KINDS):
        return "actor"  # 'the government of Liberia', 'el Gobierno de Chile': the state acts
    if (p >= 0 and (sent.has(p, "block") or sent.tokens[p].text == "(") and not sent.has(p, "gov")
            and not sent.has(p, "comp")):  # 'que la République du Burundi avait…': a subject
        return "blocked"
    first = sent.tokens[group[0].start]
    if oblique_clitic(first.text, sent.lang) and first.f not in load_trie():
        return "blocked"  # 'بروسيا', 'ברוסיה': a preposition written on the name (not 'كينيا')
    if sent.lang == "ko" and kinds & ACTOR_KINDS and not _korean_subject(sent, group[-1]):
        return "blocked"  # '그루지야 내 …': a name without a subject particle
    if sent.lang == "ka" and _georgian_genitive(sent, group[-1]):
        return "blocked"  # 'აფხაზეთის დამოუკიდებლობა', 'რუსეთის მიერ': an owner, not the subject
    if kinds <= {"org"}:
        return "org" if sent.lang not in FREE_ORDER else "skip"
    if not kinds & ACTOR_KINDS:
        return "entity" if kinds & TARGET_KINDS else "skip"
    if not _possessive_ok(sent, group[-1]):
        return "blocked"
    if not all(_member_ok(sent, m) for m in group if m.kind in ACTOR_KINDS):
        return "skip" if len(group) == 1 and group[0].kind == "adj" else "blocked"
    return "actor"


# Korean marks its subject with a particle on the name or on the government noun after it
# ('러시아는', '러시아가', '몰타도', '러시아 외무부는'); genitive 의 makes the owner of a
# nominal act ('러시아의 승인').
_KO_SUBJECT = ("은", "는", "이", "가", "께서", "도", "의", "측은", "측이")
_KO_ETC = ("등", "등의")  # '영국, 캐나다 등 150여 개국이': the list ends in 'etc.' and a noun


def _korean_subject(sent: Sentence, m: Mention) -> bool:
    if sent.tokens[m.end - 1].text.endswith(_KO_SUBJECT):
        return True
    if m.end < len(sent.tokens) and sent.tokens[m.end].text in _KO_ETC:
        return True
    for j in range(m.end, min(len(sent.tokens), m.end + 2)):
        if not sent.has(j, "gov"):
            return False
        if sent.tokens[j].text.endswith(_KO_SUBJECT):
            return True
    return False


# Georgian puts the subject in the ergative (-მა/-მ) or the nominative; a name in the
# genitive (-ის, -ისა before და) owns the noun after it ('აფხაზეთის დამოუკიდებლობა') or is
# governed by a postposition ('რუსეთის მიერ', by Russia), unless that noun is a government
# noun standing for the state ('რუსეთის პრეზიდენტმა').
_KA_GENITIVE = ("ის", "ისა")


def _georgian_genitive(sent: Sentence, m: Mention) -> bool:
    if not sent.tokens[m.end - 1].text.endswith(_KA_GENITIVE):
        return False
    nxt = m.end
    return not (nxt < len(sent.tokens) and sent.has(nxt, "gov")
                and not sent.tokens[nxt].text.endswith(_KA_GENITIVE))


_OF = frozenset({"of", "de", "du", "des", "di", "del", "della", "da", "do", "von"})
# What may follow a trailing background group: 'like Norway and Ireland before it'.
_TRAILING_OK = frozenset({"before", "earlier", "already", "did", "had", "have", "in", "last",
                          "antes", "avant", "prima", "vorher", "ранее", "раньше", "прежде"})


def trailing_background(doc, sent: Sentence, t: int) -> list[Mention]:
    """'Spain recognized Palestine, following Norway and Ireland', '…, como Noruega e
    Irlanda': after-groups later in the sentence are background actors of the same act, when
    nothing but punctuation (or 'before it') follows them — 'after Norway urged it' is
    another clause — and no other trigger comes between."""
    grouped = doc.groups(sent)
    n, k, out = len(sent.tokens), t + 1, []
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
    if m.end >= len(sent.tokens) or sent.tokens[m.end].text not in _POSSESSIVE:
        return True
    return any(sent.has(k, "gov") or sent.has(k, "trigger") or sent.tokens[k].f.startswith("decision")
               for k in range(m.end + 1, min(len(sent.tokens), m.end + 5)))


def _member_ok(sent: Sentence, m: Mention) -> bool:
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
    if not grams or "nomn" in grams or "Fixd" in grams:
        return True
    p = prev_index(sent, m.start)
    if p >= 0 and sent.tokens[p].f.startswith(("решени", "рішенн")):
        return True  # 'решение России признать': Russia decides
    return p >= 0 and sent.has(p, "gov") and "nomn" in sent.grams(p)


def _speaker_pronoun(sent: Sentence, i: int) -> str | None:
    if sent.has(i, "first_person"):
        return "first_person"
    if sent.has(i, "pronoun"):
        return "pronoun"
    return None


class Scan:
    """Backward search for the subject of the trigger at token t of sentence s."""

    def __init__(self, doc, sent: Sentence, t: int) -> None:
        self.doc, self.sent, self.t = doc, sent, t
        self.result = Actors()
        self.pronoun: str | None = None

    def run(self) -> Actors:
        sent, i = self.sent, self.t - 1
        lo, _ = sent.clause_range(self.t)
        hops = 0
        while True:
            status = self._scan_range(sent, i, lo)
            if status in ("found", "stop"):
                break
            nxt = self._cross(sent, lo, hops)
            if nxt is None:
                break
            sent, i, lo = nxt
            hops += 1
        if self.pronoun and self.result.mentions:
            self.result.how = self.pronoun
        return self.result

    def _scan_range(self, sent: Sentence, i: int, lo: int) -> str:
        grouped = self.doc.groups(sent)
        while i >= lo:
            m = sent.mention_end.get(i)
            if m is not None:
                group = grouped[m.start]
                status = group_status(sent, group) if sent is self.sent else speaker_status(sent, group)
                if (status == "blocked" and sent is self.sent and sent.lang == "zh"
                        and self.t - group[-1].end <= 2 and {g.kind for g in group} & ACTOR_KINDS):
                    status = "actor"  # '对法国承认…表示不满': 对 governs the clause '法国承认…'
                if status == "actor":
                    self.result.mentions = group
                    self.result.distance = max(0, self.t - group[-1].end) if sent is self.sent else 99
                    if sent is self.sent and self.sent.clause[group[0].start] == self.sent.clause[self.t]:
                        self.pronoun = None  # the subject is right here, whatever 'our' said
                    self._background(sent, group[0].start - 1, lo)
                    return "found"
                if (status == "after" and sent is self.sent and sent.lang not in POSTPOSITIONAL
                        and self._subordinate_subject(group)):
                    status = "actor"  # 'days after Kiribati cut its ties', 'after Caracas recognized'
                if status == "actor":
                    self.result.mentions = group
                    self.result.distance = max(0, self.t - group[-1].end)
                    return "found"
                if status == "after":
                    self.result.background.extend(group)
                elif status == "org":
                    return "stop"
                elif status == "entity" and sent is self.sent and not self.result.entity_group:
                    self.result.entity_group = group
                i = group[0].start - 1
                continue
            if sent.has(i, "generic") and not sent.has(i, "pronoun"):
                if sent is self.sent and self.result.generic_at is None:
                    self.result.generic_at = i
                if not self._listed(sent, i):
                    return "stop"
            kind = _speaker_pronoun(sent, i)
            if kind and i > 0 and sent.has(i - 1, "block") and not sent.has(i - 1, "gov"):
                kind = None  # 'до этого', 'after it': a prepositional object, not the subject
            if kind and any(sent.tokens[j].f in _SUCH_AS for j in range(max(0, i - 2), i)):
                kind = None  # 'как независимое государство', 'as a state': a predicate
            if kind and self.pronoun is None:
                self.pronoun = kind
            i -= 1
        return "end"

    def _background(self, sent: Sentence, i: int, lo: int) -> None:
        """'After Chile and Peru, Bolivia recognized…': after-groups
        further left in the clause are background actors of the same act."""
        grouped = self.doc.groups(sent)
        while i >= lo:
            m = sent.mention_end.get(i)
            if m is None:
                i -= 1
                continue
            group = grouped[m.start]
            if group_status(sent, group) == "after":
                self.result.background.extend(group)
            i = group[0].start - 1

    def _subordinate_subject(self, group: list[Mention]) -> bool:
        """'after X' + the trigger's finite verb: X is the subordinate clause's subject,
        not a background actor ('the second after Russia to recognize' keeps Russia apart)."""
        gap = range(group[-1].end, self.t)
        return len(gap) <= 3 and not any(
            self.sent.has(k, "block") or self.sent.has(k, "inf")
            or not self.sent.tokens[k].text.isalpha() for k in gap)

    @staticmethod
    def _listed(sent: Sentence, i: int) -> bool:
        """Generic nouns that do not end the search: a list tail ('the US, the UK and others',
        'the US and the biggest countries') or a complement ('one of the countries',
        'одной из стран')."""
        before = range(max(0, i - 3), i)
        if any(sent.has(k, "conj") or sent.has(k, "block") for k in before):
            return True
        k = i - 1
        if sent.has(i, "comp"):  # 'pierwsze państwo, które': the relative's antecedent
            while k >= 0 and sent.tokens[k].text == ",":
                k -= 1
            k -= 1
        if k >= 0 and not sent.tokens[k].text.isdigit() and (
                sent.has(k, "inf_ok") or ORDINAL.fullmatch(sent.tokens[k].text)):
            # 'le 139e pays à reconnaître', 'the fifteenth state that withdrew': a predicate
            # noun, not the subject; 'only 19 countries that recognise' is one (a cardinal)
            return True
        return sent.lang in FREE_ORDER and bool(sent.grams(i)) and "nomn" not in sent.grams(i)

    def _cross(self, sent: Sentence, lo: int, hops: int):
        """Continue into the previous clause / sentence when the subject must be found there."""
        if hops >= 4:
            return None
        starts_sub = sent.has(lo, "comp")
        if lo > 0 and (self.pronoun or starts_sub):
            plo, _ = sent.clause_range(lo - 1)
            return sent, lo - 1, plo
        if lo == 0 and self.pronoun and sent.index > 0 and self.sent.index - sent.index < 2:
            prev = self.doc.sentence(sent.index - 1)
            return prev, len(prev.tokens) - 1, 0
        if self.pronoun == "first_person" and sent.index <= self.sent.index:
            self._attribution()
        return None

    def _attribution(self) -> None:
        """'"…we do not recognize…," said Tokayev': the speaker named after the quote."""
        for idx in range(self.sent.index, min(self.doc.count, self.sent.index + 3)):
            sent = self.doc.sentence(idx)
            start = self.t + 1 if sent is self.sent else 0
            for m in sent.mentions:
                if m.start >= start and m.kind in ACTOR_KINDS and _near_speech(sent, m):
                    self.result.mentions = [m]
                    self.result.distance = 99
                    return


def speaker_status(sent: Sentence, group: list[Mention]) -> str:
    """In an earlier sentence, a pronoun's antecedent must look like a speaker or government:
    a leader, 'the Kazakh minister', 'МЗС України', or a name next to a speech verb."""
    if not {m.kind for m in group} & ACTOR_KINDS:
        return "skip"
    for m in group:
        p = prev_index(sent, m.start)
        if m.kind in ("person", "capital") or (m.kind == "adj" and _member_ok(sent, m)):
            return "actor"
        if (p >= 0 and sent.has(p, "gov")) or _near_speech(sent, m):
            return "actor"
    return "skip"


def _near_speech(sent: Sentence, m: Mention) -> bool:
    window = range(max(0, m.start - 4), min(len(sent.tokens), m.end + 4))
    return any(sent.has(k, "speech") for k in window)


