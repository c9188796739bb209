"""docs/architecture.md stays true: its module table names every module of the package, once,
and nothing that is not there."""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "diplowatch"
DOC = ROOT / "docs" / "architecture.md"
ROW = re.compile(r"^\| `([\w/]+(?:\.py|/))` \|", re.M)  # a table row naming a module or package


def package_modules() -> set[str]:
    """Every module and package under diplowatch/, as paths relative to it (``delivery/``,
    ``delivery/sender.py``); ``__init__.py`` and ``__main__.py`` go with their package."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if "__pycache__" in rel.parts:
            continue
        found.add(rel.parent.as_posix() + "/" if rel.name == "__init__.py" else rel.as_posix())
    found.discard("./")
    found.discard("__main__.py")
    return found


def documented() -> list[str]:
    return ROW.findall(DOC.read_text("utf-8"))


def test_every_module_is_in_the_architecture_table():
    missing = sorted(package_modules() - set(documented()))
    assert not missing, f"add a row to docs/architecture.md for: {missing}"


def test_the_architecture_table_names_only_modules_that_exist():
    gone = sorted(set(documented()) - package_modules())
    assert not gone, f"docs/architecture.md names modules that do not exist: {gone}"


def test_each_module_is_described_once():
    rows = documented()
    twice = sorted({r for r in rows if rows.count(r) > 1})
    assert not twice, f"docs/architecture.md describes these more than once: {twice}"


def test_the_checker_sees_a_missing_module(tmp_path, monkeypatch):
    """The test above can fail: a module added without a row is reported."""
    (tmp_path / "new_room.py").write_text("")
    (tmp_path / "__init__.py").write_text("")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path)
    assert package_modules() == {"new_room.py"}
    assert package_modules() - set(documented()) == {"new_room.py"}  # what the test above reports
