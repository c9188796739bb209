"""The codes the ledger knows: the tracked entities and targets, the 193 UN member states,
what kind of recognizer a code is, and every ISO 3166-1 state code.

Codes are those of ``shared/eval/README.md``: ISO 3166-1 alpha-2 for states, plus ``XK`` and
slugs for entities without a code.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

# Targets the ledger tracks: partially recognized states and disputed entities/governments.
ENTITIES: tuple[str, ...] = (
    "donetsk-pr", "luhansk-pr", "abkhazia", "south-ossetia", "XK", "PS", "TW", "EH",
    "somaliland", "northern-cyprus", "transnistria", "artsakh", "crimea", "AF",
)

# What the ledger accepts as a target: the entities, plus the PRC (CN), recorded as the other
# half of a switch away from Taiwan (it never alerts: the TW withdrawal does).
TARGETS: tuple[str, ...] = (*ENTITIES, "CN")

# The 193 UN member states. Not members: TW, XK, EH; observers PS and VA (Holy See);
# Cook Islands (CK) and Niue (NU) act as states but are not UN members either.
_UN_CODES = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH
CM CA CF TD CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ
FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI
KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR
NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST
SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG
UA AE GB TZ US UY UZ VU VE VN YE ZM ZW
"""
UN_MEMBERS: frozenset[str] = frozenset(_UN_CODES.split())


def is_un_member(code: str) -> bool:
    """True for the 193 UN member states (observers PS and VA are not members)."""
    return code in UN_MEMBERS


def actor_kind(code: str) -> str:
    """``un`` (a UN member state), ``entity`` (a tracked entity acting as a recognizer:
    "abkhazia"), or ``state`` (any other: observers, the Cook Islands, Niue, Taiwan)."""
    if code in UN_MEMBERS:
        return "un"
    return "entity" if code in ENTITIES and not code.isupper() else "state"


@lru_cache(maxsize=1)
def state_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code pycountry knows (249, including territories)."""
    return frozenset(c.alpha_2 for c in pycountry.countries)
