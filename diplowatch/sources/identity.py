"""Statement identity: absolute http(s) links and dedup keys within one document. Pure."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import replace
from urllib.parse import urljoin, urlsplit

from diplowatch.models import Statement

MAX_URL_CHARS = 2048
MAX_KEY_VALUE_CHARS = 512


def http_url(href: str | None, base: str | None = None) -> str | None:
    """``href`` made absolute against ``base``; None unless it is a plain http(s) URL."""
    if not href:
        return None
    href = href.strip()
    if not href or len(href) > MAX_URL_CHARS:
        return None
    try:
        absolute = urljoin(base, href) if base else href
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return absolute


def _key(kind: str, value: str) -> str:
    if len(value) > MAX_KEY_VALUE_CHARS:
        value = "sha256-" + hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()
    return f"{kind}:{value}"


def assign_keys(items: list[tuple[str | None, Statement]]) -> list[Statement]:
    """Give each (guid, statement) its key: ``guid:``, else ``link:``, else ``hash:``.

    A GUID used twice in one document is not trusted (those entries fall back to their link);
    a link shared by entries with different content falls back to the content hash.
    Exact repeats (same key, same content) are dropped, first one kept.
    """
    guid_uses = Counter(guid for guid, _ in items if guid)
    by_link: dict[str, set[str]] = defaultdict(set)
    for guid, st in items:
        if not (guid and guid_uses[guid] == 1) and st.url:
            by_link[st.url].add(st.content_hash)
    keyed: list[Statement] = []
    seen: set[tuple[str, str]] = set()
    for guid, st in items:
        if guid and guid_uses[guid] == 1:
            key = _key("guid", guid)
        elif st.url and len(by_link[st.url]) == 1:
            key = _key("link", st.url)
        else:
            key = f"hash:{st.content_hash}"
        if (key, st.content_hash) not in seen:
            seen.add((key, st.content_hash))
            keyed.append(replace(st, key=key))
    return keyed
