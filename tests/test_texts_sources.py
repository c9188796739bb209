"""texts/sources.py: the `diplowatch sources list` table; its columns stay aligned whatever the times read."""

from datetime import UTC, datetime, timedelta

from diplowatch import texts
from diplowatch.models import Source, SourceState

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def test_columns_stay_aligned_when_a_time_is_wide():
    rows = [
        (Source("soon", "rss", "http://127.0.0.1/a"),
         SourceState("soon", last_ok_at=NOW, next_poll_at=NOW + timedelta(seconds=20))),
        (Source("later", "telegram", "http://127.0.0.1/b", interval=600),
         SourceState("later", last_ok_at=NOW - timedelta(hours=3), next_poll_at=NOW + timedelta(minutes=9))),
    ]
    lines = texts.sources_table(rows, now=NOW).splitlines()
    assert any("under a minute" in line for line in lines)  # the wide case is in the table
    starts = [line.index(health) for line, health in zip(lines, ["HEALTH", "ok", "ok"], strict=True)]
    assert len(set(starts)) == 1, lines
