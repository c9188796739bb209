"""Docs stay true: every env variable and every CLI command is in the README, and every link of
the README and docs/ resolves inside the repository."""

import re
import subprocess
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


DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# [text](target "title"), <target> autolinks, and [id]: target reference definitions
INLINE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
# the design repository beside a checkout: a clone does not have it
OUTSIDE = re.compile(r"\.\./shared|(?<![\w/-])shared/(?:eval|data|DESIGN|STYLE)")


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]|<[^>]+>", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", path.read_text("utf-8"), flags=re.M | re.S)
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, re.M):
        base, n = slug(heading), 1
        while (candidate := base if n == 1 else f"{base}-{n - 1}") in found:
            n += 1
        found.add(candidate)
    return found


def tracked() -> set[Path] | None:
    """The files git tracks (a clone holds just these), or None without git."""
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True,
                             timeout=30).stdout.decode()
    except (OSError, subprocess.SubprocessError):
        return None
    return {(ROOT / name).resolve() for name in out.split("\0") if name}


def link_problems(path: Path, text: str, files: set[Path] | None) -> list[str]:
    """What is wrong with the links of one markdown file: a target outside the repository, one
    missing or not tracked, a heading anchor that does not exist, a plain-http address."""
    bad = [f"{path.name}: names the design repository ({m[0]})" for m in OUTSIDE.finditer(text)]
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)  # code blocks are not links
    for target in [*INLINE.findall(text), *AUTOLINK.findall(text), *DEFINITION.findall(text)]:
        if target.startswith(("https://", "mailto:")):
            continue
        if re.match(r"\w+:", target):
            bad.append(f"{path.name}: {target} (only https:// addresses leave the repository)")
            continue
        file, _, anchor = target.partition("#")
        resolved = (path.parent / file).resolve() if file else path.resolve()
        if not resolved.is_relative_to(ROOT) or not resolved.exists():
            bad.append(f"{path.name}: {target} (no such file in the repository)")
        elif files is not None and resolved.is_file() and resolved not in files:
            bad.append(f"{path.name}: {target} (not tracked by git: a clone lacks it)")
        elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
            bad.append(f"{path.name}: {target} (no heading #{anchor} there)")
    return bad


def test_readme_and_docs_link_only_inside_the_repository():
    """A clone has only the repository: every link of README.md and docs/*.md resolves in it
    (a tracked file, and its heading when the link names one), or is an https:// address."""
    files = tracked()
    bad = [problem for path in DOCS for problem in link_problems(path, path.read_text("utf-8"), files)]
    assert bad == []


def test_the_link_check_finds_each_kind_of_bad_link(tmp_path):
    doc = ROOT / "docs" / "operations.md"
    text = ("[d](../shared/DESIGN.md) [e](../../elsewhere.md) [g](missing.md) "
            "[h](http://example.org/) [a](architecture.md#no-such-heading) "
            "[ok](architecture.md#layers) [ok](https://example.org/) [ok](../README.md)\n"
            "[ref]: ../shared/eval/README.md\n```\n[in code](nowhere.md)\n```\n")
    found = link_problems(doc, text, tracked())
    assert [f.split(": ", 1)[1] for f in found] == [
        "names the design repository (../shared)", "names the design repository (../shared)",
        "../shared/DESIGN.md (no such file in the repository)",
        "../../elsewhere.md (no such file in the repository)",
        "missing.md (no such file in the repository)",
        "http://example.org/ (only https:// addresses leave the repository)",
        "architecture.md#no-such-heading (no heading #no-such-heading there)",
        "../shared/eval/README.md (no such file in the repository)"]
