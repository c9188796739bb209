"""Fan-out of one alert through delivery.Sender and python-telegram-bot to the fake Bot API.

The fake server runs in its own process (as Telegram is remote) with a global token-bucket
limit that answers 429 beyond it; the Sender is set to the same rate. Reported: achieved rate
(server-side, first to last accepted message) ÷ allowed rate, lost and duplicated messages,
429s and per-chat limit violations.

Two transports under PTB's Bot: its default HTTPXRequest (what `diplowatch run` uses) and a
small aiohttp-based BaseRequest defined here. The 20,000-chat run uses aiohttp, to measure the
sender rather than the HTTP client; httpx at the same rate is reported alongside.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[1]
FAST = dict(subscribers=20_000, rate=1000, runs=3)
HTTPX_FAST = dict(subscribers=5_000, rate=1000, runs=1)
REAL = dict(subscribers=1_000, rate=25, runs=1)
PAID = dict(subscribers=5_000, rate=1000, runs=3)
IN_FLIGHT = {"aiohttp": 8, "httpx": 8, "httpx-paid": 8}  # sends in flight at most, as `run` has it
TOKEN = "123456789:AAFakeTokenForBenchOnly-0123456789abcdef"  # given to the fake server below


def _aiohttp_request(connections: int = 16) -> Any:
    import aiohttp
    from telegram.error import NetworkError, TimedOut
    from telegram.request import BaseRequest

    class AiohttpRequest(BaseRequest):
        """Enough of a PTB transport for sendMessage (no file uploads)."""

        def __init__(self) -> None:
            self._session: aiohttp.ClientSession | None = None

        @property
        def read_timeout(self) -> float:
            return 5.0

        async def initialize(self) -> None:
            if self._session is None:
                self._session = aiohttp.ClientSession(
                    connector=aiohttp.TCPConnector(limit=connections)
                )

        async def shutdown(self) -> None:
            if self._session is not None:
                await self._session.close()
                self._session = None

        async def do_request(
            self,
            url,
            method,
            request_data=None,
            read_timeout=None,
            write_timeout=None,
            connect_timeout=None,
            pool_timeout=None,
        ):  # type: ignore[no-untyped-def]
            assert self._session is not None
            data = request_data.json_parameters if request_data is not None else None
            timeout = aiohttp.ClientTimeout(
                sock_read=read_timeout if isinstance(read_timeout, float | int) else 5.0
            )
            try:
                async with self._session.request(
                    method, url, data=data, timeout=timeout
                ) as response:
                    return response.status, await response.read()
            except TimeoutError as exc:
                raise TimedOut from exc
            except aiohttp.ClientError as exc:
                raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc

    return AiohttpRequest()


async def _start_server(rate: float) -> tuple[asyncio.subprocess.Process, int]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.fakes.bot_api",
        "--rate",
        str(rate),
        "--burst",
        str(max(2.0, rate / 10)),
        "--token",
        TOKEN,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        env={**os.environ, "PTB_TIMEDELTA": "1"},
    )
    assert proc.stdout is not None
    line = await asyncio.wait_for(proc.stdout.readline(), 20)
    return proc, int(line.split()[1])


async def _control(port: int, path: str, method: str = "GET") -> Any:
    import aiohttp

    async with (
        aiohttp.ClientSession() as http,
        http.request(method, f"http://127.0.0.1:{port}/_fake/{path}") as r,
    ):
        return await r.json()


async def _one_run(port: int, *, subscribers: int, rate: float, transport: str) -> dict[str, Any]:
    from telegram import Bot
    from telegram.request import HTTPXRequest

    from diplowatch.delivery import Sender, SendPolicy, telegram_send
    from diplowatch.store import chats, open_db, outbox

    await _control(port, "reset", "POST")
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "bench.db")
        now = datetime.now(UTC)
        with db.atomic():
            db.conn.executemany(
                "INSERT INTO chats (id, type, created_at) VALUES (?, 'private', ?)",
                [(chat_id, now.isoformat()) for chat_id in range(1, subscribers + 1)],
            )
        alert = outbox.create_alert(
            db, kind="event", text="<b>Nicaragua</b> recognizes <i>Abkhazia</i>", now=now
        )
        outbox.enqueue(db, alert, range(1, subscribers + 1), now=now)
        in_flight = IN_FLIGHT[transport]
        request = (_aiohttp_request() if transport == "aiohttp"
                   else HTTPXRequest(connection_pool_size=max(8, in_flight)))
        async with Bot(TOKEN, base_url=f"http://127.0.0.1:{port}/bot", request=request) as bot:
            send = telegram_send(bot, paid_broadcast=transport == "httpx-paid")
            sender = Sender(db, send, policy=SendPolicy(rate=rate, max_in_flight=in_flight))
            started = time.perf_counter()
            stats = await sender.drain_once(now=datetime.now(UTC))
            window = (sender.window.size, sender.window.latency or 0.0)
            wall = time.perf_counter() - started
        counts = outbox.state_counts(db)
        db.close()
    del chats
    server = await _control(port, "stats")
    span = (server["last_at"] - server["first_at"]) if server["messages"] > 1 else float("nan")
    achieved = (server["messages"] - 1) / span if span else float("nan")
    return {
        "achieved": achieved,
        "ratio": achieved / rate,
        "wall": wall,
        "lost": subscribers - server["unique_chats"],
        "duplicates": server["duplicates"],
        "rate_limited": server["rate_limited"],
        "violations": sum(server["violations"].values()) - server["rate_limited"],
        "unsent_rows": subscribers - counts["sent"],
        "flood_waits": stats.flood_waits,
        "window": window[0],
        "latency_ms": window[1] * 1000,
    }


async def _series(*, subscribers: int, rate: float, runs: int, transport: str) -> dict[str, Any]:
    proc, port = await _start_server(rate)
    try:
        results = [
            await _one_run(port, subscribers=subscribers, rate=rate, transport=transport)
            for _ in range(runs)
        ]
    finally:
        proc.terminate()
        await proc.wait()
    median = {
        key: statistics.median(r[key] for r in results)
        for key in ("achieved", "ratio", "wall", "window", "latency_ms")
    }
    median["range"] = (
        f"{min(r['ratio'] for r in results):.3f}–{max(r['ratio'] for r in results):.3f}"
    )
    worst = {
        key: max(r[key] for r in results)
        for key in ("lost", "duplicates", "rate_limited", "violations", "unsent_rows")
    }
    return {
        "subscribers": subscribers,
        "rate": rate,
        "runs": runs,
        "transport": transport,
        **median,
        **worst,
    }


def _row(r: dict[str, Any]) -> str:
    return (
        f"| {r['subscribers']:,} | {r['rate']:g}/s | {r['transport']} | {r['runs']} | {r['achieved']:.1f}/s "
        f"| **{r['ratio']:.3f}** ({r['range']}) | {r['wall']:.1f} s | {r['lost']} | {r['duplicates']} | {r['rate_limited']} "
        f"| {r['violations']} | {r['window']:g} ({r['latency_ms']:.1f} ms) |"
    )


def run() -> str:
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    rows = [
        asyncio.run(_series(**FAST, transport="aiohttp")),
        asyncio.run(_series(**HTTPX_FAST, transport="httpx")),
        asyncio.run(_series(**PAID, transport="httpx-paid")),
        asyncio.run(_series(**REAL, transport="httpx")),
    ]
    lines = [
        "## Delivery fan-out",
        "",
        "One alert to every subscriber through `delivery.Sender` → python-telegram-bot `Bot` → fake Bot API "
        "(separate process, 429 beyond its global limit). Sender rate = the server's limit; goal: "
        "achieved ÷ allowed ≥ 0.95 with nothing lost or duplicated. Achieved rate is measured by the "
        "server from the first to the last accepted message; figures are medians over the runs, "
        "losses/duplicates/429s the worst run.",
        "",
        "| subscribers | allowed | transport | runs | achieved | ratio (min–max) | wall | lost | dup | 429s | per-chat violations | sends in flight at the end (median latency) |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *(_row(r) for r in rows),
        "",
        "Since the sender sizes its sends in flight by need (`delivery.pacing.SendWindow`: rate × median "
        "latency of the sends that ran alone × 1.25, last column) and writes sent marks without an "
        "fsync, httpx (PTB's default transport, what `diplowatch run` uses) reached 0.95–1.00 of "
        "1,000/s in two morning runs on 25 Nov 2026 (0.953 and 1.002); before, each mark's fsync "
        "held it to 0.78. Later that day the shared machine ran about 7 % slower (feedparser-only "
        "4.37 s against 4.07 s) and the same row gave 0.86–0.89, with the window rule before and "
        "after the change to sends that ran alone alike: with httpx at 1,000/s the process itself "
        "is the bottleneck (a send takes about 8 ms from the sender's side, the window is at its "
        "limit of 8), so its speed is the machine's. Against the lighter aiohttp transport, or at "
        "25/s, one send in flight is enough. At Telegram's real rate (25/s) sending uses a few "
        "percent of a core. Dips below 1.0 at 1,000/s come from the shared machine stalling the "
        "event loop for longer than the sender's 50 ms catch-up burst.",
        "",
        "The httpx-paid row is `diplowatch run` with `DIPLOWATCH_PAID_BROADCAST=1`: every send "
        "carries `allow_paid_broadcast` (the fake meters those at the paid 1,000/s), with the "
        "same cap of 8 sends in flight. That cap bounds the rate at 8 ÷ the time a send takes: "
        "against Telegram (tens of ms a send) that is some 100–300/s, not 1,000. A higher cap was "
        "tried on 3 Dec 2026 (2,000 subscribers, 1,000/s, httpx, paid, interleaved runs, machine "
        "loaded at 5–7): cap 8 gave 101 and 92/s, cap 32 gave 63 and 49/s, cap 200 gave 34 and "
        "51/s, its window open to 200 at a median latency of 8.4–8.7 s. On a CPU-bound process the "
        "window sizes itself on its own queueing (the limit `SendWindow` documents), so the cap "
        "stays 8 until the window can tell network latency from its own.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
