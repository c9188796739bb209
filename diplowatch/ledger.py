"""Recognition ledger: who recognizes whom since when, and which reported acts are news.

Every reported act is appended to ``events``; ``recognitions`` holds the status derived from
them per (actor, target): ``recognizes``, ``withdrew`` or ``rejects`` (no row = unknown).
An act is *new* when it changes that status. A repeat while the status is unchanged — or
within ``MENTION_WINDOW`` of the first report of the same act — is stored as a *mention*
(``mention_of`` = the first report) and sits at the first report's place on the timeline.
The first official mention of an act first reported only by media (extracted, not seeded)
is a *confirmed* change. Seeded, imported and reprocessed acts never produce changes.
Design notes and edge cases: docs/ledger.md.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from . import export
from .models import Event, UserError
from .names import ENTITIES, TARGETS, is_un_member, state_codes
from .store import events as events_store
from .store import iso, parse_iso

if TYPE_CHECKING:
    from .store import Database

log = logging.getLogger(__name__)

MENTION_WINDOW = timedelta(days=14)
MAX_IMPORT_ERRORS = 20
STATUS = {"recognize": "recognizes", "withdraw": "withdrew", "reject": "rejects"}
# When one statement holds several acts for one pair (history told as background), the act
# applied is the first of these; the others are kept as held evidence.
_PRECEDENCE = ("withdraw", "reject", "recognize")
_STAGE_BATCH = 5000
Row = dict[str, Any]


class LedgerImportError(UserError):
    """A ledger CSV was rejected; nothing was imported. ``errors`` lists (line, reason)."""

    def __init__(self, line: int, reason: str, *, errors: list[tuple[int, str]] | None = None):
        self.line, self.reason = line, reason
        self.errors = errors or [(line, reason)]
        lines = [f"line {n}: {why}" for n, why in self.errors]
        if len(self.errors) == 1:
            super().__init__(f"Ledger import failed, nothing imported. {lines[0]}")
        else:
            head = f"Ledger import failed with {len(self.errors)} errors"
            more = " (stopped at the limit)" if len(self.errors) >= MAX_IMPORT_ERRORS else ""
            super().__init__(f"{head}{more}, nothing imported:\n" + "\n".join(lines))


class Earlier(NamedTuple):
    actor: str
    date: date | None
    precision: str


@dataclass(frozen=True)
class Change:
    kind: str  # new | confirmed
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


@dataclass(frozen=True)
class _Report:
    """Where a batch of acts was reported."""

    statement_id: int | None
    source: str | None
    source_url: str | None
    official: bool
    reported_at: datetime


@dataclass
class PairState:
    """A pair's derived status and the run of events behind it."""

    status: str
    first: Row  # the event that started the current status
    recognized: Row | None  # withdrew: the start of the recognition that was withdrawn
    run: list[Row]  # events since ``first``

    def row(self, now: datetime) -> Row:
        """This state as a ``recognitions`` row."""
        when, precision = event_date(self.first)
        since, since_prec, until, until_prec = when, precision, None, None
        if self.status == "withdrew":
            since, since_prec = event_date(self.recognized) if self.recognized else (None, None)
            until, until_prec = when, precision
        return {"status": self.status, "since": since, "since_precision": since_prec,
                "until": until, "until_precision": until_prec,
                "event_id": self.first["id"], "updated_at": iso(now)}


# --- recording -----------------------------------------------------------------------------


def record(
    db: Database, events: list[Event], *, statement_id: int | None, source: str | None,
    source_url: str | None, official: bool, reported_at: datetime, now: datetime,
) -> list[Change]:
    """Append the acts found in one statement; return the changes worth an alert.

    Runs in a savepoint, so it joins the caller's transaction. A report dated after ``now``
    is placed at ``now``.
    """
    report = _Report(statement_id, source, source_url, official, min(_utc(reported_at), _utc(now)))
    changes = []
    with db.atomic():
        # a revised statement is recorded again: acts it already gave are not new evidence
        known = _known_acts(db, statement_id)
        for event, held in _plan(e for e in events if _key(e) not in known):
            change = _record_one(db, event, report, held=held, now=now)
            if change is not None:
                changes.append(change)
    return changes


def _known_acts(db: Database, statement_id: int | None) -> set[tuple[str, str, str]]:
    if statement_id is None:
        return set()
    rows = events_store.statement_events(db, statement_id)
    return {_key(r) for r in rows if r["retracted_at"] is None}


def _plan(events: Iterable[Event]) -> list[tuple[Event, str | None]]:
    """Drop invalid and repeated acts; hold all but one act per pair (see _PRECEDENCE)."""
    unique: dict[tuple[str, str, str], Event] = {}
    for ev in events:
        valid_actor = ev.actor in state_codes() or ev.actor in ENTITIES
        if ev.act not in STATUS or ev.target not in TARGETS or not valid_actor or ev.actor == ev.target:
            log.warning("ledger skipped event actor=%s target=%s act=%s", ev.actor, ev.target, ev.act)
            continue
        unique.setdefault((ev.actor, ev.target, ev.act), ev)
    applied: dict[tuple[str, str], str] = {}
    for actor, target, act in sorted(unique, key=lambda k: _PRECEDENCE.index(k[2])):
        applied.setdefault((actor, target), act)
    return [(ev, None if applied[k[:2]] == k[2] else "background") for k, ev in unique.items()]


def _record_one(
    db: Database, ev: Event, report: _Report, *, held: str | None, now: datetime, alert: bool = True
) -> Change | None:
    if held:
        _insert(db, ev, report, now=now, held=held)
        return None
    before = _derive(events_store.pair_timeline(db, ev.actor, ev.target))
    first = _first_report(db, ev, report, before)
    event_id = _insert(db, ev, report, now=now, first=first)
    if first is not None:
        confirmed = alert and _confirms(ev, report, before)
        return _change(db, "confirmed", ev, report, event_id, before, first["id"]) if confirmed else None
    after = recompute_pair(db, ev.actor, ev.target, now=now)
    if alert and ev.target in ENTITIES and _is_news(before, after, ev.act):
        return _change(db, "new", ev, report, event_id, before, None)
    return None


def _first_report(db: Database, ev: Event, report: _Report, before: PairState | None) -> Row | None:
    """The event this report repeats, if it is a mention."""
    if before is not None and before.status == STATUS[ev.act]:
        return before.first
    lo, hi = (iso(report.reported_at + d) for d in (-MENTION_WINDOW, MENTION_WINDOW))
    return events_store.recent_first_event(db, ev.actor, ev.target, ev.act, lo or "", hi or "")


def _confirms(ev: Event, report: _Report, before: PairState | None) -> bool:
    if not report.official or ev.target not in ENTITIES or before is None:
        return False
    run = before.run
    return before.status == STATUS[ev.act] and run[0]["origin"] == "extracted" and not any(
        r["official"] for r in run
    )


def _is_news(before: PairState | None, after: PairState | None, act: str) -> bool:
    old = before.status if before else "unknown"
    new = after.status if after else "unknown"
    # "still does not recognize" after a withdrawal is not news
    return new != old and new == STATUS[act] and (old, new) != ("withdrew", "rejects")


def _insert(
    db: Database, ev: Event, report: _Report, *, now: datetime, first: Row | None = None,
    held: str | None = None,
) -> int:
    return events_store.add_event(db, {
        "actor": ev.actor, "target": ev.target, "act": ev.act, "statement_id": report.statement_id,
        "source": report.source, "source_url": report.source_url, "official": int(report.official),
        "evidence": ev.evidence, "confidence": ev.confidence, "reported_at": iso(report.reported_at),
        "effective_date": None, "date_precision": "unknown", "origin": "extracted", "note": "",
        "mention_of": first["id"] if first else None, "held": held,
        "sort_key": first["sort_key"] if first else iso(report.reported_at), "created_at": iso(now),
    })


def _change(
    db: Database, kind: str, ev: Event, report: _Report, event_id: int,
    before: PairState | None, confirms: int | None,
) -> Change:
    recognizers = [
        f for f in events_store.target_facts(db, ev.target)
        if f["status"] == "recognizes" and is_un_member(f["actor"])
    ]
    earlier = [Earlier(f["actor"], _day(f["since"]), f["since_precision"] or "unknown")
               for f in recognizers if f["actor"] != ev.actor]
    recognize = ev.act == "recognize"
    return Change(
        kind=kind, event_id=event_id, actor=ev.actor, target=ev.target, act=ev.act,
        evidence=ev.evidence, source_url=report.source_url, reported_at=report.reported_at,
        statement_id=report.statement_id, source=report.source, official=report.official,
        previous=before.status if before else "unknown", confirms=confirms,
        ordinal=len(earlier) + 1 if recognize and is_un_member(ev.actor) else None,
        earlier=earlier, remaining=None if recognize else len(recognizers),
    )


# --- derivation ----------------------------------------------------------------------------


def recompute_pair(db: Database, actor: str, target: str, *, now: datetime) -> PairState | None:
    """Re-derive one pair's row in ``recognitions`` from its events."""
    state = _derive(events_store.pair_timeline(db, actor, target))
    events_store.save_recognition(db, actor, target, state.row(now) if state else None)
    return state


def _derive(timeline: list[Row]) -> PairState | None:
    """Replay a pair's events in timeline order; consecutive equal acts form one run."""
    state: PairState | None = None
    recognized: Row | None = None
    for row in timeline:
        status = STATUS[row["act"]]
        if state is not None and state.status == status:
            state.run.append(row)
            continue
        if status == "recognizes":
            recognized = row
        state = PairState(status, row, recognized if status == "withdrew" else None, [row])
    return state


def event_date(row: Row) -> tuple[str | None, str]:
    """An event's date for status purposes: effective date, else the report date (live)."""
    if row["effective_date"]:
        return row["effective_date"], row["date_precision"]
    if row["origin"] == "extracted":
        return row["reported_at"][:10], "day"
    return None, "unknown"


# --- queries -------------------------------------------------------------------------------


def status_of(db: Database, target: str) -> EntityStatus:
    """Who recognizes ``target`` now (with since dates), who withdrew (when), who rejects."""
    facts = [_fact(r) for r in events_store.target_facts(db, target)]
    withdrew = [f for f in facts if f.status == "withdrew"]
    withdrew.sort(key=lambda f: (f.until is None, f.until or date.min))
    return EntityStatus(
        target=target,
        recognizes=[f for f in facts if f.status == "recognizes"],
        withdrew=withdrew,
        rejects=[f for f in facts if f.status == "rejects"],
    )


def recognized_by(db: Database, actor: str, *, statuses: tuple[str, ...] = ("recognizes",)) -> list[Fact]:
    """What ``actor`` recognizes now (pass ``statuses`` to include withdrew/rejects)."""
    return [_fact(r) for r in events_store.actor_facts(db, actor) if r["status"] in statuses]


def latest_events(db: Database, n: int = 10) -> list[LedgerEvent]:
    """The n most recent dated acts (first reports, not mentions), newest first."""
    return [_ledger_event(r) for r in events_store.latest_first_events(db, n)]


def history(db: Database, actor: str, target: str) -> list[LedgerEvent]:
    """Every event of one pair in timeline order, mentions, held and retracted included."""
    return [_ledger_event(r) for r in events_store.history(db, actor, target)]


def _fact(r: Row) -> Fact:
    return Fact(
        actor=r["actor"], target=r["target"], status=r["status"], since=_day(r["since"]),
        since_precision=r["since_precision"] or "unknown", until=_day(r["until"]),
        until_precision=r["until_precision"], event_id=r["event_id"],
        statement_id=r["statement_id"], source=r["source"], source_url=r["source_url"],
        origin=r["origin"], un_member=is_un_member(r["actor"]),
    )


def _ledger_event(r: Row) -> LedgerEvent:
    return LedgerEvent(
        id=r["id"], actor=r["actor"], target=r["target"], act=r["act"], origin=r["origin"],
        reported_at=parse_iso(r["reported_at"]) or datetime.min, effective_date=_day(r["effective_date"]),
        date_precision=r["date_precision"], statement_id=r["statement_id"], source=r["source"],
        source_url=r["source_url"], official=bool(r["official"]), evidence=r["evidence"],
        confidence=r["confidence"], note=r["note"], mention_of=r["mention_of"], held=r["held"],
        retracted_at=parse_iso(r["retracted_at"]),
    )


# --- seed, import, reprocess -----------------------------------------------------------------


def load_seed(db: Database, *, now: datetime) -> ImportResult | None:
    """Import the bundled recognitions.csv once; ``None`` when seed events already exist."""
    if events_store.has_origin(db, "seed"):
        return None
    seed = resources.files("diplowatch").joinpath("data/recognitions.csv")
    with seed.open(encoding="utf-8", newline="") as fh:
        return import_csv(db, fh, now=now, origin="seed", source="recognitions.csv")


def import_csv(
    db: Database, path_or_file: str | PathLike[str] | IO[str], *, now: datetime,
    origin: str = "seed", source: str | None = None,
) -> ImportResult:
    """Validate and append a recognitions CSV in one transaction: all rows or none.

    Streams the file (bounded memory). Raises LedgerImportError listing up to
    MAX_IMPORT_ERRORS bad lines. Rows already in the ledger are skipped, so re-importing
    a file is a no-op. Imported acts never alert.
    """
    if origin not in ("seed", "manual"):
        raise ValueError(f"origin must be seed or manual, not {origin!r}")
    label = source or _label(path_or_file)
    with _open_text(path_or_file) as fh, db.atomic():
        rows = _stage_file(db, fh, today=_utc(now).date())
        inserted, pairs = events_store.merge_stage(db, origin=origin, source=label, now=iso(now) or "")
        for actor, target in pairs:
            recompute_pair(db, actor, target, now=now)
    return ImportResult(label, rows, inserted, rows - inserted, len(pairs))


def _label(path_or_file: str | PathLike[str] | IO[str]) -> str:
    name = path_or_file if isinstance(path_or_file, str | PathLike) else getattr(path_or_file, "name", None)
    return Path(name).name if isinstance(name, str | PathLike) else "import"


def _open_text(path_or_file: str | PathLike[str] | IO[str]) -> Any:
    if not isinstance(path_or_file, str | PathLike):
        return nullcontext(path_or_file)
    try:
        return open(path_or_file, encoding="utf-8-sig", newline="")  # noqa: SIM115
    except OSError as exc:
        raise UserError(f"Cannot read {path_or_file}: {exc.strerror}.") from exc


def _stage_file(db: Database, fh: IO[str], *, today: date) -> int:
    """Validate every row into the stage table; returns the number of valid rows."""
    events_store.open_stage(db)
    errors: list[tuple[int, str]] = []
    batch: list[tuple[Any, ...]] = []
    rows = 0
    for line, item in export.read_rows(fh, today=today):
        if isinstance(item, str):
            errors.append((line, item))
            if len(errors) >= MAX_IMPORT_ERRORS:
                break
            continue
        rows += 1
        if not errors:
            batch.append((line, *item))
        if len(batch) >= _STAGE_BATCH:
            events_store.stage_rows(db, batch)
            batch.clear()
    if errors:
        raise LedgerImportError(*errors[0], errors=errors)
    events_store.stage_rows(db, batch)
    return rows


def reprocess_statement(db: Database, statement_id: int, events: list[Event], *, now: datetime) -> ReprocessResult:
    """Re-apply a newer extractor's output to a stored statement, without alerts.

    Acts it finds that are not recorded are added (origin extracted); recorded acts it no
    longer finds get ``retracted_at=now`` and their pairs are re-derived. Idempotent.
    """
    with db.atomic():
        existing = events_store.statement_events(db, statement_id)
        live = {_key(r): r for r in existing if r["retracted_at"] is None and r["origin"] == "extracted"}
        plan = _plan(events)
        wanted = {_key(ev) for ev, _ in plan}
        gone = [r for k, r in live.items() if k not in wanted]
        events_store.retract_events(db, [r["id"] for r in gone], now=iso(now) or "")
        for actor, target in {(r["actor"], r["target"]) for r in gone}:
            recompute_pair(db, actor, target, now=now)
        new = [(ev, held) for ev, held in plan if _key(ev) not in live]
        if new:
            report = _statement_report(db, statement_id, existing)
            for ev, held in new:
                _record_one(db, ev, report, held=held, now=now, alert=False)
    return ReprocessResult(added=len(new), retracted=len(gone), kept=len(wanted) - len(new))


def _key(item: Row | Event) -> tuple[str, str, str]:
    if isinstance(item, Event):
        return item.actor, item.target, item.act
    return item["actor"], item["target"], item["act"]


def _statement_report(db: Database, statement_id: int, existing: list[Row]) -> _Report:
    meta = existing[0] if existing else events_store.statement_meta(db, statement_id)
    if meta is None:
        raise UserError(f"No statement with id {statement_id}.")
    reported = parse_iso(meta["reported_at"]) or datetime.min.replace(tzinfo=UTC)
    return _Report(statement_id, meta["source"], meta["source_url"], bool(meta["official"]), _utc(reported))


def _utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None
