"""The one-shot commands load only what they use: `extract`, `eval`, `status`, `search` and
`export` never import the Telegram library, the scheduler, the HTTP clients or matplotlib
(a cold `diplowatch extract` is benchmarked in bench/bench_cold.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("telegram", "apscheduler", "aiohttp", "httpx", "matplotlib")
DOCUMENT = {"id": 1, "text": "North Korea recognizes the independence of the Donetsk People's Republic."}

# Runs one command as `diplowatch` would, then writes the top-level modules it loaded.
PROBE = """
import json, sys
from diplowatch.cli import main
out = sys.argv.pop(1)
try:
    code = main(sys.argv[1:])
finally:
    with open(out, "w") as f:
        json.dump({"code": code, "modules": sorted({m.split(".")[0] for m in sys.modules})}, f)
"""


def loaded_by(tmp_path: Path, *args: str) -> set[str]:
    report = tmp_path / "modules.json"
    env = {"DIPLOWATCH_DB": str(tmp_path / "d.db"), "DIPLOWATCH_SOURCES": str(tmp_path / "s.toml"),
           "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", PROBE, str(report), *args], cwd=tmp_path, env=env,
                   stdin=subprocess.DEVNULL, capture_output=True, timeout=120, check=True)
    result = json.loads(report.read_text())
    assert result["code"] == 0, (args, result["code"])
    return set(result["modules"])


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "s.toml").write_text("")
    (tmp_path / "one.jsonl").write_text(json.dumps(DOCUMENT) + "\n")
    loaded_by(tmp_path, "search", "kosovo")  # creates the database the others read
    return tmp_path


@pytest.mark.parametrize("args", [("extract", "one.jsonl"), ("eval", "one.jsonl"), ("status",),
                                  ("search", "kosovo"), ("export", "--format", "json")],
                         ids=lambda args: args[0])
def test_one_shot_commands_load_no_heavy_module(workdir, args):
    assert not loaded_by(workdir, *args) & set(HEAVY)


def test_extract_and_eval_open_no_database(workdir):
    assert "sqlite_utils" not in loaded_by(workdir, "extract", "one.jsonl")
