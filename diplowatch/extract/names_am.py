"""Clitics on names in Arabic, Hebrew, Korean and Turkish (the asia_mideast lexicon).

``clitic_keys(folded, lang)`` gives the bare names a folded token may carry a clitic on; the
gazetteer looks each one up like the surface form (as names_ec does for case endings).

- Arabic writes the conjunctions و ف and the prepositions ب ل ك as one word with what
  follows, and ل + the article ال as لل: 'وسوريا' (and Syria), 'بكوسوفو' (Kosovo, the object
  of اعترف ب), 'للصحراء' (to the Sahara).
- Hebrew prefixes up to three of ו ה ב ל מ ש כ: 'ובישראל', 'בקוסובו', 'שרוסיה'.
- Korean attaches particles to the noun: topic 은/는, subject 이/가, object 을/를, genitive
  의, 'and' 와/과, 'also' 도 ('러시아는', '코소보를'), and dative 에 ('코소보에 대한 승인',
  recognition of Kosovo; never an actor). 에서 and 로 ('in Moscow', 'to Seoul') are left on.
- Turkish writes the case suffixes of a proper name after an apostrophe: 'Kosova'yı',
  'Rusya'nın', 'Filistin'i' (the oblique cases stay on, like the Korean locative).

Whether a stripped preposition makes the name an oblique (not a subject) is decided by the
roles (``oblique_clitic``), not here.
"""

from __future__ import annotations

_AR_CONJ = ("و", "ف")
_AR_PREP = ("ب", "ل", "ك")
_HE_PREFIX = set("והבלמשכ")
_HE_PREP = set("בלמכ")
_KO_PARTICLES = ("께서는", "에게는", "과는", "와는", "와의", "과의", "에는", "이는", "측은", "측이", "측의",
                 "에게", "은", "는", "이", "가", "을", "를", "의", "와", "과", "도", "측", "에")
# Dative-locative 에 / 에게: 'X에 대한 승인' (recognition of X) needs the name; as an actor
# it is blocked (oblique_clitic), like a name after a preposition.
_KO_OBLIQUE = ("에", "에게", "에는", "에게는")
# Turkish locative, ablative and instrumental suffixes ('Moskova'da', 'Ankara'dan',
# 'Rusya'yla'): 'in / from / with X' is no subject or object, so the name is not matched.
_TR_OBLIQUE = ("da", "de", "ta", "te", "la", "le", "yla", "yle")
_MIN = 2  # letters a bare name keeps at least


def clitic_keys(folded: str, lang: str | None) -> tuple[str, ...]:
    if lang == "ar":
        return _arabic(folded)
    if lang == "he":
        return _hebrew(folded)
    if lang == "ko":
        return tuple(folded[: -len(p)] for p in _KO_PARTICLES
                     if folded.endswith(p) and len(folded) - len(p) >= _MIN)
    if lang == "tr" and "'" in folded:
        name, suffix = folded.split("'", 1)
        return () if suffix.startswith(_TR_OBLIQUE) else (name,)
    return ()


def _arabic(word: str) -> tuple[str, ...]:
    out = []
    rest = word[1:] if word.startswith(_AR_CONJ) and len(word) > 3 else word
    if rest != word:
        out.append(rest)
    if rest.startswith("لل") and len(rest) > 4:
        out.append("ال" + rest[2:])  # 'للصحراء' → 'الصحراء'
    elif rest.startswith(_AR_PREP) and len(rest) > 3:
        out.append(rest[1:])
    return tuple(out)


def _hebrew(word: str) -> tuple[str, ...]:
    out = []
    for n in (1, 2, 3):
        if len(word) - n < _MIN + 1 or not set(word[:n]) <= _HE_PREFIX:
            break
        out.append(word[n:])
    return tuple(out)


def oblique_clitic(text: str, lang: str | None) -> bool:
    """The token carries a preposition ('בקוסובו', 'بروسيا', 'وبروسيا'): the name is governed
    by it, like a name after 'in' or 'with' (for the roles: never the subject)."""
    if lang == "ar":
        word = text[1:] if text.startswith(_AR_CONJ) else text
        return word.startswith(_AR_PREP) and not word.startswith("ال")
    if lang == "he":
        head = text[:2] if text[:1] in "וש" else text[:1]
        return bool(set(head) & _HE_PREP)
    if lang == "ko":
        return text.endswith(_KO_OBLIQUE)
    return False
