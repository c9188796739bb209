"""Case endings on names for bg, cs, el, hu, ro, nl, sq, ka, hy (the europe_caucasus lexicon),
and on short Serbian, Polish and Czech names.

``name_keys(folded, lang)`` gives the base forms a folded token may be an inflection of; the
gazetteer looks each one up like the surface form, so a wrong guess costs nothing unless it
is itself a name. Only the cases a subject, an object or a possessor takes are undone: forms
"in X", "from X", "with X" (Hungarian -ban, -ból, -val; Georgian -ში, -დან, -თან; Armenian
-ում, -ից, -ով) stay unmatched, because in these languages the case ending plays the part that
a preposition plays elsewhere, and a capital "in Moscow" must not become an actor.
"""

from __future__ import annotations

from .normalize import stem

# (ending, replacements): 'koszovot' ends in 't' → 'koszovo'. Longest endings are tried first
# and every matching ending contributes (a few dictionary look-ups per token, no more).
_ENDINGS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    # Hungarian (folded, so lengthened á/é match a/e): accusative, dative, possessor -é.
    "hu": (("ot", ("",)), ("et", ("",)), ("at", ("",)), ("t", ("",)), ("nak", ("",)),
           ("nek", ("",)), ("e", ("",)), ("ert", ("",)), ("kent", ("",))),
    # Romanian enclitic article and genitive-dative: Kosovoului, Rusiei, Republicii.
    "ro": (("ului", ("",)), ("lui", ("",)), ("ul", ("",)), ("ei", ("a",)), ("ii", ("a", "ia")),
           ("ai", ("a",))),
    # Albanian definite forms (ë folds to e): Kosova/Kosovën/Kosovës, Serbia/Serbisë, Izraelit.
    "sq": (("es", ("a", "e")), ("en", ("a", "e")), ("se", ("", "a")), ("ne", ("", "a")),
           ("e", ("a",)), ("a", ("", "e")), ("it", ("", "i")), ("in", ("", "i")),
           ("i", ("",)), ("s", ("",)), ("ut", ("",))),
    # Greek (folded: accents gone, final ς → σ): genitive -ας/-ης/-ου, plural genitive -ων;
    # masculines in -ας/-ης drop the ς in the accusative and genitive (τον/του Καναδά).
    "el": (("σ", ("",)), ("ου", ("ο", "οσ", "")), ("ων", ("εσ", "οι")), ("ο", ("οσ",)),
           ("α", ("ασ",)), ("η", ("ησ",))),
    # Georgian: ergative -მა/-მ, dative -ს, genitive -ის(ა), plural -ებ-; nominative -ი is
    # restored on consonant stems (რუსეთმა → რუსეთი). Clitic 'also' (-ც, -აც) comes off first.
    "ka": (("ისა", ("ი", "ა", "")), ("ის", ("ი", "ა", "")), ("მა", ("ი", "")), ("მ", ("",)),
           ("ს", ("", "ი")), ("ებმა", ("ა", "ი")), ("ებს", ("ა", "ი")), ("ების", ("ა", "ი")),
           ("ები", ("ა", "ი"))),
    # Armenian: genitive-dative -ի (-յի after a vowel), definite -ը/-ն, dative -ին/-յին.
    "hy": (("յին", ("",)), ("յի", ("",)), ("ին", ("",)), ("ի", ("",)), ("ը", ("",)),
           ("ն", ("",))),
}
# Short names in Serbian, Polish and Czech: the light stem never cuts below four letters, so
# the case forms of Kina, Kuba, Čad (Kinu, Kubě, Kuby, Čadu, Kubom) are undone here instead.
_SHORT_SLAVIC = (("u", ("a", "")), ("e", ("a",)), ("i", ("a",)), ("y", ("a",)), ("ie", ("a",)),
                 ("om", ("a", "")), ("oj", ("a",)), ("em", ("",)), ("ou", ("a",)),
                 ("у", ("а", "")), ("е", ("а",)), ("и", ("а",)), ("ом", ("а", "")),
                 ("ој", ("а",)))
_SHORT_LANGS = {"sr", "pl", "cs"}
_SHORT_MAX = 5
_CLITICS = {"ka": ("აც", "ც", "ვე"), "hy": (), "hu": ()}
_STEMMED = {"cs", "bg"}  # Slavic case endings: the gazetteer's light stem keys already fit
_MIN_BASE = 3


def name_keys(folded: str, lang: str | None) -> tuple[str, ...]:
    """Candidate base forms of one folded token in ``lang`` ('kosovoului' → ('kosovo',…))."""
    if lang in _SHORT_LANGS and len(folded) <= _SHORT_MAX:
        return _undo(folded, _SHORT_SLAVIC)
    if lang in _STEMMED:
        return (stem(folded),) if len(folded) > 4 else ()
    table = _ENDINGS.get(lang or "")
    if table is None or len(folded) <= _MIN_BASE:
        return ()
    words = [folded]
    for clitic in _CLITICS.get(lang or "", ()):
        if folded.endswith(clitic) and len(folded) - len(clitic) > _MIN_BASE:
            words.append(folded[: -len(clitic)])
    return tuple(dict.fromkeys(w for word in words for w in _undo(word, table)
                               if w != folded))


def _undo(word: str, table) -> tuple[str, ...]:
    out = [word[: -len(end)] + r for end, repl in table
           if word.endswith(end) and len(word) - len(end) >= _MIN_BASE for r in repl]
    return tuple(dict.fromkeys(w for w in out if w != word))

