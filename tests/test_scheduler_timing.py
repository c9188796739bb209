"""When a source is due: the backoff after failures."""

import pytest

from diplowatch.models import Source
from diplowatch.scheduler import backoff_seconds


@pytest.mark.parametrize(("errors", "retry_after", "expected"), [
    (0, None, 300), (1, None, 600), (3, None, 2400), (20, None, 6 * 3600), (0, 7200, 7200)])
def test_backoff(errors, retry_after, expected):
    source = Source(name="s", kind="rss", url="https://e.example", interval=300)
    assert backoff_seconds(source, errors, retry_after=retry_after) == expected
