"""The `diplowatch` command: the parser (parser.py) names each command's function, which
main.py imports only when that command runs; one module per command family."""

from .main import main
from .parser import build_parser
from .terminal import TerminalSafe

__all__ = ["TerminalSafe", "build_parser", "main"]
