"""Names people type ("dpr", "Косово", "north korea") → codes, with suggestions when unsure.

Names come from the extractor's gazetteer (``lookup_typed``: every language and inflected form
it knows, abbreviations in any case) and from display_names.py and codes.py (the names the bot
itself prints, and the codes). The tables here hold only what people type but statements never say.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection
from functools import cache, lru_cache

from ..extract.gazetteer import lookup_typed, typed_index, typed_key
from ..models import N_, UserError
from ..texts.i18n import DEFAULT, LANGUAGES, current, gettext
from .codes import ENTITIES, state_codes
from .display_names import display

# Forms people type that are not names the extractor should find in running text.
TYPED_ALIASES = {"днр донецк": "donetsk-pr", "ossetia del sud": "south-ossetia"}

# Names that stand for more than one entity, or for more than the entity: the user must pick.
AMBIGUOUS = {
    "donbass": ("donetsk-pr", "luhansk-pr"), "donbas": ("donetsk-pr", "luhansk-pr"),
    "донбасс": ("donetsk-pr", "luhansk-pr"), "донбас": ("donetsk-pr", "luhansk-pr"),
    "ossetia": ("south-ossetia",), "cyprus north": ("northern-cyprus",),
}

# What "Did you mean" suggests typing for each entity.
HINTS = {
    "donetsk-pr": "dpr", "luhansk-pr": "lpr", "abkhazia": "abkhazia", "south-ossetia": "south ossetia",
    "XK": "kosovo", "PS": "palestine", "TW": "taiwan", "EH": "sadr", "somaliland": "somaliland",
    "northern-cyprus": "trnc", "transnistria": "pmr", "artsakh": "artsakh", "crimea": "crimea",
    "AF": "taliban",
}


CHAT_TIP = N_("Try /recognized kosovo or /subscribe dpr.")
_UNKNOWN = {"entity": N_('Unknown entity "{typed}". {tip}'),
            "state": N_('Unknown state "{typed}". {tip}')}
_DID_YOU_MEAN = {"entity": N_('Unknown entity "{typed}". Did you mean: {options}?'),
                 "state": N_('Unknown state "{typed}". Did you mean: {options}?')}
_STATE_TIP = N_("Use the English name or the two-letter code, e.g. KP.")


def _shown(code: str, *, actor: bool = False) -> str:
    """A name in a suggestion, in the language being answered."""
    return str(display(code, lang=current(), actor=actor))


def _state_shown(code: str) -> str:
    return _shown(code, actor=True)


def resolve_entity(text: str, *, tip: str = CHAT_TIP) -> str:
    """An entity code for `text`, or UserError naming the closest entities; `tip` is the
    example shown when nothing is close (each front end gives its own)."""
    found = _codes(text, ENTITIES, _own_entity_names())
    if len(found) == 1:
        return found[0]
    options = found or AMBIGUOUS.get(typed_key(text), ())
    if options:
        shown = ", ".join(f"{_shown(c)} ({HINTS[c]})" for c in options)
        raise UserError(_DID_YOU_MEAN["entity"], typed=text.strip()[:40], options=shown)
    raise _unknown("entity", text, entity_index(), _shown, HINTS.__getitem__, tip=tip)


def resolve_state(text: str) -> str:
    """A state code (ISO 3166-1 alpha-2) for `text`, or UserError naming the closest states."""
    found = _codes(text, state_codes(), _own_state_names())
    if len(found) == 1:
        return found[0]
    if found:  # "Congo", "Korea"
        shown = ", ".join(f"{_state_shown(c)} ({_state_hint(c)})" for c in found)
        raise UserError(_DID_YOU_MEAN["state"], typed=text.strip()[:40], options=shown)
    raise _unknown("state", text, state_index(), _state_shown, _state_hint)


def resolve_actor(text: str) -> str:
    """A recognizer: a state, else a tracked entity ("abkhazia" recognizes South Ossetia).
    When neither matches, the state's UserError (its suggestions) is raised."""
    try:
        return resolve_state(text)
    except UserError as not_a_state:
        try:
            return resolve_entity(text)
        except UserError:
            raise not_a_state from None


def _codes(text: str, allowed: Collection[str], own: dict[str, str]) -> list[str]:
    """The codes `text` names: the bot's own names for them first, then the gazetteer's."""
    key = typed_key(text)
    if key in own:
        return [own[key]]
    return list(dict.fromkeys(code for _kind, code in lookup_typed(text) if code in allowed))


def _printed(codes: Collection[str], *, actor: bool = False) -> dict[str, str]:
    """The names the bot prints for ``codes`` in each of its languages, English last (it wins)."""
    order = [lang for lang in LANGUAGES if lang != DEFAULT] + [DEFAULT]
    return {typed_key(display(code, lang=lang, actor=actor)): code for lang in order for code in codes}


@lru_cache(maxsize=1)
def _own_entity_names() -> dict[str, str]:
    """Entity names as the bot prints them, lower-case codes, and TYPED_ALIASES."""
    own = _printed(ENTITIES)
    own.update({code.lower(): code for code in ENTITIES})
    own.update(TYPED_ALIASES)
    return own


@lru_cache(maxsize=1)
def _own_state_names() -> dict[str, str]:
    """State names as the bot prints them and lower-case codes (ISO territories included)."""
    own = _printed(state_codes(), actor=True)
    own.update({code.lower(): code for code in state_codes()})
    return own


@lru_cache(maxsize=1)
def entity_index() -> dict[str, str]:
    """Every typed name of an entity → its code, for suggestions."""
    return _gazetteer_names(ENTITIES) | _own_entity_names()


@lru_cache(maxsize=1)
def state_index() -> dict[str, str]:
    """Every typed name of a state → its code, for suggestions."""
    return _gazetteer_names(state_codes()) | _own_state_names()


def _gazetteer_names(allowed: Collection[str]) -> dict[str, str]:
    """Place names only: "Did you mean" suggests places, not capitals, leaders or adjectives."""
    index = {}
    for key, (kind, codes, _case) in typed_index().items():
        mine = [c for c in codes if c in allowed]
        if len(mine) == 1 and kind in ("state", "entity", "territory"):
            index[key] = mine[0]
    return index


@cache
def _state_hint(code: str) -> str:
    """The shortest ASCII way to type a state: an abbreviation ("dprk", "uk") or its name."""
    forms = [key for key, (_kind, codes, case) in typed_index().items() if case and codes == (code,)]
    forms.append(typed_key(display(code, actor=True)))
    return min((f for f in forms if f.isascii()), key=lambda f: (len(f), f), default=forms[-1])


def _unknown(what: str, text: str, index: dict[str, str], name_of: Callable[[str], str],
             hint: Callable[[str], str], *, tip: str = CHAT_TIP) -> UserError:
    """The error for a name that matches nothing: the closest names, else a tip (translated
    now: it is a field of the message, not the message)."""
    close = difflib.get_close_matches(typed_key(text), list(index), n=8, cutoff=0.6)
    codes = list(dict.fromkeys(index[c] for c in close))[:3]
    shown = text.strip()[:40]
    if not codes:
        tip = _STATE_TIP if what == "state" else tip
        return UserError(_UNKNOWN[what], typed=shown, tip=gettext(tip))
    options = ", ".join(f"{name_of(c)} ({hint(c)})" for c in codes)
    return UserError(_DID_YOU_MEAN[what], typed=shown, options=options)
