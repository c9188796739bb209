"""German and Dutch 'that is what the minister said': 'Österreich wird … nicht anerkennen. Das
bekräftigte die Außenministerin', 'Dat zei minister X'. A sentence that opens with the
demonstrative (the lexicon field ``said_this``: 'das', 'dies', 'dat', 'dit') and, right after
it, a verb of saying (verb second) attributes the sentence before it to its speaker.

It makes the negated act before it a reject only when the speaker speaks for a state — a
government noun (minister, government, spokesman) or the actor itself is named — and no other
state is named in it ('Das sagte der serbische Außenminister' is Serbia's description of
another state's stance).
"""

from __future__ import annotations

from .sentence import Sentence

_STATE_KINDS = frozenset({"state", "capital", "adj", "person"})
_QUOTES = frozenset({"\"", "'", "«", "»", "“", "”", "„", "‘", "’"})


def said_this(doc, sent: Sentence, codes: set[str]) -> bool:
    """The sentence after ``sent`` says that the actor's government said it."""
    if sent.index + 1 >= doc.count:
        return False
    nxt = doc.sentence(sent.index + 1)
    j = 0
    while j < len(nxt.tokens) and nxt.tokens[j].text in _QUOTES:
        j += 1
    if j + 1 >= len(nxt.tokens) or not nxt.has(j, "said_this") or not nxt.has(j + 1, "speech"):
        return False
    if any(m.kind in _STATE_KINDS and not set(m.codes) & codes for m in nxt.mentions):
        return False
    return any(set(m.codes) & codes for m in nxt.mentions) or any(
        nxt.has(k, "gov") for k in range(j + 2, len(nxt.tokens)))
