"""What the feed server serves: a resource with its validators, the requests it saw, and the
HTTP rules for content types and conditional requests (ETag, Last-Modified, 304)."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

from aiohttp import web

Body = bytes | Callable[[web.Request], bytes]
DEFAULT_LAST_MODIFIED = format_datetime(datetime(2026, 11, 25, 8, 0, tzinfo=UTC), usegmt=True)
_TYPES = {".xml": "application/xml", ".rss": "application/rss+xml", ".atom": "application/atom+xml"}


@dataclass
class Resource:
    body: Body
    content_type: str = "application/xml"
    etag: str | None = None  # None: no ETag header
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    path: str
    query: str
    conditional: bool
    headers: dict[str, str]


def content_type(file: Path) -> str:
    return (
        _TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    )


def not_modified(request: web.Request, resource: Resource) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {tag.strip() for tag in if_none_match.split(",")}
        return bool(resource.etag) and ("*" in tags or resource.etag in tags)
    since = request.headers.get("If-Modified-Since")
    if since and resource.last_modified:
        try:
            return parsedate_to_datetime(resource.last_modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False
