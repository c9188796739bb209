"""The ledger's records: statuses, facts, events, changes and results (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from ..models import provenance

STATUS = {"recognize": "recognizes", "withdraw": "withdrew", "reject": "rejects"}
Row = dict[str, Any]


class Earlier(NamedTuple):
    actor: str
    date: date | None
    precision: str


@dataclass(frozen=True)
class Change:
    kind: str  # new | confirmed | denied (the actor's own source denies a recent report) | held (for review)
    event_id: int
    actor: str
    target: str
    act: str
    evidence: str
    source_url: str | None
    reported_at: datetime
    statement_id: int | None = None
    source: str | None = None
    official: bool = False
    previous: str = "unknown"  # the pair's status before this act
    confirms: int | None = None  # confirmed: the event id of the first (media) report
    ordinal: int | None = None  # recognize by a UN member: its rank among current recognizers
    earlier: list[Earlier] = field(default_factory=list)  # other current UN recognizers
    remaining: int | None = None  # withdraw/reject: UN members still recognizing
    provenance: str | None = None  # the strongest of the reports behind it (models.PROVENANCES)
    reporters: tuple[str, ...] = ()  # the sources that reported it, first report first
    reporter_state: str | None = None  # official-other: the government that reported it
    unconfirmed: bool = False  # held media report released by the maximum wait
    again_after: tuple[str, str] | None = None  # re-recognition: the withdrawal's (date, precision)
    retracts: tuple[Retraction, ...] = ()
    confidence: float = 1.0  # the extractor's, for the act reported  # denied: the alerted acts the denial takes back


@dataclass(frozen=True)
class Fact:
    """The current status of one (actor, target) pair and the event it rests on."""

    actor: str
    target: str
    status: str  # recognizes | withdrew | rejects
    since: date | None  # recognizes/rejects: start; withdrew: start of the withdrawn recognition
    since_precision: str
    until: date | None  # withdrew: date of the withdrawal
    until_precision: str | None
    event_id: int
    statement_id: int | None
    source: str | None
    source_url: str | None
    origin: str
    un_member: bool


@dataclass(frozen=True)
class EntityStatus:
    target: str
    recognizes: list[Fact]  # dated ones by date, then undated
    withdrew: list[Fact]  # by withdrawal date
    rejects: list[Fact]

    @property
    def un_count(self) -> int:
        return sum(f.un_member for f in self.recognizes)


@dataclass(frozen=True)
class Claim:
    """An undated withdraw/reject: it cannot be placed, so it is shown apart, not counted."""

    actor: str
    act: str
    attribution: str  # who makes the claim, from the row's note ("Serbian President ...")
    source_url: str | None
    un_member: bool


@dataclass(frozen=True)
class Baseline:
    """Where an entity's acts come from: the seed history, admins, monitored sources."""

    seed: int = 0
    manual: int = 0
    extracted: int = 0


@dataclass(frozen=True)
class EntitySummary:
    status: EntityStatus
    claims: list[Claim]
    latest: list[Fact]  # the newest status changes, newest first (dated ones only)
    as_of: date | None  # the newest dated act in the whole ledger
    baseline: Baseline

    @property
    def empty(self) -> bool:
        s = self.status
        return not (s.recognizes or s.withdrew or s.rejects or self.claims)


@dataclass(frozen=True)
class LedgerEvent:
    id: int
    actor: str
    target: str
    act: str
    origin: str  # extracted | seed | manual
    reported_at: datetime
    effective_date: date | None
    date_precision: str
    statement_id: int | None
    source: str | None
    source_url: str | None
    official: bool
    evidence: str
    confidence: float
    note: str
    mention_of: int | None
    held: str | None
    retracted_at: datetime | None


@dataclass(frozen=True)
class ImportResult:
    source: str
    rows: int  # valid rows read
    inserted: int  # new events
    duplicates: int  # rows already in the ledger (or repeated in the file)
    pairs: int  # (actor, target) statuses recomputed


@dataclass(frozen=True)
class ReprocessResult:
    added: int
    retracted: int
    kept: int
    corrections: list[Retraction] = field(default_factory=list)


@dataclass(frozen=True)
class Retraction:
    """A retracted act that had alerted, and what the pair's status is without it."""

    event_id: int
    actor: str
    target: str
    act: str
    status: str  # the pair's status now ('unknown' when no act is left)


@dataclass(frozen=True)
class _Report:
    """Where a batch of acts was reported."""

    statement_id: int | None
    source: str | None
    source_url: str | None
    official: bool
    reported_at: datetime
    state: str | None = None  # official: the government the source speaks for

    def provenance(self, actor: str) -> str:
        return provenance(actor, official=self.official, state=self.state)


def _utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None
