"""Crash test for `diplowatch run` (issue #6): ``python -m tests.chaos --kills 20`` (``make chaos``).

See harness.py for what is killed when and what is checked; docs/reliability.md for results.
"""

from .harness import MODES, ChaosConfig, Report, run_chaos

__all__ = ["MODES", "ChaosConfig", "Report", "run_chaos"]
