"""The database as the program opens it: schema current, seed history loaded, faults named.

Light on purpose (no HTTP, no Telegram, no scheduler): the one-shot CLI commands open the
store through here as well as the runtime.
"""

from __future__ import annotations

from . import ledger, texts
from .clock import Clock, utcnow
from .config import ConfigError, Settings
from .store import Database, StoreError, check_writable, open_db, storage_fault


def open_store(settings: Settings, *, writable: bool = False, clock: Clock = utcnow) -> Database:
    """The database with its schema current and the seed history loaded (once, on first use).

    ``writable``: check at once that the file takes writes, so that a read-only file is a
    ConfigError naming it, not an internal error at the first write.
    """
    try:
        db = open_db(settings.db_path)
    except StoreError as exc:
        raise _database_error(settings, exc) from None
    try:
        if writable:
            check_writable(db)
        ledger.load_seed(db, now=clock())
    except StoreError as exc:
        db.close()
        if storage_fault(exc, settings.db_path) is None:
            raise
        raise _database_error(settings, exc) from None
    return db


def _database_error(settings: Settings, exc: StoreError) -> ConfigError:
    fault = storage_fault(exc, settings.db_path)
    return ConfigError(texts.database_error(str(settings.db_path), fault, exc))
