"""Telegram HTML (parse_mode=HTML): escaping.py (escape, validated links, UTF-16 length),
tokens.py (what Telegram accepts: sanitize, validate_html, the plain-text fallback), split.py
(parts of at most 4096 UTF-16 units, cut on paragraph boundaries)."""

from __future__ import annotations

from .escaping import MAX_MESSAGE, MAX_URL, escape, is_safe_url, link, utf16_len
from .split import split_message
from .tokens import ALLOWED_TAGS, MAX_DEPTH, sanitize, to_plain, validate_html

__all__ = [
    "MAX_MESSAGE", "MAX_URL", "escape", "is_safe_url", "link", "utf16_len", "split_message",
    "ALLOWED_TAGS", "MAX_DEPTH", "sanitize", "to_plain", "validate_html",
]
