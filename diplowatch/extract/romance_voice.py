"""Voice of a Romance participle trigger: `reconnu`, `riconosciuto`, `reconocido`,
`reconhecido`, `recunoscut` are passive after a form of 'be' (`a été reconnue`, `è stata
riconosciuta`, `a fost recunoscută`) and active after 'have', the compound past (`L'Abkhazie a
reconnu la Transnistrie`, `ha riconosciuto`, `ha reconocido`, `tinha reconhecido`, `a
recunoscut`), also with one adverb between (`a officiellement reconnu`, `a deja recunoscut`).

The auxiliaries are the lexicon field ``have_aux`` (lexicon/romance.py, europe_latin.py);
languages without it keep reading the participle as passive.
"""

from __future__ import annotations

from .sentence import Sentence

_ADVERB_ENDS = ("ment", "mente")
# Short adverbs that stand between the auxiliary and the participle (folded).
_SHORT_ADVERBS = frozenset({"deja", "gia", "ya", "ja", "aussi", "anche", "tambien", "tambem",
                            "si", "oficial", "finalmente", "enfin"})


def compound_past(sent: Sentence, t: int) -> bool:
    """The participle at ``t`` follows a 'have' auxiliary: an active compound past."""
    k = t - 1
    if k >= 1 and _adverb(sent, k):
        k -= 1
    return k >= 0 and sent.has(k, "have_aux")


def _adverb(sent: Sentence, k: int) -> bool:
    tok = sent.tokens[k]
    return tok.text.islower() and (tok.f.endswith(_ADVERB_ENDS) or tok.f in _SHORT_ADVERBS)
