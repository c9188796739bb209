"""Settings from the environment (the DIPLOWATCH_* variables).

Every problem raises ConfigError with one message that names the variable and says how to fix
it; the CLI prints it and exits 2.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from diplowatch.config.durations import duration_seconds
from diplowatch.config.errors import ConfigError
from diplowatch.models import AlertPolicy

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
    "DIPLOWATCH_PAID_BROADCAST": ("0", "1: alerts are sent as Telegram paid broadcasts "
                                  "(allow_paid_broadcast: up to 1000/s, for Stars)"),
    "DIPLOWATCH_SOURCE_ALERT_AFTER": ("24h", "a source failing this long is reported to the "
                                      "admins once, and its recovery once"),
}


@dataclass(frozen=True)
class Settings:
    token: str | None = None
    api_url: str = ENV_VARS["DIPLOWATCH_TELEGRAM_API_URL"][0]
    db_path: Path = Path("./diplowatch.db")
    sources_path: Path | None = None  # None → the bundled default sources
    admin_ids: frozenset[int] = field(default_factory=frozenset)
    allow_private: bool = False
    send_rate: float = 25.0
    paid_broadcast: bool = False  # alerts sent with allow_paid_broadcast (Telegram charges Stars)
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
        send_rate=_rate(get("DIPLOWATCH_SEND_RATE"), paid=_paid(get)),
        paid_broadcast=_paid(get),
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
    seconds = duration_seconds(value or ENV_VARS[name][0])
    if seconds is None:
        raise ConfigError(f"{name}={value!r} must be {meaning}.")
    return seconds


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


PAID_RATE = 1000.0  # what Telegram allows with allow_paid_broadcast (reference/telegram.md)


def _paid(get: Callable[[str], str]) -> bool:
    return _flag("DIPLOWATCH_PAID_BROADCAST", get("DIPLOWATCH_PAID_BROADCAST"))


def _rate(value: str, *, paid: bool = False) -> float:
    """DIPLOWATCH_SEND_RATE; unset, 25, or with paid broadcasts Telegram's paid 1000."""
    try:
        rate = float(value or (PAID_RATE if paid else ENV_VARS["DIPLOWATCH_SEND_RATE"][0]))
    except ValueError:
        rate = -1.0
    if not 0 < rate <= 1000:
        raise ConfigError(
            f"DIPLOWATCH_SEND_RATE={value!r} must be a number of messages per second above 0 "
            "and at most 1000 (Telegram allows about 30, or 1000 with DIPLOWATCH_PAID_BROADCAST=1; "
            "the default is 25)."
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
