"""Georgian marks the subject of the aorist (and the optative) with the ergative case, -მა
after a consonant, -მ after a vowel, with 'also' -ც written after it: 'რუსეთმა აღიარა',
'ნიკარაგუამ ცნო', 'ვანუატუმაც'. The word order is free ('სამხრეთ ოსეთი აღიარეს ვენესუელამ და
ნაურუმ': the object first, the subjects after the verb), so a name in the ergative in the
trigger's clause is its subject wherever it stands, and the nominative beside an aorist is
its object; a name after the verb is its subject only when no punctuation separates them
(after a comma it begins the next clause: 'აღიარა, ცხინვალმა კი … ცნო'). The present tense has a nominative subject and a dative object and no ergative:
the backward subject search (subject_scan.py) reads it.
"""

from __future__ import annotations

from .gazetteer import Mention
from .roles import ACTOR_KINDS, TARGET_KINDS
from .sentence import Sentence

_ERGATIVE = ("მა", "მ", "მაც", "მც")
_ACTING = ACTOR_KINDS | TARGET_KINDS  # an entity in the ergative acts too ('აფხაზეთმა')


def ergative_subject(doc, sent: Sentence, t: int) -> list[Mention]:
    """The group of the name in the ergative nearest the trigger in its clause, or []."""
    if sent.lang != "ka":
        return []
    lo, hi = sent.clause_range(t)
    found = [m for m in sent.mentions if lo <= m.start < hi and m.kind in _ACTING
             and sent.tokens[m.end - 1].text.endswith(_ERGATIVE)
             and (m.start < t or not _punctuation(sent, t, m.start))]
    if not found:
        return []
    nearest = min(found, key=lambda m: abs(m.start - t))
    return [g for g in doc.groups(sent)[nearest.start] if g.kind in _ACTING]


def _punctuation(sent: Sentence, a: int, b: int) -> bool:
    """A comma or dash between the verb and a name after it: 'აღიარა, ცხინვალმა კი … ცნო' —
    the name is the next verb's subject."""
    return any(not sent.tokens[k].text[:1].isalnum() for k in range(a + 1, b))
