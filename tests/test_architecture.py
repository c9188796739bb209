"""The house rules, checked on every run (the checker is tests/architecture.py).

Edit the tables here. A room is a module's first name inside ``diplowatch`` (``handlers`` for
diplowatch/handlers/core.py); a room named here that does not exist yet is harmless, a room
that exists and is not named fails with "add X to the layer table".

KNOWN_VIOLATIONS is what today's tree still breaks, listed exactly: the test fails on a new
breach and on a listed one that is gone, and prints the lines to add or remove.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.architecture import Breach, Rules, check, looks_like_sql, modules, sizes

# Top to bottom: a module may import its own layer and those below, never one above.
LAYERS: list[tuple[str, list[str]]] = [
    ("entry", ["__main__", "cli", "bot", "demo"]),
    ("runtime", ["runtime", "logs"]),
    ("front", ["handlers", "scheduler"]),
    ("flow", ["pipeline", "delivery", "review", "reprocess"]),
    ("domain", [
        "sources", "extract", "ledger", "charts", "texts", "names.resolve", "telegram_html",
        "ops", "labels", "opml", "source_health", "source_reports", "progress", "database",
    ]),
    ("store", ["store"]),
    # names: codes and display names, read from pycountry (the sources file checks a state
    # code with them); names.resolve, which reads the extractor's gazetteer, sits above.
    ("base", ["models", "config", "clock", "names", "data"]),
]

# Package → the rooms that may import it ("sources.fetch*": sources/fetch.py and its kin;
# sources/body.py reads fetch's response bodies).
_HTTP_ROOMS = ["sources.fetch*", "sources.body", "sources.transport", "runtime", "bot"]
THIRD_PARTY: dict[str, list[str]] = {
    "telegram": ["bot", "handlers", "delivery", "delivery_*"],
    "httpx": _HTTP_ROOMS,
    "aiohttp": _HTTP_ROOMS,
    "apscheduler": ["scheduler", "runtime"],
    "sqlite_utils": ["store"],
    "sqlite3": ["store"],
    "matplotlib": ["charts"],
}

RULES = Rules(
    layers=LAYERS,
    third_party=THIRD_PARTY,
    sql_rooms=["store"],
    max_module_lines=300,
    max_function_lines=40,
    size_exempt=["store.migrations"],
)

KNOWN_VIOLATIONS: list[str] = []

# Test infrastructure kept to the same size limits.
SIZED_TEST_PACKAGES = ["tests/fakes/bot_api", "tests/fakes/feed_server", "tests/chaos"]

RULE_NAMES = ["third-party", "sql", "sqlite3.connect", "tests-import", "layer", "unplaced",
              "module-size", "function-size"]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def breaches() -> list[Breach]:
    return check(ROOT, RULES)


@pytest.mark.parametrize("rule", RULE_NAMES)
def test_rule(breaches: list[Breach], rule: str) -> None:
    found = {b.key: b for b in breaches if b.rule == rule}
    known = {k for k in KNOWN_VIOLATIONS if k.startswith(f"{rule}: ")}
    new = [found[k] for k in sorted(found.keys() - known)]
    gone = sorted(known - found.keys())
    message = []
    if new:
        message.append("New breaches: fix them (or, if they must stay for now, add to "
                       "KNOWN_VIOLATIONS in tests/test_architecture.py):")
        message += [f'    "{b.key}",  # {b.where}' if b.where else f'    "{b.key}",' for b in new]
    if gone:
        message.append("Fixed: remove from KNOWN_VIOLATIONS in tests/test_architecture.py:")
        message += [f'    "{k}",' for k in gone]
    if message:
        pytest.fail("\n".join(message), pytrace=False)


def test_known_violations_name_a_rule_once() -> None:
    assert len(set(KNOWN_VIOLATIONS)) == len(KNOWN_VIOLATIONS)
    unknown = [k for k in KNOWN_VIOLATIONS if k.split(": ", 1)[0] not in RULE_NAMES]
    assert not unknown, f"not a rule ({', '.join(RULE_NAMES)}): {unknown}"


@pytest.mark.parametrize("package", SIZED_TEST_PACKAGES)
def test_test_infrastructure_keeps_the_size_limits(package: str) -> None:
    found = [str(b) for module in modules(ROOT, package)
             for b in sizes(module, RULES.max_module_lines, RULES.max_function_lines)]
    assert not found


def test_each_room_is_in_one_layer() -> None:
    rooms = [room for _, names in LAYERS for room in names]
    assert len(rooms) == len(set(rooms))


# ------------------------------------------------------------------ the checker itself

# A house that keeps every rule, with the exceptions it allows: telegram in handlers, SQL,
# sqlite3 and an upward import under TYPE_CHECKING in store, a long migration, English text
# that starts like SQL.
CLEAN = {
    "diplowatch/__init__.py": "",
    "diplowatch/__main__.py": "from diplowatch.cli import main\n",
    "diplowatch/cli.py": "from diplowatch import handlers\nimport diplowatch.store.chats\n",
    "diplowatch/handlers/__init__.py": "from .core import start\n",
    "diplowatch/handlers/core.py": (
        "import telegram\n"
        "from .. import texts\n"
        "from ..store import chats\n"
        "HELP = 'Select a source from the list, then update your subscriptions.'\n"
        "def start(update):\n"
        "    return texts.hello()\n"
    ),
    "diplowatch/texts.py": "GREETING = 'Delete from your list with /unfollow'\ndef hello():\n    return 'hi'\n",
    "diplowatch/ledger/__init__.py": "from diplowatch.models import Event\n",
    "diplowatch/store/__init__.py": (
        "from __future__ import annotations\n"
        "import sqlite3\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from diplowatch.handlers import core\n"
        "def open_db(path):\n"
        "    return sqlite3.connect(path)\n"
    ),
    "diplowatch/store/chats.py": "ROWS = 'SELECT id FROM chats WHERE active = 1'\n",
    "diplowatch/store/migrations.py": "def m1(db):\n" + "    db.execute('PRAGMA x')\n" * 60,
    "diplowatch/models.py": "class Event:\n    pass\n",
    "bench/__init__.py": "",
    "bench/bench_x.py": "from diplowatch.store import open_db\n",
}


def _house(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def _keys(root: Path) -> set[str]:
    return {b.key for b in check(root, RULES)}


def test_clean_house_reports_nothing(tmp_path: Path) -> None:
    assert check(_house(tmp_path, CLEAN), RULES) == []


@pytest.mark.parametrize(
    ("planted", "expected"),
    [
        pytest.param({"diplowatch/store/group.py": "from diplowatch.handlers import core\n"},
                     "layer: diplowatch.store.group (store) imports diplowatch.handlers (front)",
                     id="store-imports-handlers"),
        pytest.param({"diplowatch/store/group.py": "from ..handlers.core import start\n"},
                     "layer: diplowatch.store.group (store) imports diplowatch.handlers (front)",
                     id="relative-upward-import"),
        pytest.param({"diplowatch/ledger/__init__.py": "def f():\n    from diplowatch import cli\n"},
                     "layer: diplowatch.ledger (domain) imports diplowatch.cli (entry)",
                     id="upward-import-inside-a-function"),
        pytest.param({"diplowatch/handlers/sql.py": "Q = 'select count(*) from chats'\n"},
                     "sql: diplowatch.handlers.sql has SQL text", id="handler-with-sql"),
        pytest.param({"diplowatch/handlers/sql.py":
                      "def q(t):\n    return f'INSERT INTO {t} (a) VALUES (?)'\n"},
                     "sql: diplowatch.handlers.sql has SQL text", id="sql-in-an-f-string"),
        pytest.param({"diplowatch/ledger/__init__.py": "import sqlite3\nc = sqlite3.connect('x')\n"},
                     "sqlite3.connect: diplowatch.ledger opens a connection", id="connect"),
        pytest.param({"diplowatch/ledger/__init__.py": "import sqlite3\n"},
                     "third-party: diplowatch.ledger imports sqlite3", id="sqlite3-in-ledger"),
        pytest.param({"bench/bench_x.py": "from tests.fakes.bot_api import FakeBotAPI\n"},
                     "tests-import: bench.bench_x imports tests.fakes.bot_api",
                     id="bench-imports-tests"),
        pytest.param({"diplowatch/texts.py": "import tests\n"},
                     "tests-import: diplowatch.texts imports tests", id="package-imports-tests"),
        pytest.param({"diplowatch/ledger/__init__.py": "from telegram import Bot\n"},
                     "third-party: diplowatch.ledger imports telegram", id="telegram-in-ledger"),
        pytest.param({"diplowatch/ledger/__init__.py": "def long():\n" + "    x = 1\n" * 40},
                     "function-size: diplowatch.ledger.long is over 40 lines",
                     id="41-line-function"),
        pytest.param({"diplowatch/ledger/__init__.py":
                      "class Ledger:\n    def long(self):\n" + "        x = 1\n" * 40},
                     "function-size: diplowatch.ledger.Ledger.long is over 40 lines",
                     id="41-line-method"),
        pytest.param({"diplowatch/models.py": "x = 1\n" * 301},
                     "module-size: diplowatch.models is over 300 lines", id="301-line-module"),
        pytest.param({"diplowatch/names/__init__.py": "",
                      "diplowatch/names/codes.py": "from diplowatch.extract import gazetteer\n"},
                     "layer: diplowatch.names.codes (base) imports diplowatch.extract (domain)",
                     id="submodule-takes-its-room-layer"),
        pytest.param({"diplowatch/gadgets.py": ""},
                     "unplaced: diplowatch.gadgets: add gadgets to the layer table",
                     id="module-not-in-the-table"),
    ],
)
def test_planted_breach_is_reported(tmp_path: Path, planted: dict[str, str],
                                    expected: str) -> None:
    assert expected in _keys(_house(tmp_path, {**CLEAN, **planted}))


def test_a_submodule_named_in_the_table_has_its_own_layer(tmp_path: Path) -> None:
    """names.resolve sits above names (it reads the extractor's gazetteer): allowed there only."""
    files = {"diplowatch/names/__init__.py": "", "diplowatch/extract/__init__.py": "",
             "diplowatch/names/resolve.py": "from diplowatch.extract import gazetteer\n"}
    assert check(_house(tmp_path, {**CLEAN, **files}), RULES) == []


def test_limits_are_inclusive(tmp_path: Path) -> None:
    """40 lines of function and 300 of module are allowed."""
    files = {"diplowatch/models.py": "def f():\n" + "    x = 1\n" * 39 + "y = 2\n" * 260}
    assert check(_house(tmp_path, {**CLEAN, **files}), RULES) == []


@pytest.mark.parametrize("text", [
    "SELECT id FROM statements WHERE id > ?", "select 1", "PRAGMA integrity_check",
    "INSERT OR IGNORE INTO chats (id) VALUES (?)", "UPDATE sources SET paused = 1",
    "DELETE FROM outbox WHERE id = ?", "CREATE VIRTUAL TABLE t USING fts5(x)",
    "WITH recent AS (SELECT 1) SELECT * FROM recent", "SELECT count(*) FROM alerts",
])
def test_sql_is_recognised(text: str) -> None:
    assert looks_like_sql(text)


@pytest.mark.parametrize("text", [
    "Select a source from the list", "Update your subscriptions with /follow",
    "Delete from your list", "With Togo, 12 states recognize it.", "Pragmatic choice",
    "create a new source", "replace", "with", "", "Selected from 3 sources",
])
def test_english_is_not_sql(text: str) -> None:
    assert not looks_like_sql(text)
