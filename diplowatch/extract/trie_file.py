"""The gazetteer's token trie, saved ready to load (diplowatch/data/gazetteer/gazetteer.trie).

Parsing gazetteer.json and building the trie from it took longer than all the rest of a one-line
`diplowatch extract` (docs/benchmarks.md, "cold start"). build_gazetteer therefore also writes
the trie itself: one marshal blob per first token, so that a text unpacks only the branches of
the tokens it contains. The file names the SHA-256 of the gazetteer.json it was made from, and
the marshal version that wrote it. When either does not match (the JSON was edited without a
rebuild, another Python wrote the file) or the file cannot be read, the caller builds the trie
from the JSON as before: slower, never wrong.
"""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path
from typing import Any

FORMAT = 1
END = "\0"  # the key under which a trie node holds the entry of the name ending there


def build(keys: dict[str, list]) -> dict:
    """The token trie of gazetteer.json's keys: token → node, END → (kind, codes, case, lower)."""
    trie: dict = {}
    for key, (kind, codes, case, lower) in keys.items():
        node = trie
        for part in key.split(" "):
            node = node.setdefault(part, {})
        node[END] = (kind, tuple(codes), case, lower)
    return trie


def dump(trie: dict, source: bytes) -> bytes:
    """The file's bytes for ``trie``, built from the JSON whose bytes are ``source``."""
    branches = {token: marshal.dumps(node) for token, node in trie.items()}
    return marshal.dumps({"format": FORMAT, "marshal": marshal.version,
                          "source": _digest(source), "branches": branches})


def load(path: Path, source: bytes) -> Branches | None:
    """The saved trie, if ``path`` holds one made from ``source`` by this marshal; else None."""
    try:
        saved = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(saved, dict) and saved.get("format") == FORMAT
            and saved.get("marshal") == marshal.version
            and saved.get("source") == _digest(source)
            and isinstance(saved.get("branches"), dict)):
        return None
    return Branches(saved["branches"])


class Branches(dict):
    """The trie's root: first token → branch, each branch unpacked the first time it is read."""

    def __getitem__(self, token: str) -> Any:
        node = super().__getitem__(token)
        if isinstance(node, bytes):
            node = marshal.loads(node)
            super().__setitem__(token, node)
        return node

    def get(self, token: str, default: Any = None) -> Any:
        try:
            return self[token]
        except KeyError:
            return default


def _digest(source: bytes) -> str:
    return hashlib.sha256(source).hexdigest()
