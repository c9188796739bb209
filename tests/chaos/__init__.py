"""Crash test for `diplowatch run` (issue #6): ``python -m tests.chaos --kills 20`` (``make chaos``).

See harness.py for what is killed when and what is checked (moments.py, invariants.py,
deliveries.py); docs/reliability.md for results.
"""

from .config import MODES, ChaosConfig
from .harness import run_chaos
from .report import Report

__all__ = ["MODES", "ChaosConfig", "Report", "run_chaos"]
