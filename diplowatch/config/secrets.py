"""Bot API tokens kept out of logs and recorded errors."""

from __future__ import annotations

import re

# A Bot API token ("123456:ABC…"); logs and recorded errors must never carry one.
TOKEN_RE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")


def redact(text: str, secrets: list[str] | tuple[str, ...] = ()) -> str:
    """``text`` without bot tokens: the configured ones in any case (an API error may echo
    the request path lowercased) and anything shaped like a token."""
    for secret in secrets:
        if secret:
            text = re.sub(re.escape(secret), "<token>", text, flags=re.IGNORECASE)
    return TOKEN_RE.sub("<token>", text)
