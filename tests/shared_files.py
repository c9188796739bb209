"""Where the tests find the files kept outside the project (labelled eval data, the seed
history's source, real-world fixtures): DIPLOWATCH_SHARED if set, else ``shared`` beside the
checkout. Tests that need them skip, saying so, when the folder is absent; a git worktree
elsewhere should set DIPLOWATCH_SHARED, or those tests skip."""

import os
from pathlib import Path

SHARED = Path(os.environ.get("DIPLOWATCH_SHARED")
              or Path(__file__).resolve().parents[2] / "shared")
