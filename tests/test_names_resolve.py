"""Names people type → codes: names/resolve.py over the gazetteer's lookup_typed."""

import pytest

from diplowatch import names
from diplowatch.extract.gazetteer import find_mentions, lookup_typed
from diplowatch.extract.tokens import tokenize
from diplowatch.models import UserError
from diplowatch.names.resolve import AMBIGUOUS, HINTS, TYPED_ALIASES, resolve_entity, resolve_state

DONBASS = "Did you mean: Donetsk People's Republic (dpr), Luhansk People's Republic (lpr)?"


@pytest.mark.parametrize(("text", "code"), [
    ("dpr", "donetsk-pr"), ("DNR", "donetsk-pr"), ("днр", "donetsk-pr"), ("днр донецк", "donetsk-pr"),
    ("lugansk", "luhansk-pr"), ("Абхазию", "abkhazia"), ("Südossetien", "south-ossetia"),
    ("ossetia del sud", "south-ossetia"), ("kosovo", "XK"), ("Косово", "XK"), ("Kosovo?", "XK"),
    ("xk", "XK"), ("sadr", "EH"), ("roc", "TW"), ("Taiwan (Republic of China)", "TW"),
    ("trnc", "northern-cyprus"), ("пмр", "transnistria"), ("Nagorno-Karabakh", "artsakh"),
    ("крым", "crimea"), ("taliban", "AF"), ("palestine", "PS"),
])
def test_entities(text, code):
    assert resolve_entity(text) == code


@pytest.mark.parametrize(("text", "code"), [
    ("north korea", "KP"), ("dprk", "KP"), ("КНДР", "KP"), ("usa", "US"), ("us", "US"),
    ("U.S.", "US"), ("the United States", "US"), ("uk", "GB"), ("рф", "RU"), ("prc", "CN"),
    ("uae", "AE"), ("ivory coast", "CI"), ("holy see", "VA"), ("ni", "NI"), ("Pjöngjang", "KP"),
    ("Korea, Democratic People's Republic of", "KP"), ("Об’єднані Арабські Емірати", "AE"),
    ("Чад", "TD"), ("Puerto Rico", "PR"), ("Гренландия", "GL"),
])
def test_states(text, code):
    assert resolve_state(text) == code


@pytest.mark.parametrize(("resolve", "text", "says"), [
    (resolve_entity, "Donbass", DONBASS),
    (resolve_entity, "ЛДНР", DONBASS),
    (resolve_entity, "ldnr", DONBASS),
    (resolve_entity, "ossetia", "Did you mean: South Ossetia (south ossetia)?"),
    (resolve_entity, "abhkazia", "Did you mean: Abkhazia (abkhazia)?"),
    (resolve_entity, "nowhere", 'Unknown entity "nowhere". Try /recognized kosovo or /subscribe dpr.'),
    (resolve_state, "Congo", "Did you mean: DR Congo (drc), Republic of the Congo (republic of the congo)?"),
    (resolve_state, "north koria", "Did you mean: North Korea (dprk), South Korea (south korea)"),
    (resolve_state, "Korea", "Did you mean: North Korea (dprk), South Korea (south korea)?"),
])
def test_unsure_names_get_suggestions(resolve, text, says):
    with pytest.raises(UserError) as caught:
        resolve(text)
    assert says in str(caught.value)


def test_every_entity_hint_resolves_back():
    assert set(HINTS) == set(names.ENTITIES)
    assert all(resolve_entity(hint) == code for code, hint in HINTS.items())


@pytest.mark.parametrize(("resolve", "text", "code"), [
    (resolve_entity, "Taiwán (República de China)", "TW"),
    (resolve_entity, "Émirat islamique d'Afghanistan (talibans)", "AF"),
    (resolve_entity, "Islamisches Emirat Afghanistan (Taliban)", "AF"),
    (resolve_state, "Heiliger Stuhl", "VA"), (resolve_state, "Elfenbeinküste", "CI"),
    (resolve_state, "Saint-Siège", "VA"), (resolve_state, "Santa Sede", "VA"),
])
def test_a_name_the_bot_prints_in_any_language_resolves_back(resolve, text, code):
    assert resolve(text) == code


def test_local_tables_hold_only_what_the_gazetteer_lacks():
    for name in [*TYPED_ALIASES, *AMBIGUOUS]:
        assert not [c for _kind, c in lookup_typed(name) if c in names.ENTITIES], name


@pytest.mark.parametrize(("text", "expected"), [
    ("dpr", [("entity", "donetsk-pr")]),
    ("ЛДНР", [("entity", "donetsk-pr"), ("entity", "luhansk-pr")]),
    ("Moldova, Republic of", [("state", "MD")]),
    ("the Gambia", [("state", "GM")]),
    ("Южной Осетии", [("entity", "south-ossetia")]),
    ("Congo", [("state", "CD"), ("state", "CG")]),
    ("Puerto Rico", [("territory", "PR")]),
    ("recognizes Kosovo", []),
    ("", []),
])
def test_lookup_typed(text, expected):
    assert lookup_typed(text) == expected


@pytest.mark.parametrize("text", ["Того", "Puerto Rico", "Congo"])
def test_typed_only_names_stay_out_of_running_text(text):
    assert [m.codes for m in find_mentions(tokenize(text), "en") if m.kind != "org"] == []
