"""Separable verbs of German and Dutch: in a main clause the finite stem stands second and its
particle at the end of the clause ('Suriname trekt de erkenning van Kosovo in', 'Togo setzte
seine Anerkennung aus'); a call's particle follows its object ('riep Ghana op, …'). The stems
and particles are in the languages' lexicons (lexicon/other.py, lexicon/europe_latin.py); in
the subordinate clause and the participle the verb is one word, which the lexicon lists.
"""

from __future__ import annotations

from .lexicon.europe_latin import SEPARABLE as _NL
from .lexicon.other import SEPARABLE as _DE
from .lexicon.other import SURFACE_MODAL
from .sentence import Sentence

SEPARABLE = {**_DE, **_NL}
_REACH = 8  # tokens before the clause in which a call's stem may stand ('rief Ghana auf, …')


def split_verb(sent: Sentence, field: str, t: int, lo: int, hi: int) -> bool:
    """A stem of ``field`` (a withdrawal, a refusal) before the trigger and its particle
    ending the clause: 'trekt de erkenning … in', 'schließt eine Anerkennung … aus'."""
    stems, particles = SEPARABLE.get(sent.lang or "", {}).get(field, ((), ()))
    if not stems or not _ends_with(sent, t, hi, particles):
        return False
    return any(sent.tokens[k].f in stems for k in range(lo, t))


def split_call(sent: Sentence, t: int, lo: int) -> bool:
    """A call's stem and its particle, both before the trigger ('riep Ghana op de erkenning …
    in te trekken'); the particle is not a preposition before a date ('op 5 mei')."""
    stems, particles = SEPARABLE.get(sent.lang or "", {}).get("call", ((), ()))
    if not stems:
        return False
    start = max(0, lo - _REACH)
    for k in range(start, t):
        if sent.tokens[k].f in stems:
            return any(sent.tokens[j].f in particles and not _before_number(sent, j)
                       for j in range(k + 2, t))
    return False


def negated_refusal(sent: Sentence, t: int, hi: int) -> bool:
    """'hat eine Anerkennung nicht ausgeschlossen', 'niet uitgesloten': a negated participle of
    refusal after the noun leaves the act open."""
    return any(sent.has(k, "refusal") and sent.has(k - 1, "neg") and not sent.has(k - 1, "refusal")
               for k in range(t + 2, hi))


def surface_modal(sent: Sentence, span: range) -> bool:
    """'würde' as written (its folded form is the indicative 'wurde')."""
    words = SURFACE_MODAL.get(sent.lang or "", frozenset())
    return bool(words) and any(sent.tokens[k].text.casefold() in words for k in span)


def _ends_with(sent: Sentence, t: int, hi: int, particles: tuple[str, ...]) -> bool:
    """A particle after the trigger that ends its clause or stands before a punctuation mark
    ('schließt eine Anerkennung aus, sagte der Minister')."""
    for j in range(t + 1, hi):
        if sent.tokens[j].f in particles and (
                j + 1 >= hi or not sent.tokens[j + 1].text[:1].isalnum()):
            return True
    return False


def _before_number(sent: Sentence, j: int) -> bool:
    return j + 1 < len(sent.tokens) and sent.tokens[j + 1].text[:1].isdigit()
