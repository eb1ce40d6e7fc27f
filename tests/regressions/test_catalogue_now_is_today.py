"""Regression: a date parameter of "now" bound the current second, so the same catalogue
question run twice a second apart (embedded store, then Oxigraph server, in the store parity
test) bound different ?asOf values and the parity check failed at random. "now" is today,
read as the end of the day like any other day."""

from datetime import UTC, datetime

import pytest

from kg.catalogue import convert


@pytest.mark.parametrize("word", ["now", "today", "Now"])
def test_now_is_the_whole_of_today(word: str) -> None:
    early = convert.parse_date(word, now=datetime(2026, 12, 2, 0, 0, 1, tzinfo=UTC))
    late = convert.parse_date(word, now=datetime(2026, 12, 2, 23, 59, 58, tzinfo=UTC))
    assert early == late
    assert early == convert.parse_date("2026-12-02")


def test_now_follows_the_day() -> None:
    before = convert.parse_date("now", now=datetime(2026, 12, 2, 23, 59, 59, tzinfo=UTC))
    after = convert.parse_date("now", now=datetime(2026, 12, 3, 0, 0, 0, tzinfo=UTC))
    assert before != after
