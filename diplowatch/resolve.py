"""Names people type ("dpr", "Косово", "north korea") → codes, with suggestions when unsure."""

from __future__ import annotations

import difflib
import gettext
import re
import unicodedata
from functools import lru_cache

import pycountry

from . import names
from .extract.gazetteer import find_mentions
from .extract.tokens import tokenize
from .models import UserError

LANGS = ("ru", "uk", "es", "fr", "de", "pt", "it", "pl", "sr")

# Short forms people type for the entities, in the languages the bot serves.
ENTITY_ALIASES: dict[str, tuple[str, ...]] = {
    "donetsk-pr": ("dpr", "dnr", "donetsk", "donetsk republic", "днр", "донецкая народная республика",
                   "донецкая республика", "донецк", "днр донецк", "донецька народна республіка"),
    "luhansk-pr": ("lpr", "lnr", "luhansk", "lugansk", "luhansk republic", "lugansk people's republic",
                   "лнр", "луганская народная республика", "луганськ", "луганська народна республіка"),
    "abkhazia": ("abkhazia", "абхазия", "абхазія", "abjasia", "abkhazie", "abchasien", "abcasia"),
    "south-ossetia": ("south ossetia", "южная осетия", "південна осетія", "osetia del sur",
                      "ossétie du sud", "südossetien", "tskhinvali region", "ossetia del sud"),
    "XK": ("kosovo", "косово", "kosova", "kosovo and metohija", "косово и метохия"),
    "PS": ("palestine", "state of palestine", "палестина", "palestina", "palästina"),
    "TW": ("taiwan", "republic of china", "roc", "тайвань", "тайвань", "taïwan"),
    "EH": ("sadr", "western sahara", "sahrawi republic", "сахарская арабская демократическая "
           "республика", "садр", "западная сахара", "sahara occidental"),
    "somaliland": ("somaliland", "сомалиленд"),
    "northern-cyprus": ("northern cyprus", "trnc", "turkish republic of northern cyprus",
                        "северный кипр", "трск", "kktc"),
    "transnistria": ("transnistria", "pmr", "pridnestrovie", "приднестровье", "пмр",
                     "придністров'я"),
    "artsakh": ("artsakh", "nagorno-karabakh", "nagorno karabakh", "арцах", "нагорный карабах"),
    "crimea": ("republic of crimea", "crimea", "республика крым", "крым", "крим"),
    "AF": ("taliban", "islamic emirate", "islamic emirate of afghanistan", "талибан",
           "исламский эмират афганистан"),
}


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("ё", "е")
    text = re.sub(r"[^\w' -]+", " ", text)
    text = re.sub(r"^(the|la|le|el|die|der) ", "", " ".join(text.split()))
    return text


@lru_cache(maxsize=1)
def entity_index() -> dict[str, str]:
    index = {normalize(names.display(code)): code for code in names.ENTITIES}
    for code, aliases in ENTITY_ALIASES.items():
        index.update({normalize(alias): code for alias in aliases})
    index.update({code.lower(): code for code in names.ENTITIES})
    return index


@lru_cache(maxsize=1)
def state_index() -> dict[str, str]:
    index: dict[str, str] = {}
    translators = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang],
                                       fallback=True) for lang in LANGS]
    for country in pycountry.countries:
        code = country.alpha_2
        forms = {country.name, getattr(country, "common_name", ""),
                 getattr(country, "official_name", ""), names.display(code, actor=True)}
        forms |= {t.gettext(country.name) for t in translators}
        index.update({normalize(f): code for f in forms if f})
    index.update({normalize(k): v for k, v in STATE_ALIASES.items()})
    return index


STATE_ALIASES = {
    "dprk": "KP", "кндр": "KP", "северная корея": "KP", "північна корея": "KP", "usa": "US",
    "us": "US", "america": "US", "сша": "US", "uk": "GB", "britain": "GB", "great britain": "GB",
    "россия": "RU", "росія": "RU", "рф": "RU", "russian federation": "RU", "сирия": "SY",
    "сирія": "SY", "prc": "CN", "china": "CN", "кнр": "CN", "китай": "CN", "uae": "AE",
    "ivory coast": "CI", "holy see": "VA", "vatican": "VA", "burma": "MM", "czechia": "CZ",
}


# Names that stand for more than one entity: the user must pick.
AMBIGUOUS = {
    "donbass": ("donetsk-pr", "luhansk-pr"), "donbas": ("donetsk-pr", "luhansk-pr"),
    "донбасс": ("donetsk-pr", "luhansk-pr"), "донбас": ("donetsk-pr", "luhansk-pr"),
    "лднр": ("donetsk-pr", "luhansk-pr"), "ldnr": ("donetsk-pr", "luhansk-pr"),
    "ossetia": ("south-ossetia",), "cyprus north": ("northern-cyprus",),
}


def resolve_entity(text: str) -> str:
    """An entity code for `text`, or UserError naming the closest entities."""
    key = normalize(text)
    index = entity_index()
    if key in index:
        return index[key]
    found = [c for c in gazetteer_codes(text) if c in names.ENTITIES]
    if len(found) == 1:
        return found[0]
    if key in AMBIGUOUS:
        options = ", ".join(f"{names.display(c)} ({_short(c, index)})" for c in AMBIGUOUS[key])
        raise UserError(f'Unknown entity "{text.strip()[:40]}". Did you mean: {options}?')
    raise UserError(_unknown("entity", text, index, names.display))


def resolve_state(text: str) -> str:
    key = normalize(text)
    index = state_index()
    if key in index:
        return index[key]
    if len(key) == 2 and key.upper() in names.state_codes():
        return key.upper()
    found = [c for c in gazetteer_codes(text) if c in names.state_codes()]
    if len(found) == 1:
        return found[0]
    raise UserError(_unknown("state", text, index, lambda c: names.display(c, actor=True)))


def gazetteer_codes(text: str) -> list[str]:
    """Codes of the extractor's gazetteer entry that spans all of `text` (inflected forms and
    the languages it knows: "Абхазию", "Südossetien", "Pjöngjang")."""
    tokens = tokenize(text[:200])
    if not tokens:
        return []
    cyrillic = any("а" <= ch <= "я" or ch in "іїєґ" for ch in text.lower())
    for lang in ("ru", "uk") if cyrillic else (None,):
        for mention in find_mentions(tokens, lang):
            if mention.start == 0 and mention.end == len(tokens):
                return list(mention.codes)
    return []


def _unknown(what: str, text: str, index: dict[str, str], display) -> str:
    close = difflib.get_close_matches(normalize(text), list(index), n=8, cutoff=0.6)
    codes = list(dict.fromkeys(index[c] for c in close))[:3]
    shown = text.strip()[:40]
    if not codes:
        hint = "Try /recognized kosovo or /subscribe dpr." if what == "entity" else \
            "Use the English name or the two-letter code, e.g. KP."
        return f'Unknown {what} "{shown}". {hint}'
    options = ", ".join(f"{display(c)} ({_short(c, index)})" for c in codes)
    return f'Unknown {what} "{shown}". Did you mean: {options}?'


def _short(code: str, index: dict[str, str]) -> str:
    aliases = sorted((k for k, v in index.items() if v == code), key=lambda a: (not a.isascii(), len(a)))
    return aliases[0] if aliases else code.lower()
