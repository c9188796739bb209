"""The house rules, checked on the source text with ``ast`` (nothing is imported).

``check(root, rules)`` reads ``root/diplowatch`` and ``root/bench`` and returns every breach of

- ``third-party``: a package such as ``telegram`` imported outside the rooms allowed it;
- ``sql`` / ``sqlite3.connect``: SQL text, or a connection opened, outside ``store``;
- ``tests-import``: ``diplowatch`` or ``bench`` importing ``tests``;
- ``layer``: a module importing one of a higher layer (``if TYPE_CHECKING:`` imports aside);
- ``unplaced``: a room of ``diplowatch`` the layer table does not name;
- ``module-size`` / ``function-size``: over the line limits.

A room is a module's first name inside the package (``handlers`` for
``diplowatch.handlers.core``); the tables are data in tests/test_architecture.py. Each breach
has a stable ``key`` (no line numbers) for the list of known ones, and ``where`` for people.
"""

from __future__ import annotations

import ast
import fnmatch
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = "diplowatch"
OUTSIDERS = ("bench",)  # read for imports of tests only


@dataclass(frozen=True)
class Rules:
    layers: list[tuple[str, list[str]]]  # (layer, rooms), top to bottom
    third_party: dict[str, list[str]]  # package → room patterns where it may be imported
    sql_rooms: list[str] = field(default_factory=lambda: ["store"])
    max_module_lines: int = 300
    max_function_lines: int = 40
    size_exempt: list[str] = field(default_factory=list)  # module patterns


@dataclass(frozen=True)
class Breach:
    rule: str
    key: str  # what KNOWN_VIOLATIONS lists: the rule, the module, what it does
    where: str = ""  # line numbers, sizes

    def __str__(self) -> str:
        return f"{self.key}  [{self.where}]" if self.where else self.key


@dataclass
class Module:
    name: str  # dotted, e.g. diplowatch.handlers.core
    path: Path
    tree: ast.Module
    lines: int

    @property
    def package(self) -> str:
        """The package relative imports start from."""
        return self.name if self.path.name == "__init__.py" else self.name.rpartition(".")[0]

    @property
    def room(self) -> str:
        """``handlers`` for diplowatch.handlers.core; "" for the package itself."""
        parts = self.name.split(".")
        return parts[1] if len(parts) > 1 else ""


@dataclass(frozen=True)
class Import:
    target: str  # absolute dotted name
    line: int
    type_only: bool  # inside ``if TYPE_CHECKING:``


def check(root: Path, rules: Rules) -> list[Breach]:
    """Every breach under ``root`` (the directory holding diplowatch/ and bench/), sorted."""
    found: list[Breach] = []
    for module in modules(root, PACKAGE):
        imports = list(imports_of(module))
        found += _third_party(module, imports, rules)
        found += _tests_imports(module, imports)
        found += _layers(module, imports, rules)
        if not _in_rooms(_local(module.name), rules.sql_rooms):
            found += _sql(module)
        if not _in_rooms(_local(module.name), rules.size_exempt):
            found += sizes(module, rules.max_module_lines, rules.max_function_lines)
    for outsider in OUTSIDERS:
        for module in modules(root, outsider):
            found += _tests_imports(module, list(imports_of(module)))
    return _merged(found)


def _merged(found: list[Breach]) -> list[Breach]:
    """One breach per key (a module importing telegram twice breaks one rule), sorted."""
    wheres: dict[tuple[str, str], list[str]] = {}
    for breach in found:
        wheres.setdefault((breach.rule, breach.key), []).append(breach.where)
    return [Breach(rule, key, "; ".join(dict.fromkeys(w for w in where if w)))
            for (rule, key), where in sorted(wheres.items(), key=lambda item: item[0][1])]


def modules(root: Path, package: str) -> Iterator[Module]:
    base = root / package
    for path in sorted(base.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        text = path.read_text(encoding="utf-8")
        yield Module(name, path, ast.parse(text, str(path)), len(text.splitlines()))


def imports_of(module: Module) -> Iterator[Import]:
    """Every import in the module, at any depth (imports inside functions count)."""
    type_only = _type_checking_nodes(module.tree)
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name, node.lineno, id(node) in type_only)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, node)
            for alias in node.names:
                # `from diplowatch import texts` imports the module diplowatch.texts
                target = f"{base}.{alias.name}" if base == PACKAGE else base
                yield Import(target, node.lineno, id(node) in type_only)


def _resolve(module: Module, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    parts = module.package.split(".")
    parts = parts[: len(parts) - (node.level - 1)]
    return ".".join(parts + ([node.module] if node.module else []))


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    """ids of the import nodes inside ``if TYPE_CHECKING:`` (or ``typing.TYPE_CHECKING``)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                found.update(id(n) for n in ast.walk(child))
    return found


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _local(name: str) -> str:
    """diplowatch.sources.fetch → sources.fetch"""
    return name.partition(".")[2]


def _in_rooms(local: str, patterns: list[str]) -> bool:
    return any(
        local == p or local.startswith(p + ".") or fnmatch.fnmatchcase(local, p)
        for p in patterns
    )


def _third_party(module: Module, imports: list[Import], rules: Rules) -> Iterator[Breach]:
    for imp in imports:
        top = imp.target.split(".")[0]
        rooms = rules.third_party.get(top)
        if rooms is not None and not _in_rooms(_local(module.name), rooms):
            yield Breach("third-party", f"third-party: {module.name} imports {top}",
                         f"line {imp.line}")


def _tests_imports(module: Module, imports: list[Import]) -> Iterator[Breach]:
    for imp in imports:
        if imp.target == "tests" or imp.target.startswith("tests."):
            yield Breach("tests-import", f"tests-import: {module.name} imports {imp.target}",
                         f"line {imp.line}")


def layer_of(rules: Rules) -> dict[str, tuple[int, str]]:
    """room → (depth, layer name); depth 0 is the top."""
    return {room: (depth, name) for depth, (name, rooms) in enumerate(rules.layers)
            for room in rooms}


def place(table: dict[str, tuple[int, str]], local: str) -> tuple[int, str] | None:
    """The layer of a module named inside the package (``names.resolve``): the table's most
    specific entry for it, a submodule (``names.resolve``) before its room (``names``)."""
    parts = local.split(".")
    for n in range(len(parts), 0, -1):
        hit = table.get(".".join(parts[:n]))
        if hit is not None:
            return hit
    return None


def _layers(module: Module, imports: list[Import], rules: Rules) -> Iterator[Breach]:
    table = layer_of(rules)
    mine = place(table, _local(module.name))
    if module.room and mine is None:
        yield Breach("unplaced", f"unplaced: {module.name}: add {module.room} to the layer table")
        return
    for imp in imports:
        parts = imp.target.split(".")
        if imp.type_only or parts[0] != PACKAGE or len(parts) < 2 or mine is None:
            continue
        theirs = place(table, ".".join(parts[1:]))
        if theirs is not None and theirs[0] < mine[0]:
            yield Breach(
                "layer",
                f"layer: {module.name} ({mine[1]}) imports {PACKAGE}.{parts[1]} ({theirs[1]})",
                f"line {imp.line}",
            )


_SQL = re.compile(
    r"""\s*(?:
        select\s+(?:distinct\s+)?(?:[\w*.,()'"\s]+?\s+from\s+\w|\d+\b|count\(|\*)
      | insert\s+(?:or\s+\w+\s+)?into\s+\w
      | replace\s+into\s+\w
      | update\s+\w+\s+set\s
      | delete\s+from\s+\w
      | create\s+(?:unique\s+|virtual\s+|temp\s+)*(?:table|index|view|trigger)\b
      | drop\s+(?:table|index|view|trigger)\b
      | alter\s+table\s+\w
      | pragma\s+\w
      | with\s+(?:recursive\s+)?\w+(?:\s*\([\w\s,]*\))?\s+as\s*\(
    )""",
    re.IGNORECASE | re.VERBOSE,
)


def looks_like_sql(text: str) -> bool:
    """SQL statements, not English: "SELECT id FROM t" or "select 1", never "Select a
    source from the list" (a keyword in title case starts a sentence, not a query)."""
    first = text.strip().split(maxsplit=1)[0] if text.strip() else ""
    if not first.isupper() and not first.islower():
        return False
    return _SQL.match(text) is not None


def _sql(module: Module) -> Iterator[Breach]:
    sql_lines, connect_lines = [], []
    for node, text in _strings(module.tree):
        if looks_like_sql(text):
            sql_lines.append(node.lineno)
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Call) and _is_sqlite_connect(node.func):
            connect_lines.append(node.lineno)
    if sql_lines:
        yield Breach("sql", f"sql: {module.name} has SQL text", _lines(sql_lines))
    if connect_lines:
        yield Breach("sqlite3.connect", f"sqlite3.connect: {module.name} opens a connection",
                     _lines(connect_lines))


def _strings(tree: ast.Module) -> Iterator[tuple[ast.expr, str]]:
    """String constants, and f-strings with their fields as ``x``."""
    inside_fstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            inside_fstrings.update(id(v) for v in node.values)
            yield node, "".join(
                v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "x"
                for v in node.values
            )
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and id(node) not in inside_fstrings):
            yield node, node.value


def _is_sqlite_connect(func: ast.expr) -> bool:
    return (isinstance(func, ast.Attribute) and func.attr == "connect"
            and isinstance(func.value, ast.Name) and func.value.id == "sqlite3")


def _lines(numbers: list[int]) -> str:
    return "line " + ", ".join(str(n) for n in sorted(set(numbers)))


def sizes(module: Module, max_module: int, max_function: int) -> Iterator[Breach]:
    """The module over ``max_module`` lines; each function (methods and nested ones
    included, decorators not) over ``max_function`` lines."""
    if module.lines > max_module:
        yield Breach("module-size", f"module-size: {module.name} is over {max_module} lines",
                     f"{module.lines} lines")
    for qualname, node in _functions(module.tree):
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        if length > max_function:
            yield Breach(
                "function-size",
                f"function-size: {module.name}.{qualname} is over {max_function} lines",
                f"{length} lines at line {node.lineno}",
            )


def _functions(node: ast.AST, prefix: str = "") -> Iterator[tuple[str, ast.AST]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            yield prefix + child.name, child
            yield from _functions(child, f"{prefix}{child.name}.")
        elif isinstance(child, ast.ClassDef):
            yield from _functions(child, f"{prefix}{child.name}.")
        else:
            yield from _functions(child, prefix)
