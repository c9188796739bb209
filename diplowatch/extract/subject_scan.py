"""The backward search for the subject of one trigger word.

The nearest coordinated group of state mentions before the trigger in its clause (subject
position) acts; groups the rules of roles.py block are skipped, "after X and Y" groups are
collected as background actors. Pronouns ("it", "his country", "we") send the search back
across clauses and up to two sentences, where a candidate must look like a speaker.
"""

from __future__ import annotations

import re

from .gazetteer import Mention
from .roles import (
    ACTOR_KINDS,
    FREE_ORDER,
    ORDINAL,
    POSTPOSITIONAL,
    SUCH_AS,
    Actors,
    group_status,
    member_ok,
    prev_index,
)
from .romance_syntax import first_person_verb
from .sentence import Sentence
from .subject_en import CONTRAST, apposed, closed_relative, joined, partitive, passive_patient


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
        self.patient = passive_patient(sent, t)  # 'It is recognised by…': 'it' is the object

    def run(self) -> Actors:
        sent, i = self.sent, self.t - 1
        lo, _ = sent.clause_range(self.t)
        if closed_relative(sent, lo, self.t):  # 'Kenya, whose president …, recognized'
            i, lo = lo - 1, sent.clause_range(lo - 1)[0]
        if sent.has(self.t, "first_person"):
            self.pronoun = "first_person"  # pro-drop: 'neuznáme', 'uznamy' (we recognize)
        hops = 0
        if first_person_verb(sent, self.t):  # 'hemos reconocido': the pronoun is dropped
            self.pronoun = "first_person"
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
                outcome = self._take_group(sent, group, lo)
                if outcome is not None:
                    return outcome
                i = group[0].start - 1
                continue
            if self._generic_stop(sent, i):
                return "stop"
            self._note_pronoun(sent, i)
            i -= 1
        return "end"

    def _take_group(self, sent: Sentence, group: list[Mention], lo: int) -> str | None:
        """One group met on the way back: "found" (the subject), "stop", or None (go on)."""
        here = sent is self.sent
        status = group_status(sent, group) if here else speaker_status(sent, group)
        if (status == "blocked" and here and sent.lang == "zh"
                and self.t - group[-1].end <= 2 and {g.kind for g in group} & ACTOR_KINDS):
            status = "actor"  # '对法国承认…表示不满': 对 governs the clause '法国承认…'
        if status == "actor":
            self.result.mentions = group
            self.result.distance = max(0, self.t - group[-1].end) if here else 99
            if here and self.sent.clause[group[0].start] == self.sent.clause[self.t]:
                self.pronoun = None  # the subject is right here, whatever 'our' said
            self._background(sent, group[0].start - 1, lo)
            return "found"
        if (status == "after" and here and sent.lang not in POSTPOSITIONAL
                and self._subordinate_subject(group)):
            # 'days after Kiribati cut its ties', 'after Caracas recognized'
            self.result.mentions = group
            self.result.distance = max(0, self.t - group[-1].end)
            return "found"
        if status == "after":
            self.result.background.extend(group)
        elif status == "org":
            return "stop"
        elif status == "entity" and here and not self.result.entity_group:
            self.result.entity_group = group
        return None

    def _generic_stop(self, sent: Sentence, i: int) -> bool:
        """A generic subject ('the states') ends the search unless it is a list tail or a
        complement (_listed); the first one in the trigger's sentence is remembered."""
        if not (sent.has(i, "generic") or _counted(sent, i)) or sent.has(i, "pronoun"):
            return False
        if apposed(sent, i) or joined(sent, i):
            return False  # 'A, B and C - the three states that recognized X -': A, B and C
        if any(sent.has(k, "predicative") for k in range(max(0, i - 2), i)):
            return False  # 'als unabhängige Staaten anerkannt': the object's predicate noun
        if sent is self.sent and self.result.generic_at is None:
            self.result.generic_at = i
        return _relative_head(sent, i) or not self._listed(sent, i)

    def _note_pronoun(self, sent: Sentence, i: int) -> None:
        """A subject pronoun at i sends the search on; the first one met says how."""
        kind = _speaker_pronoun(sent, i)
        if kind and i > 0 and sent.has(i - 1, "block") and not sent.has(i - 1, "gov"):
            kind = None  # 'до этого', 'after it': a prepositional object, not the subject
        if kind and any(sent.tokens[j].f in SUCH_AS for j in range(max(0, i - 2), i)):
            kind = None  # 'как независимое государство', 'as a state': a predicate
        if kind and i > 0 and sent.has(i - 1, "inf_ok") and sent.tokens[i - 1].text.islower():
            kind = None  # 'prima țară care': a predicate noun after an ordinal
        if kind == "pronoun" and sent is self.sent and self.patient:
            kind = None
        if kind and self.pronoun is None:
            self.pronoun = kind

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
        if self.sent.has(prev_index(self.sent, group[0].start), "apart"):
            return False  # 'Außer Russland und Syrien erkennen nur …': no clause, a background
        return len(gap) <= 3 and not any(
            self.sent.has(k, "block") or self.sent.has(k, "inf")
            or not self.sent.tokens[k].text.isalpha() for k in gap)

    @staticmethod
    def _listed(sent: Sentence, i: int) -> bool:
        """Generic nouns that do not end the search: a list tail ('the US, the UK and others',
        'the US and the biggest countries') or a complement ('one of the countries',
        'одной из стран')."""
        before = range(max(0, i - 3), i)
        if any(sent.has(k, "conj") or partitive(sent, k) for k in before) and not any(
                sent.tokens[k].f in CONTRAST for k in before):
            return True  # but 'and only a handful': a contrast, not the list's tail
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
        if m.kind in ("person", "capital") or (m.kind == "adj" and member_ok(sent, m)):
            return "actor"
        if (p >= 0 and sent.has(p, "gov")) or _near_speech(sent, m):
            return "actor"
    return "skip"


def _near_speech(sent: Sentence, m: Mention) -> bool:
    window = range(max(0, m.start - 4), min(len(sent.tokens), m.end + 4))
    return any(sent.has(k, "speech") and not sent.has(k + 1, "indep") for k in window)


_KO_COUNT = re.compile(r"\d+여?개(?:국|나라)")


def _counted(sent: Sentence, i: int) -> bool:
    """A number of unnamed states: '28 دولة', '28 מדינות', Korean '28개국이' (one token)."""
    if sent.lang == "ko":
        return _KO_COUNT.match(sent.tokens[i].text) is not None
    return sent.has(i, "counted") and i > 0 and sent.tokens[i - 1].text.isdigit()


_ONE = frozenset({"one", "einer", "eine", "eines", "un", "una", "uno", "l'un", "l'une", "um", "uma",
                  "один", "одна", "одно", "одним", "одной", "jeden", "jedna", "jednym", "jedan",
                  "један", "једна"})
_DE_RELATIVES = frozenset({"die", "der", "das", "welche", "welcher", "welches"})


def _relative_head(sent: Sentence, i: int) -> bool:
    """'die Zahl der Staaten, die das Kosovo anerkannt haben': the generic noun heads the
    relative clause the trigger is in, and is its subject (German relative pronouns are the
    articles, which the lexicon cannot tag as complementizers)."""
    k = i + 2  # after a comma: 'one of the states that recognized' is a predicate (_listed)
    if any(sent.tokens[j].f in _ONE for j in range(max(0, i - 3), i)):
        return False  # 'einer der Staaten, die…': Ghana is one of them
    if sent.lang in _RELATIVE_NO_COMMA and _relative_right_after(sent, i):
        return True  # Albanian 'lista me 114 vende që e kanë njohur': the countries act
    return k < len(sent.tokens) and sent.tokens[i + 1].text == "," and (sent.has(k, "comp") or (
        sent.lang == "de" and sent.tokens[k].f in _DE_RELATIVES))


# Languages whose relative clause follows its head without a comma ('vende që e kanë njohur',
# 'χώρες που έχουν αναγνωρίσει'): a plural generic noun right before the relative is its head.
_RELATIVE_NO_COMMA = frozenset({"sq", "el", "hu", "nl"})


def _relative_right_after(sent: Sentence, i: int) -> bool:
    k = i + 1
    return (k < len(sent.tokens) and sent.has(k, "comp") and sent.clause[k] != sent.clause[i]
            and not (i > 0 and ORDINAL.fullmatch(sent.tokens[i - 1].text)))
