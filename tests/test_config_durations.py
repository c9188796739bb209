"""Durations as written in settings and sources files."""

import pytest

from diplowatch.config.durations import duration_seconds


@pytest.mark.parametrize(("text", "seconds"), [
    ("90s", 90), ("5m", 300), ("2h", 7200), ("120", 120), (" 3 m ", 180), ("0", 0),
    ("5d", None), ("m", None), ("-1m", None), ("", None),
])
def test_duration_seconds(text, seconds):
    assert duration_seconds(text) == seconds
