"""Every stream the CLI writes to: control characters dropped, the bot token redacted."""

from __future__ import annotations

from typing import Any, TextIO

from ..config import redact

# C0 controls but tab and newline, DEL and the C1 block: ESC/OSC sequences in a title or an
# HTTP reason phrase would otherwise reach the operator's terminal (and could rewrite it).
_CONTROLS = dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)])


class TerminalSafe:
    """A text stream that drops control characters from everything written to it. Every
    command prints through it: statements, source names, reasons, the console chat."""

    secrets: tuple[str, ...] = ()  # the configured token, once settings are read

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    @classmethod
    def wrap(cls, stream: Any) -> Any:
        return stream if isinstance(stream, cls) or stream is None else cls(stream)

    def write(self, text: str) -> int:
        self._stream.write(redact(text.translate(_CONTROLS), self.secrets))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
