"""The sources table: configuration plus polling state (validators, schedule, health)."""

from __future__ import annotations

import json
from datetime import datetime

from sqlite_utils import Database

from ..models import N_, NoSuchSource, Source, SourceState, UserError, speaks_for
from .isotime import iso, parse_iso

CONFIG_COLUMNS = ("kind", "url", "title", "interval", "lang", "official", "settings")


def _config_row(source: Source) -> dict:
    settings = {"selectors": source.selectors, "fetch_pages": source.fetch_pages}
    if source.date_order:  # only when set: other sources' stored settings stay as they were
        settings["date_order"] = source.date_order
    if source.state:
        settings["state"] = source.state
    return {
        "name": source.name, "kind": source.kind, "url": source.url, "title": source.title,
        "interval": source.interval, "lang": source.lang, "official": int(source.official),
        "settings": json.dumps(settings, sort_keys=True),
    }


def _source(row: dict) -> Source:
    settings = json.loads(row["settings"] or "{}")
    return Source(
        name=row["name"], kind=row["kind"], url=row["url"], title=row["title"],
        interval=row["interval"], lang=row["lang"], official=bool(row["official"]),
        selectors=settings.get("selectors", {}), fetch_pages=settings.get("fetch_pages", False),
        date_order=settings.get("date_order"),
        state=settings.get("state"),
    )


def _state(row: dict) -> SourceState:
    return SourceState(
        name=row["name"], etag=row["etag"], last_modified=row["last_modified"],
        next_poll_at=parse_iso(row["next_poll_at"]), last_poll_at=parse_iso(row["last_poll_at"]),
        last_ok_at=parse_iso(row["last_ok_at"]), error_count=row["error_count"],
        last_error=row["last_error"], last_seen_key=row["last_seen_key"],
        paused=bool(row["paused"]), notice=row["notice"],
        failing_since=parse_iso(row["failing_since"]),
        failure_reported_at=parse_iso(row["failure_reported_at"]),
    )


def sync_sources(db: Database, sources: list[Source], *, now: datetime) -> None:
    """Make the file's sources current: update their settings, keep their polling state,
    and drop file sources no longer listed (their statements stay archived).

    A changed URL resets the validators and the last seen post, which belonged to the old URL.
    """
    with db.atomic():
        listed = {s.name for s in sources}
        for row in list(db.query("SELECT name FROM sources WHERE origin = 'file'")):
            if row["name"] not in listed:
                db.execute("DELETE FROM sources WHERE name = ?", [row["name"]])
        for source in sources:
            _upsert(db, source, now=now, origin="file")


def _upsert(db: Database, source: Source, *, now: datetime, origin: str) -> None:
    row = _config_row(source)
    old = next(db.query("SELECT url FROM sources WHERE name = ?", [source.name]), None)
    if old is None:
        db.table("sources").insert({**row, "origin": origin, "added_at": iso(now)})
        return
    db.table("sources").update(source.name, row)
    if old["url"] != source.url:
        db.execute(
            "UPDATE sources SET etag = NULL, last_modified = NULL, last_seen_key = NULL "
            "WHERE name = ?", [source.name],
        )


def add_source(db: Database, source: Source, *, now: datetime, origin: str = "cli") -> None:
    if get_source(db, source.name) is not None:
        raise UserError(N_('A source named "{name}" exists already. Pick another name.'), name=source.name)
    with db.atomic():
        _upsert(db, source, now=now, origin=origin)


def remove_source(db: Database, name: str) -> None:
    row = next(db.query("SELECT origin FROM sources WHERE name = ?", [name]), None)
    if row is None:
        raise NoSuchSource(f"No source named {name!r}.")
    if row["origin"] == "file":
        raise UserError(N_('"{name}" comes from the sources file: delete it there instead.'), name=name)
    db.execute("DELETE FROM sources WHERE name = ?", [name])


def set_paused(db: Database, name: str, paused: bool) -> None:
    if get_source(db, name) is None:
        raise NoSuchSource(f"No source named {name!r}.")
    db.execute("UPDATE sources SET paused = ? WHERE name = ?", [int(paused), name])


def get_source(db: Database, name: str) -> tuple[Source, SourceState] | None:
    row = next(db.query("SELECT * FROM sources WHERE name = ?", [name]), None)
    return (_source(row), _state(row)) if row else None


def official_states(db: Database, names: set[str]) -> dict[str, str | None]:
    """Which of `names` speak for a government, and for which (None: not known); one
    indexed lookup per name."""
    found = {}
    for name in names:
        row = next(db.query("SELECT url, official, settings FROM sources WHERE name = ?", [name]), None)
        if row and row["official"]:
            found[name] = speaks_for(row["url"], json.loads(row["settings"] or "{}").get("state"))
    return found


def titles(db: Database, names: set[str]) -> dict[str, str]:
    """Display titles of the named sources (the name when it has none)."""
    found = {}
    for name in names:
        row = next(db.query("SELECT title FROM sources WHERE name = ?", [name]), None)
        found[name] = (row["title"] if row else "") or name
    return found


def list_sources(db: Database) -> list[tuple[Source, SourceState]]:
    return [(_source(r), _state(r)) for r in db.query("SELECT * FROM sources ORDER BY name")]


def due_sources(db: Database, *, now: datetime) -> list[Source]:
    rows = db.query(
        "SELECT * FROM sources WHERE paused = 0 AND (next_poll_at IS NULL OR next_poll_at <= ?) "
        "ORDER BY next_poll_at", [iso(now)],
    )
    return [_source(r) for r in rows]


def record_success(
    db: Database, name: str, *, now: datetime, next_poll_at: datetime,
    etag: str | None, last_modified: str | None, last_seen_key: str | None,
    notice: str = "",
) -> None:
    db.execute(
        "UPDATE sources SET etag = ?, last_modified = ?, next_poll_at = ?, last_poll_at = ?, "
        "last_ok_at = ?, error_count = 0, last_error = NULL, failing_since = NULL, "
        "last_seen_key = COALESCE(?, last_seen_key), notice = ? WHERE name = ?",
        [etag, last_modified, iso(next_poll_at), iso(now), iso(now), last_seen_key,
         notice[:500] or None, name],
    )


def set_failure_reported(db: Database, name: str, *, at: datetime | None) -> None:
    """Admins were told the source is failing (``at``), or told it recovered (None)."""
    db.execute("UPDATE sources SET failure_reported_at = ? WHERE name = ?",
               [iso(at) if at else None, name])


def record_failure(
    db: Database, name: str, *, now: datetime, reason: str, next_poll_at: datetime
) -> None:
    db.execute(
        "UPDATE sources SET error_count = error_count + 1, last_error = ?, last_poll_at = ?, "
        "next_poll_at = ?, failing_since = COALESCE(failing_since, ?) WHERE name = ?",
        [reason[:500], iso(now), iso(next_poll_at), iso(now), name],
    )
