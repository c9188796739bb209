"""Keyword subscriptions: 1,000 keywords (800 words, 200 two-word phrases) against 1,000
statements of 10 KB, with store/keywords.py's index; the old rule (one regex search per
keyword and text) is timed on 20 texts and scaled to 1,000."""

from __future__ import annotations

import random
import re
import statistics
import time

from diplowatch.store.keywords import KeywordIndex

RUNS = 5


def corpus() -> tuple[set[str], list[str]]:
    rng = random.Random(3)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(5000)]
    keywords = set(rng.sample(vocab, 800))
    keywords |= {" ".join(rng.sample(vocab[:300], 2)) for _ in range(200)}
    texts = [" ".join(rng.choice(vocab[:2000]) for _ in range(1500))[:10240] for _ in range(1000)]
    return keywords, texts


def run() -> str:
    keywords, texts = corpus()
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        index = KeywordIndex(keywords)
        for text in texts:
            index.match(text)
        times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    for text in texts[:20]:
        folded = text.casefold()
        for k in keywords:
            re.search(rf"(?<!\w){re.escape(k)}(?!\w)", folded)
    old = (time.perf_counter() - t0) * len(texts) / 20
    return "\n".join([
        "## Keyword subscriptions",
        "",
        f"{len(keywords):,} keywords × {len(texts):,} statements of 10 KB, {RUNS} runs: "
        f"median **{statistics.median(times):.2f} s**, max {max(times):.2f} s (goal ≤ 1 s). "
        f"The regex per keyword and text it replaced: {old:.0f} s (20 texts, scaled).",
    ])
