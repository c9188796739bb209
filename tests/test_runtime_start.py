"""When it opens, the runtime starts the parse workers, off the event loop: started by
the first parse, the forkserver and its workers held the loop for 150-270 ms (the loop
benchmark, docs/benchmarks.md)."""

import asyncio

from diplowatch.config import Settings
from diplowatch.runtime import open_runtime
from diplowatch.sources import budget
from diplowatch.sources.budget import POOL_PARSER, close_parse_pool


async def test_starting_the_parse_workers_leaves_the_loop_running():
    close_parse_pool()
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.001)
            ticks += 1

    task = asyncio.create_task(tick())
    try:
        await POOL_PARSER.start()
    finally:
        task.cancel()
    assert ticks > 0  # the loop went on while the workers started
    assert budget._pool is not None and budget._pool.active
    close_parse_pool()


async def test_the_runtime_starts_the_parse_workers_before_anything_polls(tmp_path):
    sources = tmp_path / "sources.toml"  # one source the address check refuses: no network
    sources.write_text('[[sources]]\nname = "x"\nkind = "rss"\nurl = "http://127.0.0.1:9/x.xml"\n'
                       'interval = "1h"\n')
    close_parse_pool()
    assert budget._pool is None
    async with open_runtime(Settings(db_path=tmp_path / "t.db", sources_path=sources)):
        assert budget._pool is not None and budget._pool.active
