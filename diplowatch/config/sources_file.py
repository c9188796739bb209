"""The TOML sources file: its entries validated into Sources, and the bundled default set.

Every problem raises ConfigError naming the file, the entry (and its line) and the field, and
saying how to fix it.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from diplowatch.config.durations import duration_seconds
from diplowatch.config.errors import ConfigError
from diplowatch.models import SOURCE_KINDS, Source

MIN_INTERVAL = 60
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
HTML_SELECTORS = ("item", "link", "title", "date")
KNOWN_KEYS = {"name", "title", "kind", "url", "interval", "lang", "official", "fetch_pages",
              "date_order", "state", *HTML_SELECTORS}
DATE_ORDERS = ("dmy", "mdy", "ymd")


def parse_interval(value: object) -> int:
    """'5m' → 300. Bare numbers are seconds. Raises ValueError with a readable reason."""
    seconds = duration_seconds(str(value))
    if seconds is None:
        raise ValueError(f"interval {value!r} is not like '90s', '5m' or '1h'")
    if seconds < MIN_INTERVAL:
        raise ValueError(f"interval {value!r} is below the floor of 1m")
    return seconds


def default_sources_text() -> str:
    """The bundled default sources (data/default_sources.toml), as TOML text."""
    return resources.files("diplowatch.data").joinpath("default_sources.toml").read_text("utf-8")


def load_sources(path: Path | None) -> list[Source]:
    """Read a sources file (None → the bundled default sources)."""
    if path is None:
        return parse_sources(default_sources_text(), origin="the bundled default sources")
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the sources file ({exc}).") from None
    return parse_sources(text, origin=str(path))


def parse_sources(text: str, *, origin: str) -> list[Source]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: {exc}. Fix the TOML syntax there.") from None
    unknown = sorted(set(data) - {"sources"})
    if unknown:
        hint = " (did you mean [[sources]]?)" if any(
            k.lower().rstrip("s") == "source" for k in unknown) else ""
        raise ConfigError(f"{origin}: unknown table or key {', '.join(map(repr, unknown))}{hint}; "
                          "a sources file holds only [[sources]] tables.")
    entries = data.get("sources", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{origin}: 'sources' must be an array of tables: write [[sources]].")
    sources, seen = [], set()
    for index, entry in enumerate(entries, start=1):
        where = f"{origin}: [[sources]] #{index}" + _line_hint(text, index)
        source = source_from_dict(entry, where=where)
        if source.name in seen:
            raise ConfigError(f"{where}: name {source.name!r} is used twice; names must be unique.")
        seen.add(source.name)
        sources.append(source)
    return sources


def _line_hint(text: str, index: int) -> str:
    starts = [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "[[sources]]"]
    return f" (line {starts[index - 1]})" if index <= len(starts) else ""


def source_from_dict(entry: object, *, where: str) -> Source:
    """Validate one source entry; raises ConfigError naming `where` and the field."""
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: each source must be a table of keys.")
    try:
        return _build_source(entry)
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{where}: {exc}.") from None


def _build_source(entry: dict) -> Source:
    unknown = set(entry) - KNOWN_KEYS
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(sorted(unknown))}; allowed: "
                         f"{', '.join(sorted(KNOWN_KEYS))}")
    name = str(entry.get("name", ""))
    if not NAME_RE.match(name):
        raise ValueError(f"name {name!r} must be a slug: lowercase letters, digits, '-' or '_'")
    kind = entry.get("kind")
    if kind not in SOURCE_KINDS:
        raise ValueError(f"kind {kind!r} must be one of {', '.join(SOURCE_KINDS)}")
    url = str(entry.get("url", ""))
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise ValueError(f"url {url!r} must be an http(s) URL")
    # For html sources `title` is the CSS selector of an item's title (DESIGN.md), so their
    # display title is the name; for the other kinds `title` is the display title.
    selectors = {k: str(entry[k]) for k in HTML_SELECTORS if k in entry} if kind == "html" else {}
    if kind == "html" and "item" not in selectors:
        raise ValueError("an html source needs an 'item' CSS selector (and usually link, title, date)")
    return Source(
        name=name, kind=kind, url=url,
        title=name if kind == "html" else str(entry.get("title", name)),
        interval=parse_interval(entry.get("interval", "5m")),
        lang=entry.get("lang"), official=_boolean(entry, "official"),
        selectors=selectors, fetch_pages=_boolean(entry, "fetch_pages"),
        date_order=_date_order(entry.get("date_order")),
        state=_state(entry.get("state")),
    )


def _state(value: object) -> str | None:
    from diplowatch.names import (  # here: pycountry is slow to import, rarely needed
        ENTITIES,
        state_codes,
    )

    if value is None:
        return None
    code = str(value).strip()
    code = code.upper() if len(code) == 2 else code.lower()
    if code in state_codes() or code in ENTITIES:
        return code
    raise ValueError(
        f"state {value!r} is not a state code (ISO 3166 alpha-2, e.g. \"KP\", or \"XK\") nor an "
        f"entity ({', '.join(ENTITIES)}): name the government the source speaks for"
    )


def _boolean(entry: dict, key: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):  # official = "false" would be true for bool()
        raise ValueError(f"{key} = {value!r} must be true or false, without quotes")
    return value


def _date_order(value: object) -> str | None:
    if value is None:
        return None
    if value in DATE_ORDERS:
        return str(value)
    raise ValueError(
        f"date_order {value!r} must be one of {', '.join(DATE_ORDERS)} (day, month, year order "
        "of numeric dates like 09/01/2026; leave it out to detect it)"
    )
