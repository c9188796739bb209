"""texts/wording.py: the one format of days, moments, dates in free text, plurals (Babel's CLDR
rules) and uptimes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from diplowatch import texts
from diplowatch.texts import wording

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)


@pytest.mark.parametrize(("when", "precision", "shown"), [
    (datetime(2008, 3, 4, 14, 5, tzinfo=UTC), "day", "4 Mar 2008"),
    ("2008-03-04", "month", "Mar 2008"), ("2008-03-04", "year", "2008"), ("2008-13-01", "day", "2008"),
    (datetime(2008, 3, 4, 23, 30, tzinfo=timezone(timedelta(hours=-3))), "day", "5 Mar 2008"),
    (None, "day", ""),
])
def test_day(when, precision, shown):
    assert wording.day(when, precision) == shown


@pytest.mark.parametrize(("when", "shown"), [
    (datetime(2008, 3, 4, 14, 5, tzinfo=UTC), "4 Mar 2008, 14:05 UTC"),
    (datetime(2008, 3, 4, 16, 5, tzinfo=timezone(timedelta(hours=2))), "4 Mar 2008, 14:05 UTC"),
    (datetime(2008, 3, 4, 14, 5), "4 Mar 2008, 14:05 UTC"),  # the store's naive times are UTC
    (datetime(2008, 3, 4, tzinfo=UTC), "4 Mar 2008"),  # a source that gives only the day
    (None, "date unknown"),
])
def test_moment(when, shown):
    assert wording.moment(when) == shown


def test_dates_in_free_text():
    assert wording.dates_in("Serbian President Vucic on 2023-01-04") == "Serbian President Vucic on 4 Jan 2023"
    assert wording.dates_in("ref 20230104, 2023-13-01") == "ref 20230104, 2023-13-01"


@pytest.mark.parametrize(("n", "en", "ru"), [
    (0, "0 UN member states recognize it", "0 государств"),
    (1, "1 UN member state recognizes it", "1 государство"),
    (2, "2 UN member states recognize it", "2 государства"),
    (21, "21 UN member states recognize it", "21 государство"),
    (1000, "1,000 UN member states recognize it", "1,000 государств"),
])
def test_plural_forms(n, en, ru):
    assert wording.plural(n, {"one": "{n} UN member state recognizes it",
                              "other": "{n} UN member states recognize it"}) == en
    assert wording.plural(n, {"one": "{n} государство", "few": "{n} государства",
                              "many": "{n} государств", "other": "{n} государства"}, lang="ru") == ru


@pytest.mark.parametrize(("seconds", "shown"), [
    (0, "just started"), (59, "just started"), (60, "for 1 minute"), (7200, "for 2 hours"),
    (86400 * 21, "for 21 days"),
])
def test_uptime(seconds, shown):
    assert texts.uptime(NOW - timedelta(seconds=seconds), now=NOW) == shown
