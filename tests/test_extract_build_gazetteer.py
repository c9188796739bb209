"""The gazetteer build (build_gazetteer.py) reproduces the checked-in data files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from diplowatch.extract.gazetteer import DATA_FILE


@pytest.mark.parametrize("hash_seed", ["1", "2"])
def test_the_data_files_are_what_the_build_writes(hash_seed):
    """Rebuilding must reproduce the checked-in files, whatever Python's hash seed (set order
    once decided which spelling of a name won); a curated edit must come with a rebuild."""
    script = (
        "import json, sys\n"
        "from diplowatch.extract import build_gazetteer as bg\n"
        "data = bg.build()\n"
        "dump = lambda d: json.dumps(d, ensure_ascii=False, separators=(',', ':'), sort_keys=True)\n"
        "sys.stdout.write(dump(data) + '\\n' + dump(bg.build_typed(data['keys'])))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         encoding="utf-8", check=True, env={**os.environ, "PYTHONHASHSEED": hash_seed})
    gazetteer, typed = out.stdout.split("\n")
    folder = Path(DATA_FILE).parent
    assert gazetteer == (folder / "gazetteer.json").read_text("utf-8")
    assert typed == (folder / "typed.json").read_text("utf-8")
