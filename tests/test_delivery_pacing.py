"""delivery/pacing.py: the token bucket; the window of sends in flight, sized by rate ×
latency, never above its limit."""

import asyncio
import contextlib
import time

from diplowatch.delivery.pacing import SendWindow, TokenBucket
from tests.fakes.clock import Clock


async def _timed_send(window: SendWindow, clock: Clock, seconds: float) -> None:
    async with window.slot():
        clock.now += seconds


async def test_window_is_sized_by_rate_times_latency_within_its_limit():
    clock = Clock(0.0)
    window = SendWindow(rate=25, limit=8, samples=1, clock=clock)
    assert window.size == 1  # nothing measured yet
    await _timed_send(window, clock, 0.100)  # 25/s × 100 ms → 2.5 in flight needed, × 1.25
    assert window.size == 4
    await _timed_send(window, clock, 0.030)  # 0.75 × 1.25 → 1
    assert window.size == 1
    await _timed_send(window, clock, 2.0)  # a slow server: capped
    assert window.size == 8


async def test_a_stall_of_the_event_loop_does_not_open_the_window():
    """Every send looks slow while the loop is blocked; the median of recent sends is not
    moved by a few of them."""
    clock = Clock(0.0)
    window = SendWindow(rate=500, limit=8, clock=clock)
    for _ in range(40):
        await _timed_send(window, clock, 0.002)  # 500/s × 2 ms × 1.25 → 2
    assert window.size == 2
    for _ in range(8):
        await _timed_send(window, clock, 0.250)  # an ingest held the loop
    assert window.size == 2
    for _ in range(64):
        await _timed_send(window, clock, 0.020)  # the server really got slower
    assert window.size == 8


async def test_no_more_sends_in_flight_than_the_window_allows():
    clock = Clock(0.0)
    window = SendWindow(rate=200, limit=8, clock=clock)
    for _ in range(5):
        await _timed_send(window, clock, 0.010)  # 200/s × 10 ms × 1.25 → 3 in flight
    assert window.size == 3
    release, inside, peak = asyncio.Event(), 0, 0

    async def send() -> None:
        nonlocal inside, peak
        async with window.slot():
            inside += 1
            peak = max(peak, inside)
            await release.wait()
            inside -= 1

    tasks = [asyncio.create_task(send()) for _ in range(10)]
    for _ in range(5):
        await asyncio.sleep(0)
    assert inside == window.busy == 3  # the other 7 wait for a slot
    clock.now += 0.010
    release.set()
    await asyncio.gather(*tasks)
    assert peak == 3 and window.busy == 0


async def test_a_failed_send_frees_its_slot():
    window = SendWindow(rate=1, limit=1)

    async def failing() -> None:
        async with window.slot():
            raise ConnectionError

    for _ in range(3):
        with contextlib.suppress(ConnectionError):
            await failing()
    assert window.busy == 0
    await asyncio.wait_for(_timed_send(window, Clock(0.0), 0), timeout=1)


async def test_sends_slowed_by_each_other_do_not_open_the_window():
    """When this process is the bottleneck, overlapping sends queue behind each other and
    each looks slower the more there are; sized on them, the window opened to its limit and
    stayed there (the crash test at 500/s). Only sends that ran alone size it."""
    clock = Clock(0.0)
    window = SendWindow(rate=500, limit=8, clock=clock)
    for _ in range(20):
        await _timed_send(window, clock, 0.003)  # alone: 500/s × 3 ms × 1.25 → 2
    assert window.size == 2
    release = asyncio.Event()

    async def long_send() -> None:
        async with window.slot():
            await release.wait()

    holder = asyncio.create_task(long_send())
    await asyncio.sleep(0)
    for _ in range(64):
        await _timed_send(window, clock, 0.016)  # each started beside another send
    assert window.size == 2
    release.set()
    await holder
    for _ in range(64):
        await _timed_send(window, clock, 0.016)  # alone and slow: the server got slower
    assert window.size == 8


async def test_token_bucket_pause_voids_reserved_slots():
    bucket = TokenBucket(rate=20, burst=1)
    stamps: list[float] = []

    async def take():
        await bucket.acquire()
        stamps.append(time.monotonic())

    first = asyncio.create_task(take())
    await first
    waiters = [asyncio.create_task(take()) for _ in range(3)]
    await asyncio.sleep(0)
    bucket.pause(0.3)
    paused_at = time.monotonic()
    await asyncio.gather(*waiters)
    assert all(t >= paused_at + 0.29 for t in stamps[1:])
