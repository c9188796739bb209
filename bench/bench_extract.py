"""Extractor throughput on a generated statement mix, and time against text length."""

from __future__ import annotations

import random
import statistics
import time

from diplowatch.extract import extract

STATES = ["Russia", "Syria", "North Korea", "Nicaragua", "Venezuela", "Spain", "Ireland",
          "Norway", "Kenya", "Serbia", "Israel", "Honduras", "Nauru", "Tuvalu", "Brazil"]
ENTITIES = ["Abkhazia", "South Ossetia", "Kosovo", "the State of Palestine", "Somaliland",
            "the Donetsk People's Republic", "Taiwan", "Transnistria", "Western Sahara"]
PLAIN = [
    "{s} and {t} signed a memorandum on agricultural cooperation in the capital on Tuesday.",
    "The foreign minister of {s} met his counterpart from {t} to discuss energy prices.",
    "Heavy rain caused flooding across the north of {s}, officials said.",
    "Trade between {s} and {t} grew by 4 percent last year, the statistics office reported.",
    "Министр иностранных дел обсудил с коллегами вопросы торговли и энергетики.",
    "El presidente de {s} inauguró una nueva planta de energía solar en el sur del país.",
]
EVENTS = [
    "{s} has formally recognized {e} as an independent state.",
    "{s} will never recognize {e}, the foreign ministry said on Monday.",
    "{s} urged {t} to recognize {e} without delay.",
    "Россия признала независимость Абхазии и Южной Осетии.",
]


def statements(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        s, t = rng.sample(STATES, 2)
        pool = EVENTS if rng.random() < 0.1 else PLAIN
        body = " ".join(rng.choice(pool).format(s=s, t=t, e=rng.choice(ENTITIES))
                        for _ in range(rng.randint(1, 4)))
        out.append(body)
    return out


def throughput(texts: list[str], runs: int = 5) -> float:
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for text in texts:
            extract(text)
        rates.append(len(texts) / (time.perf_counter() - start))
    return statistics.median(rates)


def by_length(runs: int = 3) -> list[tuple[str, int, float]]:
    base = " ".join(statements(4000, seed=11))
    rows = []
    for label, size in (("1 KB", 1_000), ("10 KB", 10_000), ("100 KB", 100_000),
                        ("1 MB", 1_000_000)):
        text = (base * (size // len(base) + 1))[:size]
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            extract(text, "en")
            times.append(time.perf_counter() - start)
        rows.append((label, size, statistics.median(times)))
    return rows


def run() -> str:
    texts = statements(5000)
    extract(texts[0])  # load the gazetteer and lexicons once
    extract("Россия признала Абхазию.")  # and the Russian analyzer
    rate = throughput(texts)
    lines = ["## Extraction", "",
             f"Generated mix of {len(texts)} statements (about 90 % without a recognition word), "
             "one core, median of 5 runs:", "",
             f"- **{rate:,.0f} statements/second**", "",
             "Time against text length (same mix, median of 3 runs):", "",
             "| text | seconds | µs per KB |", "| --- | --- | --- |"]
    for label, size, seconds in by_length():
        lines.append(f"| {label} | {seconds:.4f} | {seconds / (size / 1000) * 1e6:,.0f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
