"""Why a fetch failed, in words a person can act on: FetchError, and the reasons given for
HTTP error statuses, transport errors and Retry-After."""

from __future__ import annotations

from datetime import UTC
from email.utils import parsedate_to_datetime

import httpx

from diplowatch.clock import Clock
from diplowatch.models import SourceError

MAX_RETRY_AFTER = 86_400


class FetchError(SourceError):
    """A failed fetch; ``status`` is the HTTP status if there was one, ``retry_after`` seconds."""

    def __init__(self, reason: str, *, status: int | None = None, retry_after: int | None = None):
        super().__init__(reason)
        self.status = status
        self.retry_after = retry_after

    def __reduce__(self):  # keep attributes across pickling (worker processes)
        return (_rebuild_fetch_error, (str(self), self.status, self.retry_after))


def _rebuild_fetch_error(reason: str, status: int | None, retry_after: int | None) -> FetchError:
    return FetchError(reason, status=status, retry_after=retry_after)


def status_error(response: httpx.Response, host: str, *, clock: Clock) -> FetchError:
    """The error for an HTTP status of 400 or above, with the server's Retry-After."""
    status = response.status_code
    retry_after = retry_after_seconds(response.headers.get("retry-after"), clock=clock)
    reason = f"HTTP {status} {response.reason_phrase or ''}".rstrip() + f" from {host}"
    if retry_after is not None:
        reason += f" (retry after {retry_after}s)"
    return FetchError(reason, status=status, retry_after=retry_after)

def transport_reason(exc: httpx.HTTPError, host: str, timeout: httpx.Timeout) -> str:
    """What went wrong talking to ``host``, in words (``timeout``: the client's)."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out after {timeout.connect:g}s connecting to {host}"
    if isinstance(exc, httpx.ReadTimeout):
        return f"timed out after {timeout.read:g}s waiting for {host}"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out talking to {host}"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect to {host} ({_brief(exc)})"
    if isinstance(exc, httpx.ReadError | httpx.WriteError | httpx.RemoteProtocolError):
        detail = " ".join(str(exc).split())[:120]
        return f"connection reset by {host}" + (f" ({detail})" if detail else "")
    return f"request to {host} failed: {_brief(exc)}"

def retry_after_seconds(value: str | None, *, clock: Clock) -> int | None:
    """A Retry-After header (seconds or an HTTP date) in seconds from now, capped at a day."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return min(int(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = int((when - clock()).total_seconds())
    return max(0, min(seconds, MAX_RETRY_AFTER))


def _brief(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:120]
    return text or type(exc).__name__
