"""Names people read and type. codes.py: the codes the ledger knows (entities, targets, UN
members); display_names.py: the names shown for them; resolve.py: what people type → codes,
with suggestions (it reads the extractor's gazetteer, so it is imported as ``names.resolve``,
not re-exported here: code that needs only codes does not load the extractor)."""

from __future__ import annotations

from .codes import ENTITIES, TARGETS, UN_MEMBERS, actor_kind, is_un_member, state_codes
from .display_names import ENTITY_NAMES, STATE_NAMES, Name, cased, display, ordinal_en

__all__ = [
    "ENTITIES", "TARGETS", "UN_MEMBERS", "actor_kind", "is_un_member", "state_codes",
    "ENTITY_NAMES", "STATE_NAMES", "Name", "cased", "display", "ordinal_en",
]
