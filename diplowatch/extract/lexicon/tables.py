"""The raw cue entries of every language: each lexicon's own fields plus what the shared frame
tables (assertion_frames.py, role_frames.py) add to them."""

from __future__ import annotations

from .asia_mideast import HEDGES as _AM_HEDGES
from .asia_mideast import LEX as _AM
from .assertion_frames import (
    ADJECTIVAL,
    AUXILIARIES,
    CESSATION,
    CONDITION,
    EXTRA,
    FRAMES,
    INFINITIVES,
    NOT_YET,
)
from .en import LEX as _EN
from .europe_caucasus import HEDGES as _EC_HEDGES
from .europe_caucasus import LEX as _EC
from .follow import FOLLOW
from .other import LEX as _OTHER
from .role_frames import (
    ANAPHORA,
    APART_FROM,
    CAUSE,
    CLAIMS,
    COPULA,
    ESTABLISH,
    ESTABLISH_SELF,
    EXAMPLE,
    INCLUDING,
    PART_OF,
    REACTS,
    STILL,
    SWITCH,
)
from .romance import LEX as _ROMANCE
from .slavic_cyr import LEX as _CYR

RAW: dict[str, dict[str, tuple[str, ...]]] = {**_EN, **_CYR, **_ROMANCE, **_OTHER, **_EC, **_AM}
# Fields every lexicon must define (tests check this).
FIELDS = ("trigger", "trigger_not", "noun", "future", "passive", "by", "neg", "neg_after",
          "modal", "call", "withdraw", "speech", "first_person", "pronoun", "after", "block",
          "gov", "generic", "breaks", "comp", "conj", "other", "indep", "sever", "ties",
          "one_china", "mutual", "anaphor_act")
HEDGES = {"en": ("signal*", "hint*", "counterproductive", "premature", "right away"),
          # Slavic 'allegedly' ('якобы признание', 'rzekome uznanie') reports in doubt
          "ru": ("нельзя", "сигнал*", "якобы", "будто бы"), "uk": ("не можна", "сигнал*", "нібито",
                                                                 "начебто"),
          "de": ("abwartend*",), "pl": ("rzekom*",), "sr": ("navodn*", "наводн*"),
          # 'does not rule out': a possibility, neither the act nor a refusal
          "es": ("no descart*", "no se descart*"), "pt": ("nao descart*", "nao se descart*"),
          "fr": ("n' exclut pas", "n' excluent pas", "n' exclut", "pas exclu"),
          "it": ("non esclude", "non escludono", "non si esclude", "non escluso"),
          **_EC_HEDGES, **_AM_HEDGES}


def entries(lang: str) -> dict[str, tuple[str, ...]]:
    """Every field of the lexicon of ``lang`` (English for a language without one), frames
    included; Turkish entries in both spellings of i."""
    raw = dict(RAW.get(lang, RAW["en"]))
    raw["hedge"] = HEDGES.get(lang, ())
    known = lang if lang in RAW else "en"
    raw.update(FRAMES.get(known, {}))
    raw.update(INFINITIVES.get(known, {}))
    raw.update(FOLLOW.get(known, {}))
    # The shared frame tables add to what a language's own lexicon lists (the asia_mideast
    # lexicons keep their frames beside their cue words).
    for name, table in (("cease", CESSATION), ("part_of", PART_OF), ("cause", CAUSE),
                        ("not_yet", NOT_YET), ("still", STILL), ("copula", COPULA),
                        ("including", INCLUDING), ("switch", SWITCH), ("cond", CONDITION),
                        ("establish", ESTABLISH), ("establish_self", ESTABLISH_SELF),
                        ("aux", AUXILIARIES), ("reacts", REACTS)):
        raw[name] = tuple(raw.get(name, ())) + table.get(known, ())
    raw["trigger_not"] = tuple(raw.get("trigger_not", ())) + ADJECTIVAL.get(known, ())
    raw["after"] = tuple(raw.get("after", ())) + APART_FROM.get(known, ()) + EXAMPLE.get(known, ())
    raw["apart"] = APART_FROM.get(known, ())  # 'apart from' opens no clause of its own
    raw["other"] = tuple(raw.get("other", ())) + CLAIMS.get(known, ())
    for name, more in EXTRA.get(known, {}).items():
        raw[name] = tuple(raw.get(name, ())) + more
    raw["anaphor_act"] = tuple(raw.get("anaphor_act", ())) + ANAPHORA.get(known, ())
    if lang == "tr":  # capitals fold to a dotted i ('TANIDI' → 'tanidi'): both spellings
        raw = {name: tuple(dict.fromkeys(e for entry in listed
                                         for e in (entry, entry.replace("ı", "i"))))
               for name, listed in raw.items()}
    return raw
