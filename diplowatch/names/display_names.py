"""The names the bot shows for state and entity codes, in English, Russian, Ukrainian, Spanish,
French or German (curated names here and in display_es_fr_de.py, else pycountry's translations of
state names), and English ordinals.

A name in another language than English is a ``Name``: a str that formats in another
grammatical case when a template asks, ``"{actor} признаёт {target:acc}"``. The tracked
entities have their genitive and accusative written here (in Spanish, French and German: the
name with its article and preposition, display_es_fr_de.py); other names (states) stay as they
are, so templates put states where the nominative reads right."""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry

from .display_es_fr_de import ENTITY_FORMS
from .display_es_fr_de import STATE_NAMES as STATE_NAMES_ES_FR_DE

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

# The entities in Russian and Ukrainian: nominative, genitive, accusative.
_ENTITY_CASES: dict[str, dict[str, tuple[str, str, str]]] = {
    "ru": {
        "donetsk-pr": ("Донецкая Народная Республика", "Донецкой Народной Республики",
                       "Донецкую Народную Республику"),
        "luhansk-pr": ("Луганская Народная Республика", "Луганской Народной Республики",
                       "Луганскую Народную Республику"),
        "abkhazia": ("Абхазия", "Абхазии", "Абхазию"),
        "south-ossetia": ("Южная Осетия", "Южной Осетии", "Южную Осетию"),
        "XK": ("Косово", "Косово", "Косово"),
        "PS": ("Государство Палестина", "Государства Палестина", "Государство Палестина"),
        "TW": ("Тайвань (Китайская Республика)", "Тайваня (Китайской Республики)",
               "Тайвань (Китайскую Республику)"),
        "EH": ("Сахарская Арабская Демократическая Республика",
               "Сахарской Арабской Демократической Республики",
               "Сахарскую Арабскую Демократическую Республику"),
        "somaliland": ("Сомалиленд", "Сомалиленда", "Сомалиленд"),
        "northern-cyprus": ("Северный Кипр", "Северного Кипра", "Северный Кипр"),
        "transnistria": ("Приднестровье", "Приднестровья", "Приднестровье"),
        "artsakh": ("Арцах", "Арцаха", "Арцах"),
        "crimea": ("Республика Крым", "Республики Крым", "Республику Крым"),
        "AF": ("Исламский Эмират Афганистан (талибы)", "Исламского Эмирата Афганистан (талибы)",
               "Исламский Эмират Афганистан (талибы)"),
    },
    "uk": {
        "donetsk-pr": ("Донецька Народна Республіка", "Донецької Народної Республіки",
                       "Донецьку Народну Республіку"),
        "luhansk-pr": ("Луганська Народна Республіка", "Луганської Народної Республіки",
                       "Луганську Народну Республіку"),
        "abkhazia": ("Абхазія", "Абхазії", "Абхазію"),
        "south-ossetia": ("Південна Осетія", "Південної Осетії", "Південну Осетію"),
        "XK": ("Косово", "Косова", "Косово"),
        "PS": ("Держава Палестина", "Держави Палестина", "Державу Палестина"),
        "TW": ("Тайвань (Китайська Республіка)", "Тайваню (Китайської Республіки)",
               "Тайвань (Китайську Республіку)"),
        "EH": ("Сахарська Арабська Демократична Республіка",
               "Сахарської Арабської Демократичної Республіки",
               "Сахарську Арабську Демократичну Республіку"),
        "somaliland": ("Сомаліленд", "Сомаліленду", "Сомаліленд"),
        "northern-cyprus": ("Північний Кіпр", "Північного Кіпру", "Північний Кіпр"),
        "transnistria": ("Придністров'я", "Придністров'я", "Придністров'я"),
        "artsakh": ("Арцах", "Арцаху", "Арцах"),
        "crimea": ("Республіка Крим", "Республіки Крим", "Республіку Крим"),
        "AF": ("Ісламський Емірат Афганістан (таліби)", "Ісламського Емірату Афганістан (таліби)",
               "Ісламський Емірат Афганістан (таліби)"),
    },
    **ENTITY_FORMS,
}

# Short common names where pycountry's translation is formal or odd.
_STATE_NAMES_IN: dict[str, dict[str, str]] = {
    "ru": {
        "RU": "Россия", "KP": "КНДР", "KR": "Южная Корея", "SY": "Сирия", "CD": "ДР Конго",
        "CG": "Республика Конго", "FM": "Микронезия", "VA": "Святой Престол", "BN": "Бруней",
        "PS": "Палестина", "TW": "Тайвань", "XK": "Косово", "US": "США",
        "GB": "Великобритания", "VE": "Венесуэла", "LA": "Лаос", "MD": "Молдова",
        "CF": "Центральноафриканская Республика", "DO": "Доминиканская Республика",
        "BO": "Боливия", "TZ": "Танзания",
    },
    "uk": {
        "RU": "Росія", "KP": "КНДР", "KR": "Південна Корея", "SY": "Сирія", "CD": "ДР Конго",
        "CG": "Республіка Конго", "FM": "Мікронезія", "VA": "Святий Престол", "BN": "Бруней",
        "PS": "Палестина", "TW": "Тайвань", "XK": "Косово", "US": "США",
        "GB": "Велика Британія", "VE": "Венесуела", "LA": "Лаос", "MD": "Молдова",
        "TZ": "Танзанія", "TV": "Тувалу", "NR": "Науру", "DO": "Домініканська Республіка",
    },
    **STATE_NAMES_ES_FR_DE,
}

CASES = ("gen", "acc")


class Name(str):
    """A name that formats in a case a template asks for (``{target:gen}``), when it has one."""

    cases: dict[str, str]

    def __new__(cls, text: str, cases: dict[str, str] | None = None) -> Name:
        name = super().__new__(cls, text)
        name.cases = cases or {}
        return name

    def __format__(self, spec: str) -> str:
        return self.cases.get(spec, str(self)) if spec in CASES else format(str(self), spec)


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
    Names in the other languages are curated for the entities and common states, else
    pycountry's translation; a language without curated names gets English entity names.
    """
    if lang in _ENTITY_CASES:
        return cased(code, lang=lang, actor=actor)
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


@lru_cache(maxsize=4096)  # every alert names its states again
def cased(code: str, *, lang: str, actor: bool = False) -> Name:
    """``display`` as a Name, with the entity's cases (or, in Spanish, French and German, its
    forms with an article)."""
    if lang not in _ENTITY_CASES:
        return Name(display(code, lang=lang, actor=actor))
    forms = _ENTITY_CASES[lang].get(code)
    if forms and not (actor and code.isupper()):
        return Name(forms[0], dict(zip(CASES, forms[1:], strict=True)))
    return Name(_STATE_NAMES_IN.get(lang, {}).get(code) or _pycountry_name(code, lang))


def _pycountry_name(code: str, lang: str) -> str:
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None:
        return ENTITY_NAMES.get(code, code)
    return _translator(lang).gettext(country.name)


@lru_cache(maxsize=32)
def _translator(lang: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True
    )


def ordinal_en(n: int) -> str:
    """1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th", 22 → "22nd"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
