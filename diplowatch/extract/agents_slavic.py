"""Slavic agents and owners read from case: a demonym that owns the act ('российское признание'),
the passive forms of a Russian or Ukrainian verb, and an agent in the instrumental
('признана Россией'). Called by agents.py."""

from __future__ import annotations

from .gazetteer import Mention
from .sentence import Sentence

# Slavic possessive adjectives: 'российское признание Абхазии', 'rosyjskie uznanie',
# 'izraelsko priznanje', 'руското признаване' (the Russian, Israeli recognition): the demonym
# before the noun, perhaps past one more adjective ('российское официальное признание'), owns it.
_DEMONYM_OWNS = frozenset({"ru", "uk", "pl", "cs", "sr", "bg"})


def demonym_owner(sent: Sentence, t: int) -> Mention | None:
    if sent.lang not in _DEMONYM_OWNS:
        return None
    for k in (t - 1, t - 2):
        m = sent.mention_end.get(k)
        if m is not None:
            return m if m.kind == "adj" else None
        if k < 0 or not sent.tokens[k].text.isalpha() or not sent.tokens[k].text.islower() or (
                sent.has(k, "block") or sent.has(k, "conj") or sent.has(k, "comp")):
            return None
    return None


def passive_verb(sent: Sentence, t: int) -> bool:
    """A passive participle ('признана'), the Ukrainian impersonal ('визнано Ізраїлем'), or
    the reflexive passive of the lexicon's ``passive`` forms ('признаётся Россией')."""
    return bool({"PRTS", "pssv", "Impe"} & sent.grams(t)) or (
        sent.has(t, "passive") and sent.tokens[t].f.endswith(("ся", "сь")))


def instrumental(sent: Sentence, m: Mention, group: list[Mention]) -> bool:
    """A name in the instrumental; an indeclinable one ('Никарагуа') counts in a group with
    one that shows the case ('Россией, Никарагуа и Венесуэлой')."""
    if sent.tokens[m.end - 1].text.isupper() or sent.has(group[0].start - 1, "block"):
        return False  # 'после войны с Грузией': the instrumental of a preposition
    grams = sent.grams(m.end - 1)
    return "ablt" in grams or ("Fixd" in grams and any(
        "ablt" in sent.grams(g.end - 1) for g in group if g is not m))
