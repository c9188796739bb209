"""Logging for the process: one stream handler, bot tokens redacted, shutdown noise quieted.

Configured once, by the CLI's `main()`; modules only call `logging.getLogger(__name__)`.
"""

from __future__ import annotations

import logging
import sys

from .config import Settings, redact

log = logging.getLogger(__name__)


class RedactingFilter(logging.Filter):
    """Removes bot tokens from every record, whatever logger or argument carries them."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = self.redact(record.getMessage()), None
        # A traceback carries exception messages (e.g. an httpx error quoting the request URL,
        # which holds the token): format it here, redacted; the formatter reuses exc_text.
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True

    def redact(self, text: str) -> str:
        return redact(text, self.secrets)


class ShutdownFilter(logging.Filter):
    """A poll cut short by Ctrl-C or SIGTERM is cancelled: APScheduler logs that as a job
    that 'raised an exception', with 50 lines of traceback. It is the shutdown working; one
    quiet line at DEBUG says so instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        asyncio = sys.modules.get("asyncio")  # not imported (a one-shot command): no task to cancel
        cancelled = asyncio and record.exc_info and record.exc_info[0] is asyncio.CancelledError
        if cancelled and record.levelno > logging.DEBUG:
            log.debug("cancelled at shutdown: %s", record.getMessage())
            return False
        return True


def setup_logging(settings: Settings) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(ShutdownFilter())
    handler.addFilter(RedactingFilter([settings.token or ""]))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level)
    for noisy in ("httpx", "httpcore", "apscheduler", "pymorphy3"):
        # 'Adding job', 'Running job', 'HTTP Request: GET': only when asked for with DEBUG
        logging.getLogger(noisy).setLevel(logging.DEBUG if settings.log_level == "DEBUG"
                                          else logging.WARNING)
