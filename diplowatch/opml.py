"""OPML import (`diplowatch sources import FILE.opml`) through listparser."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import listparser

from .config import ConfigError, source_from_dict
from .models import UserError
from .store import Database
from .store import sources as source_store

MAX_OPML_BYTES = 5 * 1024 * 1024


def import_opml(db: Database, path: Path, *, now: datetime) -> tuple[list[str], list[str]]:
    """Add every feed of the OPML file as an rss source; returns ("name  url" of each source
    added, skip reasons). A feed whose address a source already polls is skipped, and a name
    already taken gets a number (-2, -3…)."""
    try:
        data = path.read_bytes()[: MAX_OPML_BYTES + 1]
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from None
    if len(data) > MAX_OPML_BYTES or b"<!ENTITY" in data:
        raise UserError(f"{path}: refused (larger than 5 MiB or declares XML entities).")
    parsed = listparser.parse(data)
    if not parsed.feeds:
        raise UserError(f"{path}: {_why_no_feeds(data, parsed)}")
    existing = {s.name: s.url for s, _ in source_store.list_sources(db)}
    known_urls = {_url_key(u): n for n, u in existing.items()}
    added, skipped = [], []
    for feed in parsed.feeds:
        if _url_key(feed.url) in known_urls:
            skipped.append(f"{feed.url}: already polled as {known_urls[_url_key(feed.url)]!r}")
            continue
        name = _free_name(_slug(feed.title or feed.url), existing)
        try:
            source = source_from_dict({"name": name, "url": feed.url, "kind": "rss",
                                       "title": feed.title or name}, where=name)
            source_store.add_source(db, source, now=now, origin="opml")
        except (ConfigError, UserError) as exc:
            skipped.append(f"{feed.url}: {exc}")
            continue
        existing[name] = feed.url
        known_urls[_url_key(feed.url)] = name
        added.append(f"{name}  {feed.url}")
    return added, skipped


def _why_no_feeds(data: bytes, parsed) -> str:
    """listparser reads broken files leniently and flags nothing: say what is wrong."""
    if not parsed.get("version"):
        return "not an OPML file (no <opml> element). Export the list from your feed reader."
    try:  # entity declarations were refused above, so expat expands nothing here
        ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        return f"not a readable OPML file (XML error: {exc}). Export the list again."
    return "the file holds no feeds (no <outline> with an xmlUrl)."


def _url_key(url: str) -> str:
    """One address however it is written: scheme, 'www.', case of the host, trailing '/'."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}?{parts.query}"


def _free_name(name: str, taken: dict[str, str]) -> str:
    if name not in taken:
        return name
    n = 2
    while f"{name[:36]}-{n}" in taken:
        n += 1
    return f"{name[:36]}-{n}"


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().split("//")[-1]).strip("-")
    return (slug or "feed")[:40].strip("-")
