"""Operations: the single-instance lock (lock.py), online backups (backup.py), the status
report and the health line (status.py). Callers use the names re-exported here."""

from ..store.readonly import open_readonly
from .backup import BackupResult, backup
from .lock import AlreadyRunning, instance_lock, lock_path
from .status import (
    HEALTH_INTERVAL,
    LAST_ERRORS,
    health_line,
    log_health,
    status_report,
    status_text,
)

__all__ = [
    "HEALTH_INTERVAL", "LAST_ERRORS", "AlreadyRunning", "BackupResult", "backup", "health_line",
    "instance_lock", "lock_path", "log_health", "open_readonly", "status_report", "status_text",
]
