"""Docs stay true: every env variable and every CLI command is in the README."""

import re
from pathlib import Path

from diplowatch.cli import build_parser
from diplowatch.config import ENV_VARS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")


def test_every_env_var_in_readme_table():
    table = {m for m in re.findall(r"^\| `(DIPLOWATCH_\w+)` \|", README, re.M)}
    assert table == set(ENV_VARS)


def test_every_cli_command_in_readme():
    sub = next(a for a in build_parser()._actions if a.dest == "==SUPPRESS==" or a.choices)
    for name in sub.choices:
        assert f"`diplowatch {name}" in README, name


def test_every_chat_command_in_readme():
    from diplowatch.handlers import COMMANDS

    for name in COMMANDS:
        assert f"/{name}" in README, name


def test_readme_and_docs_link_only_inside_the_repository():
    """A clone has only the repository: no link may leave it (web addresses are fine)."""
    link = re.compile(r"\]\(([^)#\s]+)")
    bad = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in link.findall(path.read_text("utf-8")):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            resolved = (path.parent / target).resolve()
            if not resolved.is_relative_to(ROOT) or not resolved.exists():
                bad.append(f"{path.name}: {target}")
    assert bad == []
