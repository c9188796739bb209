"""Chat commands: one module per family, all registered in core.COMMANDS.

`register(app, deps)` attaches them to a python-telegram-bot Application; the console chat
(handlers/console.py) reads the same table.
"""

from . import admin, archive, general, language, recognitions, review, subscriptions  # noqa: F401 (registration)
from .core import CALLBACKS, COMMANDS, Deps, Reply, Request, dispatch
from .telegram import register

__all__ = ["CALLBACKS", "COMMANDS", "Deps", "Reply", "Request", "dispatch", "register"]
