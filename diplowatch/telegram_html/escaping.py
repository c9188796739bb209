"""Escaping and validated links for Telegram messages (parse_mode=HTML): every string that
came from a source goes through :func:`escape` or :func:`link`; lengths count in UTF-16 code
units, the unit of Telegram's limits."""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_MESSAGE = 4096  # Telegram's limit for a text message
MAX_URL = 2048


def escape(s: str) -> str:
    """Escape text for use between tags (``&``, ``<``, ``>``)."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(s: str) -> str:
    return escape(s).replace('"', "&quot;")


def utf16_len(s: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's limits."""
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def is_safe_url(url: str) -> bool:
    """An absolute http(s) URL with a host, no credentials, no spaces or control characters."""
    if not url or len(url) > MAX_URL or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return False
    if any(ch in url for ch in '<>"\\'):
        return False
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host) and "@" not in parts.netloc


def link(url: str | None, label: str | None = None) -> str:
    """``<a href>`` for a validated http(s) URL; otherwise the (escaped) label alone."""
    text = label if label else (url or "")
    if url and is_safe_url(url):
        return f'<a href="{escape_attr(url)}">{escape(text)}</a>'
    return escape(text)
