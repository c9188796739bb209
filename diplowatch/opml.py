"""OPML import (`diplowatch sources import FILE.opml`) through listparser."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import listparser

from .config import ConfigError, source_from_dict
from .models import UserError
from .store import Database
from .store import sources as source_store

MAX_OPML_BYTES = 5 * 1024 * 1024


def import_opml(db: Database, path: Path, *, now: datetime) -> tuple[list[str], list[str]]:
    """Add every feed of the OPML file as an rss source; returns (added names, skip reasons)."""
    try:
        data = path.read_bytes()[: MAX_OPML_BYTES + 1]
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from None
    if len(data) > MAX_OPML_BYTES or b"<!ENTITY" in data:
        raise UserError(f"{path}: refused (larger than 5 MiB or declares XML entities).")
    parsed = listparser.parse(data)
    if not parsed.feeds:
        raise UserError(f"{path}: no feeds found ({parsed.get('bozo_exception') or 'empty'}).")
    added, skipped = [], []
    for feed in parsed.feeds:
        name = _slug(feed.title or feed.url)
        try:
            source = source_from_dict({"name": name, "url": feed.url, "kind": "rss",
                                       "title": feed.title or name}, where=name)
            source_store.add_source(db, source, now=now, origin="opml")
            added.append(name)
        except (ConfigError, UserError) as exc:
            skipped.append(f"{feed.url}: {exc}")
    return added, skipped


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().split("//")[-1]).strip("-")
    return (slug or "feed")[:40].strip("-")
