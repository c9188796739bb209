"""Dataclasses shared by every layer. No I/O here."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

SOURCE_KINDS = ("rss", "telegram", "html")
ACTS = ("recognize", "withdraw", "reject")
# Who reported an extracted act (docs/alerts.md): the acting state's own government, another
# government, or anyone else. Seeded and imported acts have none (NULL): they are the record.
PROVENANCES = ("official-self", "official-other", "media")
# Country-code domains that are sold to everyone: a host under them says nothing of a state.
_GENERIC_TLDS = frozenset({"io", "tv", "ai", "fm", "to", "ws", "cc", "gg", "nu"})


def N_(message: str) -> str:
    """Marks a message for the catalogues (texts/i18n.py) without translating it here."""
    return message


class UserError(Exception):
    """Bad input from a person; the message is what they see.

    ``UserError(N_("No subscription #{id}."), id=5)``: a template of the catalogues and its
    fields, so that the front end can answer it in the chat's language (texts/i18n.py);
    ``str()`` is the English.
    """

    def __init__(self, message: str = "", **fields: object) -> None:
        self.template, self.fields = message, fields
        super().__init__(message.format(**fields) if fields else message)


class NoSuchSource(UserError):
    """A source name that is not in the database; each front end adds where to look."""


class SourceError(Exception):
    """A source could not be polled; the message is the recorded reason."""


@dataclass(frozen=True)
class Source:
    name: str
    kind: str
    url: str
    title: str = ""
    interval: int = 300  # seconds
    lang: str | None = None
    official: bool = False
    # html sources: CSS selectors; fetch_pages = fetch each new linked page for its text
    selectors: dict[str, str] = field(default_factory=dict)
    fetch_pages: bool = False
    date_order: str | None = None  # "dmy" | "mdy" | "ymd" for numeric dates; None: detect
    state: str | None = None  # official: the government it speaks for (a code, or an entity)


def speaks_for(url: str | None, declared: str | None) -> str | None:
    """The state an official source speaks for: as declared (``state = "KP"``), else the
    country-code domain of its host (kcna.kp → KP, mfa.gov.rs → RS), else unknown."""
    if declared:
        return declared
    host = (urlsplit(url or "").hostname or "").rstrip(".")
    tld = host.rsplit(".", 1)[-1]
    if len(tld) == 2 and tld.isascii() and tld.isalpha() and tld not in _GENERIC_TLDS:
        return tld.upper()
    return None


def provenance(actor: str, *, official: bool, state: str | None) -> str:
    """official-self when an official source of the actor itself reports the act."""
    if not official:
        return "media"
    return "official-self" if state == actor else "official-other"


@dataclass(frozen=True)
class AlertPolicy:
    """When an extracted act alerts (docs/alerts.md): at once when official-self or at least
    ``confidence``; a media report below it waits for a second source, an admin, or
    ``max_wait`` seconds (then it goes out marked unconfirmed)."""

    confidence: float = 0.8
    max_wait: int = 6 * 3600
    reviewers: frozenset[int] = frozenset()  # admins told of each report held (DIPLOWATCH_ADMIN_IDS)

    def holds(self, provenance: str, confidence: float) -> bool:
        return provenance == "media" and confidence < self.confidence


@dataclass
class SourceState:
    """What the store remembers about a source between polls."""

    name: str
    etag: str | None = None
    last_modified: str | None = None
    next_poll_at: datetime | None = None
    last_poll_at: datetime | None = None
    last_ok_at: datetime | None = None
    error_count: int = 0
    last_error: str | None = None
    last_seen_key: str | None = None
    paused: bool = False
    notice: str | None = None  # from the last good poll, e.g. a listing cut at its cap
    failing_since: datetime | None = None  # first failure of the current run of failures
    failure_reported_at: datetime | None = None  # admins told it is failing; None: not told


def content_hash(title: str, text: str) -> str:
    """Stable hash of a statement's visible content (whitespace and Unicode form normalised)."""
    norm = unicodedata.normalize("NFC", " ".join(f"{title}\n{text}".split())).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


@dataclass
class Statement:
    """One published item: an RSS/Atom entry, a channel post, a press release.

    ``key`` is the dedup key within its source, chosen by trust: GUID, then link, then
    post id, then content hash (``"guid:…"``, ``"link:…"``, ``"post:…"``, ``"hash:…"``).
    """

    source: str
    key: str
    url: str | None
    title: str
    text: str
    lang: str | None = None
    published_at: datetime | None = None
    fetched_at: datetime | None = None
    content_hash: str = ""
    forwarded_from: str | None = None
    id: int | None = None  # rowid once stored

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.title, self.text)


@dataclass(frozen=True)
class Event:
    """A recognition act found in a text. Codes as in shared/eval/README.md."""

    actor: str
    target: str
    act: str
    evidence: str = ""
    confidence: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "target": self.target,
            "act": self.act,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 2),
        }


@dataclass(frozen=True)
class Subscription:
    id: int
    chat_id: int
    kind: str  # entity | state | all | source | keyword
    value: str
    thread_id: int = 0  # the forum topic it was made in (message_thread_id); 0: none
    inactive_reason: str | None = None  # its topic was deleted or closed; None: live


@dataclass(frozen=True)
class Alert:
    id: int
    kind: str  # event | confirmed | statement
    text: str  # rendered HTML
    statement_id: int | None = None
    event_id: int | None = None
