"""docs/operations.md explains each alarm in the log and covers the operations commands."""

from __future__ import annotations

from pathlib import Path

import pytest

OPERATIONS = (Path(__file__).parents[1] / "docs" / "operations.md").read_text("utf-8")


@pytest.mark.parametrize("line", [
    "health sources=", "poll failed source=", "flood control: all sending paused",
    "chat %s inactive", "send timed out, not resending", "possibly_delivered",
    "another instance is polling with this token (409 Conflict)",
    "Telegram rejected the bot token", "DIPLOWATCH_TELEGRAM_TOKEN was rejected",
    "HTML rejected, resending as plain text", "giving up chat=", "channel gap source=",
    "another diplowatch is already running on the database", "admin command refused",
])
def test_operations_doc_explains_each_alarm(line):
    assert line in OPERATIONS, line


@pytest.mark.parametrize("command", ["diplowatch backup", "diplowatch status",
                                     "diplowatch reprocess", "diplowatch run"])
def test_operations_doc_covers_the_commands(command):
    assert command in OPERATIONS
