"""The bundled seed and recognitions CSV import: validated, staged, all rows or none."""

from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import nullcontext
from datetime import date, datetime
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..models import UserError
from ..store import events as events_store
from ..store import import_stage, iso
from .csvfile import read_rows
from .derive import recompute_pair
from .model import ImportResult, _utc

if TYPE_CHECKING:
    from ..store import Database

MAX_IMPORT_ERRORS = 20
_STAGE_BATCH = 5000


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


SEED_SOURCE = "recognitions.csv"


def load_seed(db: Database, *, now: datetime) -> ImportResult | None:
    """Bring the bundled recognitions.csv into the ledger; ``None`` when it already is.

    First start imports it. After an upgrade that ships a new version, seed rows no longer in
    the file are retracted (never deleted) and its new rows are added, in one transaction;
    extracted and admin-imported events are untouched, no alert is sent, and every pair
    touched is re-derived. Unchanged rows keep their event ids.
    """
    seed = resources.files("diplowatch").joinpath(f"data/{SEED_SOURCE}")
    with io.TextIOWrapper(seed.open("rb"), encoding="utf-8", newline="") as fh, import_stage.bulk_transaction(db):
        rows = _stage_file(db, fh, today=_utc(now).date())
        stale, unchanged = import_stage.diff_seed_stage(db, source=SEED_SOURCE)
        if not stale and unchanged == rows:
            import_stage.drop_stage(db)
            return None
        events_store.retract_events(db, [r["id"] for r in stale], now=iso(now) or "")
        inserted, pairs = import_stage.merge_stage(db, origin="seed", source=SEED_SOURCE, now=iso(now) or "")
        touched = sorted(set(pairs) | {(r["actor"], r["target"]) for r in stale})
        for actor, target in touched:
            recompute_pair(db, actor, target, now=now)
    return ImportResult(SEED_SOURCE, rows, inserted, rows - inserted, len(touched))


def import_csv(
    db: Database, path_or_file: str | PathLike[str] | IO[str], *, now: datetime,
    origin: str = "seed", source: str | None = None,
    progress: Callable[[str, int, int | None], object] | None = None,
) -> ImportResult:
    """Validate and append a recognitions CSV in one transaction: all rows or none.

    Streams the file (bounded memory). Raises LedgerImportError listing up to
    MAX_IMPORT_ERRORS bad lines. Rows already in the ledger are skipped, so re-importing
    a file is a no-op. Imported acts never alert. ``progress(step, n, total)``: n more rows
    read (step "rows", total unknown: the file is streamed), then n more statuses recomputed
    (step "statuses", of total).
    """
    if origin not in ("seed", "manual"):
        raise ValueError(f"origin must be seed or manual, not {origin!r}")
    label = source or _label(path_or_file)
    with _open_text(path_or_file) as fh, import_stage.bulk_transaction(db):
        rows = _stage_file(db, fh, today=_utc(now).date(), progress=progress)
        inserted, pairs = import_stage.merge_stage(db, origin=origin, source=label, now=iso(now) or "")
        for done, (actor, target) in enumerate(pairs, 1):
            recompute_pair(db, actor, target, now=now)
            if progress and (done % _STAGE_BATCH == 0 or done == len(pairs)):
                progress("statuses", done % _STAGE_BATCH or _STAGE_BATCH, len(pairs))
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


def _stage_file(db: Database, fh: IO[str], *, today: date,
                progress: Callable[[str, int, int | None], object] | None = None) -> int:
    """Validate every row into the stage table; returns the number of valid rows."""
    import_stage.open_stage(db)
    errors: list[tuple[int, str]] = []
    batch: list[tuple[Any, ...]] = []
    rows = 0
    for line, item in read_rows(fh, today=today):
        if isinstance(item, str):
            errors.append((line, item))
            if len(errors) >= MAX_IMPORT_ERRORS:
                break
            continue
        rows += 1
        if not errors:
            batch.append((line, *item))
        if len(batch) >= _STAGE_BATCH:
            import_stage.stage_rows(db, batch)
            if progress:
                progress("rows", len(batch), None)
            batch.clear()
    if errors:
        raise LedgerImportError(*errors[0], errors=errors)
    import_stage.stage_rows(db, batch)
    if progress and batch:
        progress("rows", len(batch), None)
    return rows
