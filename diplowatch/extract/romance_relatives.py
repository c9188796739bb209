"""The antecedent of a Romance subject relative, behind a genitive: 'la scelta della
Bielorussia, che ha riconosciuto', 'la décision du Gabon, qui a reconnu', 'decizia Ungariei,
care a recunoscut'. The name right before ', che/qui/que/care' is the subject of the relative
clause, though its preposition ('della', 'du') or Romanian case ending ('-ei', '-ului') blocks
it as a subject elsewhere (roles.group_status).

Refused: French 'que' (an object pronoun: 'le Gabon, que la Serbie a salué'); a preposition
before the pronoun ('prin care', 'pe care', 'con cui': no subject relative); a state or leader
in the relative clause itself ('…, que reconoció Estados Unidos': the clause has its subject).
"""

from __future__ import annotations

from .gazetteer import Mention
from .sentence import Sentence

# Pronouns that can be the subject of the relative clause, folded.
SUBJECT_RELATIVES = {
    "es": frozenset({"que", "quien", "quienes", "cual"}),
    "pt": frozenset({"que", "qual"}),
    "it": frozenset({"che", "quale"}),
    "fr": frozenset({"qui", "lequel", "laquelle"}),
    "ro": frozenset({"care"}),
}
_OWN_SUBJECT_KINDS = frozenset({"state", "capital", "person"})


def relative_antecedent(sent: Sentence, group: list[Mention]) -> bool:
    """The group is followed by ', ' + a subject relative pronoun whose clause names no
    state, capital or leader of its own."""
    pronouns = SUBJECT_RELATIVES.get(sent.lang or "")
    k = group[-1].end
    if pronouns is None or k + 1 >= len(sent.tokens) or sent.tokens[k].text != ",":
        return False
    if sent.tokens[k + 1].f not in pronouns:
        return False
    clause = sent.clause[k + 1]
    return not any(m.start > k + 1 and sent.clause[m.start] == clause
                   and m.kind in _OWN_SUBJECT_KINDS for m in sent.mentions)
