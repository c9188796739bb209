"""The long-running commands freeze the heap start-up built (runtime.freeze_startup_heap), so
that a full garbage collection, which stops the event loop, scans only what came after."""

import gc

from diplowatch.config import Settings
from diplowatch.runtime import background, open_runtime


def collected(obj: object) -> bool:
    """Whether the collector still scans ``obj`` (frozen objects are in none of its lists)."""
    return any(o is obj for o in gc.get_objects())


async def test_background_freezes_what_start_up_built(tmp_path):
    sources = tmp_path / "sources.toml"  # one source the address check refuses: no network
    sources.write_text('[[sources]]\nname = "x"\nkind = "rss"\nurl = "http://127.0.0.1:9/x.xml"\n'
                       'interval = "1h"\n')
    gc.unfreeze()
    try:
        async with open_runtime(Settings(db_path=tmp_path / "t.db", sources_path=sources)) as rt:
            assert gc.get_freeze_count() == 0 and collected(rt.monitor)
            async with background(rt, sender=None):
                assert gc.get_freeze_count() > 0 and not collected(rt.monitor)
    finally:
        gc.unfreeze()  # the other tests' heaps are theirs
