"""Search over 1,000,000 statements: p50/p95 of "newest 20 matching WORDS", and the db size.

Statements are generated from a vocabulary with a Zipf-like spread, so some query words match
hundreds of thousands of rows and others a handful; they are inserted through the same schema
(FTS5 triggers included). Queries run through `store.statements.search`.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

N = 1_000_000
QUERIES = ["ministry", "recognition", "recognition kosovo", "abkhazia", "referendum",
           "признание", "визнання", "independence republic", "statement", "zzzunknown", "recogn*",
           "sovereignty donetsk", "sta*", "con*", "min*", "statem*", "statemen*", "statements*",
           "ministr*", "recognit*", "statemenz*", "statemen* ministry", '"foreign statemen"*',
           "sta* ministry foreign affairs delegation talks cooperation trade"]
REPEATS = 20

WORDS = ["ministry", "statement", "foreign", "affairs", "delegation", "talks", "cooperation", "trade", "education", "region", "situation", "humanitarian", "security", "council", "meeting", "visit", "minister", "president", "government", "agreement", "memorandum", "embassy", "ambassador", "consultations"]
RARE = ["recognition", "independence", "sovereignty", "referendum", "kosovo", "abkhazia", "ossetia", "donetsk", "luhansk", "transnistria", "somaliland", "taiwan", "palestine", "sahara", "признание", "визнання", "независимость", "республика"]


def build(path: Path, n: int = N) -> float:
    from diplowatch.store import iso, open_db

    db = open_db(path)
    rng = random.Random(7)
    start, base = time.perf_counter(), datetime(2020, 1, 1, tzinfo=UTC)
    rows = []
    for i in range(n):
        words = rng.choices(WORDS, k=30) + rng.sample(RARE, k=rng.choice((0, 0, 0, 1, 2)))
        rng.shuffle(words)
        when = iso(base + timedelta(minutes=i * 3 + rng.randint(0, 600)))
        rows.append((f"s{i % 500}", f"guid:{i}", f"https://e.example/{i}", " ".join(words[:6]),
                     " ".join(words), when, when, when, f"{i:032x}"))
        if len(rows) == 20_000:
            _flush(db, rows)
    _flush(db, rows)
    db.execute("PRAGMA optimize")
    db.close()
    return time.perf_counter() - start


def _flush(db, rows: list) -> None:
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO statements (source, key, url, title, text, published_at, fetched_at, "
            "sort_at, content_hash) VALUES (?,?,?,?,?,?,?,?,?)", rows)
    rows.clear()


def run() -> str:
    from diplowatch.store import open_db
    from diplowatch.store.statements import search

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.db"
        build_s = build(path)
        size = sum(p.stat().st_size for p in Path(tmp).glob("search.db*")) / 2**20
        db = open_db(path)
        lines, all_times, worst = [], [], 0.0
        for words in QUERIES:
            times = []
            for _ in range(REPEATS):
                t0 = time.perf_counter()
                hits = search(db, words, limit=20)
                times.append((time.perf_counter() - t0) * 1000)
            matches = db.execute("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?",
                                 [_q(words)]).fetchone()[0]
            all_times += times
            worst = max(worst, _p95(times))
            lines.append(f"| `{words}` | {matches:,} | {len(hits)} | {statistics.median(times):.1f} | {_p95(times):.1f} |")
        db.close()
    return "\n".join([
        f"## Search over {N:,} statements",
        "",
        f"Database {size:,.0f} MiB (built in {build_s:.0f} s). Newest 20 matching, {REPEATS} runs per query.",
        "",
        "| words | rows matching | returned | p50 ms | p95 ms |",
        "| --- | ---: | ---: | ---: | ---: |",
        *lines,
        "",
        f"All queries together: p50 **{statistics.median(all_times):.1f} ms**, p95 "
        f"**{_p95(all_times):.1f} ms**; the slowest query's p95: **{worst:.1f} ms** (goal: every "
        "accepted query p95 ≤ 50 ms).",
        "",
        "Prefixes of 3 to 6 letters read their own prefix index (migration m013, `prefix='3 4 5 6'`);",
        "before it, `sta*`, `con*`, `min*` merged the row lists of every word they begin (58–260 ms",
        "median here). A longer prefix is read through the index of its first 6 letters, keeping",
        "the rows in which a matched word begins with the whole prefix; when the first 100 rows",
        "show it rarely (`statemenz*`), FTS5's own merge of the words it begins answers, which is",
        "short then. Before, `statemen*` (a word in 72 % of the rows) merged: 90 ms median.",
    ])


def _q(words: str) -> str:
    from diplowatch.store.statements import fts_query

    return fts_query(words)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]
