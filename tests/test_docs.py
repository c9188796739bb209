"""Docs stay true: every env variable and every CLI command is in the README."""

import re
from pathlib import Path

from diplowatch.cli import build_parser
from diplowatch.config import ENV_VARS

README = (Path(__file__).parents[1] / "README.md").read_text("utf-8")


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
