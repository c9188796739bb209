"""What one poll of a source gives (``Fetched``), and the cache lifetime it may claim."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from diplowatch.models import Source, Statement

# The keys of those of a listing's statements that are already stored (their pages were
# fetched when they were new, and are not fetched again).
StoredKeys = Callable[[list[Statement]], Awaitable[set[str]]]


@dataclass
class Fetched:
    not_modified: bool
    statements: list[Statement] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    ttl_seconds: int | None = None  # max(Cache-Control max-age, RSS ttl), ≤ 12 × interval
    last_seen_key: str | None = None  # telegram: "<channel>/<newest post id>"; else unchanged
    title: str | None = None
    notice: str = ""  # e.g. a listing cut at its cap: recorded, though the poll succeeded
    format: str = ""  # feeds: feedparser's name for the format (rss20, atom10, …)


def ttl(source: Source, *candidates: int | None) -> int | None:
    """The longest positive lifetime among ``candidates``, at most 12 polling intervals."""
    known = [c for c in candidates if c is not None and c > 0]
    return min(max(known), source.interval * 12) if known else None
