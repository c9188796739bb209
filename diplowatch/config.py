"""Settings from the environment, and the TOML sources file.

Every problem raises ConfigError with one message that names the variable (or the file and
line) and says how to fix it; the CLI prints it and exits 2.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from .models import SOURCE_KINDS, AlertPolicy, Source
from .names import ENTITIES, state_codes

# Name → (default, meaning). The README's table is checked against this by a test.
ENV_VARS: dict[str, tuple[str, str]] = {
    "DIPLOWATCH_TELEGRAM_TOKEN": ("", "Bot API token; absent → console chat"),
    "DIPLOWATCH_TELEGRAM_API_URL": ("https://api.telegram.org/bot", "Bot API base URL"),
    "DIPLOWATCH_DB": ("./diplowatch.db", "SQLite file"),
    "DIPLOWATCH_SOURCES": ("./sources.toml", "sources file (TOML)"),
    "DIPLOWATCH_ADMIN_IDS": ("", "comma-separated numeric Telegram user ids"),
    "DIPLOWATCH_ALLOW_PRIVATE_NETWORKS": ("0", "1 lets sources live on private addresses"),
    "DIPLOWATCH_SEND_RATE": ("25", "global messages per second to Telegram"),
    "DIPLOWATCH_LOG_LEVEL": ("INFO", "logging level"),
    "DIPLOWATCH_GROUP_ADMINS_ONLY": ("1", "1: in groups only the group's administrators may "
                                     "change its subscriptions"),
    "DIPLOWATCH_ALERT_CONFIDENCE": ("0.8", "a media report alerts at once from this confidence"),
    "DIPLOWATCH_HOLD_MAX": ("6h", "longest a held media report waits before it goes out unconfirmed"),
    "DIPLOWATCH_SOURCE_ALERT_AFTER": ("24h", "a source failing this long is reported to the "
                                      "admins once, and its recovery once"),
}

MIN_INTERVAL = 60
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
INTERVAL_RE = re.compile(r"^\s*(\d+)\s*([smh]?)\s*$")
HTML_SELECTORS = ("item", "link", "title", "date")
KNOWN_KEYS = {"name", "title", "kind", "url", "interval", "lang", "official", "fetch_pages",
              "date_order", "state", *HTML_SELECTORS}
DATE_ORDERS = ("dmy", "mdy", "ymd")


# A Bot API token ("123456:ABC…"); logs and recorded errors must never carry one.
TOKEN_RE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")


def redact(text: str, secrets: list[str] | tuple[str, ...] = ()) -> str:
    """``text`` without bot tokens: the configured ones in any case (an API error may echo
    the request path lowercased) and anything shaped like a token."""
    for secret in secrets:
        if secret:
            text = re.sub(re.escape(secret), "<token>", text, flags=re.IGNORECASE)
    return TOKEN_RE.sub("<token>", text)


class ConfigError(Exception):
    """A configuration problem; the message says what and how to fix it."""


@dataclass(frozen=True)
class Settings:
    token: str | None = None
    api_url: str = ENV_VARS["DIPLOWATCH_TELEGRAM_API_URL"][0]
    db_path: Path = Path("./diplowatch.db")
    sources_path: Path | None = None  # None → the bundled default sources
    admin_ids: frozenset[int] = field(default_factory=frozenset)
    allow_private: bool = False
    send_rate: float = 25.0
    log_level: str = "INFO"
    group_admins_only: bool = True
    alert_policy: AlertPolicy = field(default_factory=AlertPolicy)
    source_alert_after: int = 24 * 3600  # seconds a source fails before the admins are told


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    get = lambda name: env.get(name, "").strip()  # noqa: E731
    return Settings(
        token=get("DIPLOWATCH_TELEGRAM_TOKEN") or None,
        api_url=_api_url(get("DIPLOWATCH_TELEGRAM_API_URL")),
        db_path=Path(get("DIPLOWATCH_DB") or "./diplowatch.db"),
        sources_path=_sources_path(get("DIPLOWATCH_SOURCES")),
        admin_ids=_admin_ids(get("DIPLOWATCH_ADMIN_IDS")),
        allow_private=_flag("DIPLOWATCH_ALLOW_PRIVATE_NETWORKS", get("DIPLOWATCH_ALLOW_PRIVATE_NETWORKS")),
        send_rate=_rate(get("DIPLOWATCH_SEND_RATE")),
        log_level=_log_level(get("DIPLOWATCH_LOG_LEVEL")),
        group_admins_only=_flag("DIPLOWATCH_GROUP_ADMINS_ONLY",
                                get("DIPLOWATCH_GROUP_ADMINS_ONLY") or "1"),
        alert_policy=AlertPolicy(_confidence(get("DIPLOWATCH_ALERT_CONFIDENCE")),
                                 _hold_max(get("DIPLOWATCH_HOLD_MAX")),
                                 _admin_ids(get("DIPLOWATCH_ADMIN_IDS"))),
        source_alert_after=_duration(
            "DIPLOWATCH_SOURCE_ALERT_AFTER", get("DIPLOWATCH_SOURCE_ALERT_AFTER"),
            "how long a source fails before the admins are told, like 30m or 24h"),
    )


def _confidence(value: str) -> float:
    try:
        threshold = float(value or ENV_VARS["DIPLOWATCH_ALERT_CONFIDENCE"][0])
    except ValueError:
        threshold = -1.0
    if not 0 <= threshold <= 1:
        raise ConfigError(
            f"DIPLOWATCH_ALERT_CONFIDENCE={value!r} must be a number from 0 to 1: media reports "
            "at or above it alert at once (0 alerts everything at once; the default is 0.8)."
        )
    return threshold


def _hold_max(value: str) -> int:
    return _duration("DIPLOWATCH_HOLD_MAX", value, "a duration like 30m, 6h or 0 (0: a held "
                     "report goes out, marked unconfirmed, at the next check)")


def _duration(name: str, value: str, meaning: str) -> int:
    match = INTERVAL_RE.match(value or ENV_VARS[name][0])
    if not match:
        raise ConfigError(f"{name}={value!r} must be {meaning}.")
    return int(match[1]) * {"": 1, "s": 1, "m": 60, "h": 3600}[match[2]]


def _api_url(value: str) -> str:
    if not value:
        return ENV_VARS["DIPLOWATCH_TELEGRAM_API_URL"][0]
    if urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc:
        raise ConfigError(
            f"DIPLOWATCH_TELEGRAM_API_URL={value!r} is not an http(s) URL. "
            "Set it like http://127.0.0.1:8081/bot, or unset it to use Telegram's."
        )
    return value


def _sources_path(value: str) -> Path | None:
    if value:
        path = Path(value)
        if not path.is_file():
            raise ConfigError(
                f"DIPLOWATCH_SOURCES={value!r}: no such file. Point it at a sources TOML file "
                "(see examples/sources.toml), or unset it to use ./sources.toml or the bundled "
                "default sources."
            )
        return path
    default = Path("sources.toml")
    return default if default.is_file() else None


def _admin_ids(value: str) -> frozenset[int]:
    ids = set()
    for part in filter(None, (p.strip() for p in value.split(","))):
        if not re.fullmatch(r"-?\d{1,20}", part):
            raise ConfigError(
                f"DIPLOWATCH_ADMIN_IDS: {part!r} is not a numeric Telegram user id. "
                "Use comma-separated numbers, e.g. DIPLOWATCH_ADMIN_IDS=12345,67890 "
                "(usernames are not accepted: they can change hands)."
            )
        ids.add(int(part))
    return frozenset(ids)


_FALSE = ("", "0", "false", "no", "off")
_TRUE = ("1", "true", "yes", "on")


def _flag(name: str, value: str) -> bool:
    """The one boolean parser of environment variables: 1/0, true/false, yes/no, on/off."""
    folded = value.strip().lower()
    if folded in _FALSE:
        return False
    if folded in _TRUE:
        return True
    raise ConfigError(f"{name}={value!r} must be 1 or 0 (also accepted: true/false, yes/no, on/off).")


def _rate(value: str) -> float:
    try:
        rate = float(value or ENV_VARS["DIPLOWATCH_SEND_RATE"][0])
    except ValueError:
        rate = -1.0
    if not 0 < rate <= 1000:
        raise ConfigError(
            f"DIPLOWATCH_SEND_RATE={value!r} must be a number of messages per second above 0 "
            "and at most 1000 (Telegram allows about 30; the default is 25)."
        )
    return rate


def _log_level(value: str) -> str:
    level = (value or "INFO").upper()
    if level not in logging.getLevelNamesMapping():
        raise ConfigError(
            f"DIPLOWATCH_LOG_LEVEL={value!r} is not a logging level. "
            "Use DEBUG, INFO, WARNING or ERROR."
        )
    return level


def parse_interval(value: object) -> int:
    """'5m' → 300. Bare numbers are seconds. Raises ValueError with a readable reason."""
    match = INTERVAL_RE.match(str(value))
    if not match:
        raise ValueError(f"interval {value!r} is not like '90s', '5m' or '1h'")
    seconds = int(match[1]) * {"": 1, "s": 1, "m": 60, "h": 3600}[match[2]]
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
    if value is None or value in DATE_ORDERS:
        return value  # type: ignore[return-value]
    raise ValueError(
        f"date_order {value!r} must be one of {', '.join(DATE_ORDERS)} (day, month, year order "
        "of numeric dates like 09/01/2026; leave it out to detect it)"
    )
