"""Load: a poll cycle of 1,000 sources and a broadcast to 20,000 chats at the same time.

Issue 6 target: the monitor's poll latency unaffected (p95 scheduled-to-started ≤ 2 s).

Everything product-side is the real thing, composed as `diplowatch run` composes it:
`runtime.open_runtime` (store, httpx fetch client, parse worker pool), `bot.build_application`
(PTB with its default httpx transport and AIORateLimiter) and `runtime.background` (an
AsyncIOScheduler with `Monitor.schedule`'s one job per source, and `Sender.run`), in one
process and one event loop. The lag figures come from `Monitor.poll_lag()`.

- Feeds: bench_monitor's loopback feed server (own process, 8 loopback hosts), 1,000 RSS feeds
  × 20 items; four of them also carry a new recognition, so four polls each fan an alert out
  to all 20,000 chats (20,000 outbox rows written in the poll's transaction).
- Schedule: sources have `interval = "5m"` and a fresh database, so `Monitor.schedule` itself
  puts the first runs uniformly over the first 30 s (jitter = interval / 10). That is the
  densest the product ever polls 1,000 sources (a start or restart; later runs drift apart),
  so it is used as the window rather than a wider, artificial one.
- Broadcast: 20,000 private chats, each subscribed to all recognitions, and one alert queued to
  all of them before the scheduler starts, so sending starts with the poll window; the feed
  alerts queue more behind it. Sent through the fake Bot API server (its own process).
- Scenarios, each in a fresh child process with a fresh database and the same random seed per
  run (the same first-run times): baseline (no Sender: the monitor alone, as
  `run --headless`), stress (1,000 msg/s, the fake server's limit and the highest
  DIPLOWATCH_SEND_RATE allowed), realistic (25 msg/s, the default; Telegram allows about 30).
- Measured from the scheduler's start until the 1,000th poll has finished: poll lag
  (scheduled → fetch started), messages/s, event-loop lag (a 100 ms ticker's lateness), CPU of
  the process and its descendants (parse workers included, read from /proc), peak RSS of the
  main process, and the CPU the two fake servers used meanwhile (they share the machine).
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import bench_monitor
from bench.proc import tree_cpu

ROOT = Path(__file__).parents[1]
SOURCES, CHATS, RUNS = bench_monitor.SOURCES, 20_000, 3
STRESS_RATE, REAL_RATE = 1000.0, 25.0
TARGET_P95 = 2.0
# (source number, recognition statement): each is new to the ledger, so each alerts every chat.
RECOGNITIONS = {
    100: "The Republic of Ghana recognizes the independence of the Republic of Abkhazia.",
    350: "The Republic of Ghana recognizes Somaliland as an independent state.",
    600: "The Republic of Ghana recognizes the independence of South Ossetia.",
    850: "The Republic of Ghana recognizes the Republic of Artsakh as an independent state.",
}


def feed(n: int) -> bytes:
    """bench_monitor's feed, plus one recognition item for the sources in RECOGNITIONS."""
    body = bench_monitor.feed(n)
    if n not in RECOGNITIONS:
        return body
    item = (f"<item><guid>urn:bench:{n}:recognition</guid><title>Statement of the Ministry {n}"
            f"</title><link>http://mfa{n}.example/press/recognition</link>"
            f"<description>{RECOGNITIONS[n]}</description></item>").encode()
    return body.replace(b"</channel>", item + b"</channel>")


# ---- CPU of a process tree ---------------------------------------------------------------------

# ---- one scenario (child process) --------------------------------------------------------------

def _control(bot_port: int, path: str, method: str = "GET") -> Any:
    request = urllib.request.Request(f"http://127.0.0.1:{bot_port}/_fake/{path}", method=method)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def _subscribe_everyone(db: Any) -> None:
    from diplowatch.store import outbox

    now = datetime.now(UTC)
    with db.atomic():
        db.conn.executemany("INSERT INTO chats (id, type, created_at) VALUES (?, 'private', ?)",
                            [(chat, now.isoformat()) for chat in range(1, CHATS + 1)])
        db.conn.executemany(
            "INSERT INTO subscriptions (chat_id, kind, value, created_at) VALUES (?, 'all', '', ?)",
            [(chat, now.isoformat()) for chat in range(1, CHATS + 1)])
    alert = outbox.create_alert(db, kind="event", text="<b>Nicaragua</b> recognizes <i>Abkhazia</i>",
                                now=now)
    outbox.enqueue(db, alert, range(1, CHATS + 1), now=now)


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    rank = lambda q: ordered[max(0, math.ceil(q * len(ordered)) - 1)]  # noqa: E731
    return {"p50": rank(0.5), "p95": rank(0.95), "max": ordered[-1]}


def child(db: str, sources: str, rate: float, bot_port: int, seed: int) -> None:
    """One scenario; prints its figures as JSON. rate 0: no broadcast (baseline)."""
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    from diplowatch.bot import build_application
    from diplowatch.config import load_settings
    from diplowatch.delivery import Sender, SendPolicy, telegram_send
    from diplowatch.runtime import background, open_runtime

    random.seed(seed)  # the same first-run times in every scenario of a run
    settings = load_settings({
        "DIPLOWATCH_DB": db, "DIPLOWATCH_SOURCES": sources, "DIPLOWATCH_ALLOW_PRIVATE_NETWORKS": "1",
        "DIPLOWATCH_TELEGRAM_TOKEN": "123456789:AAFakeTokenForTestsOnly-0123456789abcdef",
        "DIPLOWATCH_TELEGRAM_API_URL": f"http://127.0.0.1:{bot_port}/bot",
        "DIPLOWATCH_SEND_RATE": str(rate or REAL_RATE), "DIPLOWATCH_LOG_LEVEL": "WARNING",
    })

    async def main() -> dict[str, Any]:
        async with open_runtime(settings) as rt:
            _subscribe_everyone(rt.db)
            monitor, outcomes, done = rt.monitor, [], asyncio.Event()
            real_poll = monitor.poll

            async def poll(name: str, *, force: bool = False) -> Any:  # counts finished polls
                outcome = await real_poll(name, force=force)
                outcomes.append(outcome)
                if len(outcomes) == SOURCES:
                    done.set()
                return outcome

            monitor.poll = poll  # type: ignore[method-assign]  # schedule() binds self.poll
            app, sender, sent_at = None, None, []
            if rate:
                _control(bot_port, "reset", "POST")
                app = build_application(settings)
                await app.initialize()
                send = telegram_send(app.bot)

                async def timed_send(chat_id: int, text: str, *, parse_mode: str | None) -> int:
                    message_id = await send(chat_id, text, parse_mode=parse_mode)
                    sent_at.append(time.monotonic())
                    return message_id

                sender = Sender(rt.db, timed_send, policy=SendPolicy(rate=settings.send_rate))
            loop, ticks, stop_ticking = asyncio.get_running_loop(), [], asyncio.Event()

            async def ticker() -> None:
                while not stop_ticking.is_set():
                    before = loop.time()
                    await asyncio.sleep(0.1)
                    ticks.append(loop.time() - before - 0.1)

            cpu0, t0 = tree_cpu(os.getpid()), time.monotonic()
            tick_task = asyncio.create_task(ticker())
            async with background(rt, sender=sender):
                await asyncio.wait_for(done.wait(), timeout=240)
                window = time.monotonic() - t0
                cpu = tree_cpu(os.getpid()) - cpu0
                stop_ticking.set()
            await tick_task
            if app is not None:
                await app.shutdown()
            lag = monitor.poll_lag()
            lags = list(monitor._lags)  # the same window poll_lag() summarises
            server = _control(bot_port, "stats") if rate else {}
            in_window = sum(1 for t in sent_at if t <= t0 + window)
            return {
                "window": window, "cpu": cpu, "polls": len(outcomes), "lag_count": lag.count,
                "lag_missed": lag.missed, "lag": {"p50": lag.p50, "p95": lag.p95, "max": lag.max},
                "over_2s": sum(1 for x in lags if x > TARGET_P95),
                "loop": _summary(ticks), "statuses": sorted({o.status for o in outcomes}),
                "new": sum(o.new for o in outcomes),
                "errors": [o.reason for o in outcomes if o.status == "error"][:3],
                "messages": in_window, "msg_rate": in_window / window,
                "rate_limited": server.get("rate_limited", 0),
            }

    result = asyncio.run(main())
    result["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


# ---- the series (parent process) ---------------------------------------------------------------

def _run_child(tmp: Path, name: str, sources: Path, rate: float, bot_port: int, seed: int,
               fakes: list[int]) -> dict[str, Any]:
    fake_cpu0 = sum(tree_cpu(pid) for pid in fakes)
    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_load", "child", str(tmp / f"{name}.db"), str(sources),
         str(rate), str(bot_port), str(seed)],
        capture_output=True, text=True, cwd=ROOT,
    )
    if out.returncode:
        raise RuntimeError(f"bench_load child {name} failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["fakes_cpu"] = sum(tree_cpu(pid) for pid in fakes) - fake_cpu0
    print(f"  {name}: {json.dumps(result)}", flush=True)
    return result


def _free_port() -> int:
    """A port free on all of bench_monitor's loopback hosts (other benchmarks may be running)."""
    for _ in range(100):
        port = random.randrange(20000, 32000)
        try:
            for h in range(bench_monitor.HOSTS):
                with socket.socket() as probe:
                    probe.bind((f"127.0.0.{h + 1}", port))
        except OSError:
            continue
        return port
    raise RuntimeError("no free port for the feed server")


def run() -> str:
    port = _free_port()
    feeds = subprocess.Popen([sys.executable, "-m", "bench.bench_load", "serve", str(port)],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT)
    bot = subprocess.Popen(
        [sys.executable, "-m", "tests.fakes.bot_api", "--rate", str(STRESS_RATE), "--burst",
         str(STRESS_RATE / 10)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "PTB_TIMEDELTA": "1"})
    started = time.monotonic()
    try:
        assert feeds.stdout is not None and feeds.stdout.readline().strip() == "ready"
        assert bot.stdout is not None
        bot_port = int(bot.stdout.readline().split()[1])
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            sources = tmp / "sources.toml"
            sources.write_text(bench_monitor.sources_toml(port))
            fakes = [feeds.pid, bot.pid]
            rows: dict[str, list] = {"baseline": [], "stress": [], "real": []}
            for run_no in range(RUNS):
                for name, rate in (("baseline", 0.0), ("stress", STRESS_RATE)):
                    rows[name].append(_run_child(tmp, f"{name}{run_no}", sources, rate, bot_port,
                                                 run_no, fakes))
            rows["real"].append(_run_child(tmp, "real0", sources, REAL_RATE, bot_port, 0, fakes))
    finally:
        for proc in (feeds, bot):
            proc.terminate()
            proc.wait()
    return _report(rows, time.monotonic() - started)


def _report(rows: dict[str, list], total: float) -> str:
    def med(name: str, *path: str) -> float:
        values = []
        for r in rows[name]:
            value = r
            for key in path:
                value = value[key]
            values.append(value)
        return statistics.median(values)

    def line(label: str, name: str, rate: str) -> str:
        n = len(rows[name])
        return (f"| {label} | {n} | {rate} | {med(name, 'lag', 'p50'):.3f} | "
                f"**{med(name, 'lag', 'p95'):.3f}** | {med(name, 'lag', 'max'):.2f} | "
                f"{med(name, 'msg_rate'):.0f}/s | {med(name, 'loop', 'p95') * 1000:.0f} | "
                f"{med(name, 'loop', 'max') * 1000:.0f} | {med(name, 'window'):.1f} | "
                f"{med(name, 'cpu'):.1f} | {med(name, 'fakes_cpu'):.1f} | {med(name, 'rss_mib'):.0f} |")

    stress_p95 = med("stress", "lag", "p95")
    runs = lambda name, *path: ", ".join(  # noqa: E731
        f"{r[path[0]][path[1]]:.2f}" for r in rows[name])
    first = rows["stress"][0]
    verdict = "met" if stress_p95 <= TARGET_P95 else "**not met**"
    return "\n".join([
        f"## Load: poll cycle of {SOURCES:,} sources during a broadcast to {CHATS:,} chats",
        "",
        "One process, one event loop, composed as `diplowatch run` composes it "
        "(`open_runtime` → `build_application` → `background`: APScheduler jobs from "
        "`Monitor.schedule` + `Sender.run`, PTB's httpx transport). Feeds: bench_monitor's "
        f"loopback server, {SOURCES:,} × 20 items, 4 feeds with a new recognition (each fans an "
        f"alert out to all {CHATS:,} chats in its poll's transaction). Fresh database, "
        "`interval = \"5m\"`: `Monitor.schedule` spreads the first runs over 30 s (jitter = "
        "interval / 10), the densest the product polls (a start or restart). One alert is queued "
        f"to all {CHATS:,} chats before the scheduler starts, so the broadcast starts with the "
        "window. The window ends when the 1,000th poll finishes. Each scenario in a fresh child "
        "process, the same seed (same first-run times) per run; figures are medians over runs.",
        "",
        "| scenario | runs | send rate | poll lag p50 s | p95 s | max s | messages/s in window | "
        "loop lag p95 ms | max ms | window s | CPU s | fake servers' CPU s | peak RSS MiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        line("baseline: monitor alone (no Sender)", "baseline", "—"),
        line("stress: + broadcast at 1,000 msg/s", "stress", f"{STRESS_RATE:g}/s"),
        line("realistic: + broadcast at 25 msg/s", "real", f"{REAL_RATE:g}/s"),
        "",
        f"- Target p95 ≤ {TARGET_P95:g} s under the stress broadcast: {verdict} "
        f"(median {stress_p95:.3f} s; runs {runs('stress', 'lag', 'p95')}; baseline runs "
        f"{runs('baseline', 'lag', 'p95')}).",
        f"- Polls with lag > {TARGET_P95:g} s, stress runs: "
        f"{', '.join(str(r['over_2s']) for r in rows['stress'])} of {SOURCES:,}; runs missed by "
        f"APScheduler: {sum(r['lag_missed'] for k in rows for r in rows[k])}.",
        f"- Stress run 1: {first['polls']} polls ({first['statuses']}, errors {first['errors']}), "
        f"{first['new']:,} statements stored, {first['messages']:,} messages sent in the window, "
        f"{first['rate_limited']} answered 429.",
        "- CPU is the product process and its descendants (parse workers included); the fake "
        "servers (feeds, Bot API) run beside it on the same cores and are counted apart. Peak "
        "RSS is the main process.",
        f"- Whole benchmark: {total:.0f} s.",
        "",
        "Where the lag comes from (instrumented stress run, 2026-11-25): almost all of it is "
        "APScheduler waking late because the event loop is busy with other callbacks (p95 "
        "≈ 0.03–0.12 s); starting the job's task adds ~2 ms and the 64-slot poll semaphore never "
        "made a poll wait (p95 0.3 ms). The maximum (~0.2 s, the same with and without the "
        "broadcast) and the loop-lag maximum are the four polls that fan a recognition out: "
        "`pipeline.ingest_batch` writes 20,000 outbox rows in the transaction of the poll's "
        "group commit, on the loop (130–290 ms; since polls share commits, 25 Nov 2026, the "
        "group's other writes add a few ms). The broadcast raises the lag little because the "
        "Sender's work comes in small steps, but it is CPU-bound: PTB + httpx + AIORateLimiter "
        "+ a sent mark per message reach about 60 % of 1,000/s while the polls run (the "
        "delivery benchmark's httpx row without polling: 0.95–1.0). The broadcast gives way, "
        "not the monitor. At "
        "Telegram's real rate (25/s) the lag is the baseline's.",
    ])


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        bench_monitor.serve(int(sys.argv[2]), body=feed)
    elif sys.argv[1] == "child":
        child(sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
