"""The fixed held-out fold of the labelled statements: split by source address, never tuned on.

Within each language, documents are ordered by a salted SHA-256 of their `url` and the first
fifth (rounded up) is held out. Splitting by address keeps restatements of one report on one
side; stratifying by language gives every language at least one held-out document. The salt and
the fraction are fixed: changing them would put texts the rules were written from into the fold.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

SALT = "diplowatch-holdout-v1 "
FRACTION = 0.2
FOLDS = ("tune", "holdout", "all")


def url_rank(url: str) -> str:
    return hashlib.sha256((SALT + url).encode("utf-8")).hexdigest()


def holdout_urls(docs: Iterable[dict]) -> set[str]:
    """Addresses of the held-out fold among `docs` (one labelled file set)."""
    by_lang: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        by_lang[doc.get("lang") or "?"].add(doc.get("url") or doc.get("id", ""))
    held: set[str] = set()
    for urls in by_lang.values():
        ranked = sorted(urls, key=url_rank)
        held.update(ranked[: math.ceil(len(ranked) * FRACTION)])
    return held


def select(docs: list[dict], fold: str) -> list[dict]:
    """The documents of `fold` ("tune", "holdout" or "all")."""
    if fold == "all":
        return docs
    held = holdout_urls(docs)
    keep = fold == "holdout"
    return [d for d in docs if ((d.get("url") or d.get("id", "")) in held) == keep]


def held_out_file(path: str) -> bool:
    """A file that is a held-out part of its own (the fresh set's ``holdout.jsonl``): its
    texts stay unread, as the held-out fold's do."""
    return Path(path).name.startswith("holdout")


def tuning_file(path: str) -> bool:
    """A file that is a tuning part of its own (the fresh set's ``tune.jsonl``): all of it may
    be tuned on."""
    return Path(path).name.startswith("tune")
