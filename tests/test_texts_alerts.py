"""texts/alerts.py: the recognition headline agrees with its count and says "again" after a
withdrawal."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from diplowatch import texts
from diplowatch.ledger.model import Change

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)


@pytest.mark.parametrize(("remaining", "tail"), [
    (0, "0 UN member states still recognize it"), (1, "1 UN member state still recognizes it"),
    (2, "2 UN member states still recognize it"), (21, "21 UN member states still recognize it"),
])
def test_withdrawal_alert_agrees_with_its_count(remaining, tail):
    change = Change("new", 1, "TG", "XK", "withdraw", "", None, NOW, remaining=remaining)
    assert texts.recognition_headline(change).endswith(f" — {tail}")


def test_recognition_after_a_withdrawal_says_again():
    change = Change(kind="new", event_id=1, actor="BI", target="XK", act="recognize",
                    evidence="", source_url=None, reported_at=NOW, ordinal=85,
                    again_after=("2018-10-18", "year"))
    assert "Burundi recognizes Kosovo again, after withdrawing in 2018" in texts.recognition_headline(change)
