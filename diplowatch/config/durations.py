"""Durations as people write them in settings and sources files: 90s, 5m, 1h, bare seconds."""

from __future__ import annotations

import re

INTERVAL_RE = re.compile(r"^\s*(\d+)\s*([smh]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600}


def duration_seconds(text: str) -> int | None:
    """'5m' → 300, '90' → 90; None when ``text`` is not a duration."""
    match = INTERVAL_RE.match(text)
    return int(match[1]) * _UNIT_SECONDS[match[2]] if match else None
