"""The names the bot shows for state and entity codes (English, or pycountry's translations
of state names), and English ordinals."""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry

ENTITY_NAMES: dict[str, str] = {
    "donetsk-pr": "Donetsk People's Republic",
    "luhansk-pr": "Luhansk People's Republic",
    "abkhazia": "Abkhazia",
    "south-ossetia": "South Ossetia",
    "XK": "Kosovo",
    "PS": "State of Palestine",
    "TW": "Taiwan (Republic of China)",
    "EH": "Sahrawi Arab Democratic Republic",
    "somaliland": "Somaliland",
    "northern-cyprus": "Northern Cyprus",
    "transnistria": "Transnistria",
    "artsakh": "Artsakh",
    "crimea": "Republic of Crimea",
    "AF": "Islamic Emirate of Afghanistan (Taliban)",
}

# Short common English names where pycountry's common_name is missing or formal.
STATE_NAMES: dict[str, str] = {
    "RU": "Russia", "KP": "North Korea", "KR": "South Korea", "SY": "Syria", "IR": "Iran",
    "CD": "DR Congo", "CG": "Republic of the Congo", "FM": "Micronesia", "VA": "Holy See",
    "BN": "Brunei", "TR": "Turkey", "PS": "Palestine", "TW": "Taiwan", "XK": "Kosovo",
    "CV": "Cape Verde", "US": "United States", "GB": "United Kingdom", "BS": "Bahamas",
    "GM": "Gambia", "EH": "Western Sahara", "AF": "Afghanistan",
}


def display(code: str, *, lang: str = "en", actor: bool = False) -> str:
    """Human name for a state or entity code; unknown codes come back unchanged.

    Codes that are both a state and a tracked entity (AF, PS, TW, EH, XK) read as the entity
    ("Islamic Emirate of Afghanistan (Taliban)") unless ``actor=True`` ("Afghanistan").
    Other languages translate state names through pycountry's locales; entity names and the
    short English forms stay English.
    """
    if code in ENTITY_NAMES and not actor:
        return ENTITY_NAMES[code]
    if lang == "en" and code in STATE_NAMES:
        return STATE_NAMES[code]
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None:
        return ENTITY_NAMES.get(code, code)
    if lang != "en":
        return _translator(lang).gettext(country.name)
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=32)
def _translator(lang: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True
    )


def ordinal_en(n: int) -> str:
    """1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th", 22 → "22nd"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
