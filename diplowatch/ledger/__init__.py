"""Recognition ledger: who recognizes whom since when, and which reported acts are news.

Every reported act is appended to ``events``; ``recognitions`` holds the status derived from
them per (actor, target): ``recognizes``, ``withdrew`` or ``rejects`` (no row = unknown).
An act is *new* when it changes that status. A repeat while the status is unchanged — or
within ``MENTION_WINDOW`` of the first report of the same act — is stored as a *mention*
(``mention_of`` = the first report) and sits at the first report's place on the timeline.
The first official mention of an act first reported only by media (extracted, not seeded)
is a *confirmed* change. Seeded, imported and reprocessed acts never produce changes.
Design notes and edge cases: docs/ledger.md.

Modules: ``model`` (records and constants), ``recording`` (record, release, reprocess),
``derive`` (a pair's status from its events, retract),
``queries`` (status_of, recognized_by, latest_events, history), ``importing`` (seed, CSV),
``csvfile`` (the recognitions CSV read and written), ``jsondump`` (the JSON export).
Callers use the names re-exported here.
"""

from ..names import ENTITIES  # the tracked targets, read as ledger.ENTITIES by bench/
from .csvfile import export_csv
from .derive import PairState, event_date, recompute_pair, retract
from .importing import MAX_IMPORT_ERRORS, LedgerImportError, import_csv, load_seed
from .jsondump import export_json
from .model import (
    STATUS,
    Baseline,
    Change,
    Claim,
    Earlier,
    EntityStatus,
    EntitySummary,
    Fact,
    ImportResult,
    LedgerEvent,
    ReprocessResult,
    Retraction,
)
from .queries import acts_of, history, latest_events, recognized_by, status_of, summary_of
from .recording import (
    MENTION_WINDOW,
    record,
    release,
    release_overdue,
    reprocess_statement,
)

__all__ = [
    "ENTITIES", "MAX_IMPORT_ERRORS", "MENTION_WINDOW", "STATUS", "Baseline", "Change", "Claim",
    "Earlier", "EntityStatus", "EntitySummary", "Fact", "ImportResult", "LedgerEvent", "LedgerImportError", "PairState",
    "ReprocessResult", "Retraction", "acts_of", "event_date", "export_csv", "export_json", "history", "import_csv", "latest_events", "load_seed",
    "recognized_by", "recompute_pair", "record", "release", "release_overdue", "reprocess_statement", "retract", "status_of", "summary_of",
]
