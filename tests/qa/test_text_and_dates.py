"""Normalisation and date phrases: no graph needed."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.qa.dates import find_dates
from kg.qa.engine import date_text
from kg.qa.text import Normaliser, fold, words

TODAY = dt.date(2026, 1, 15)


def test_fold_spells_out_ampersand_and_drops_possessives() -> None:
    assert words("Cheshire & Merseyside's ICB") == ["cheshire", "and", "merseyside", "icb"]
    assert fold("ICSs and CCGs") == "ics and ccg"


def test_plurals_and_acronym_plurals_share_a_key() -> None:
    normaliser = Normaliser({"ccg", "ics"})
    assert normaliser.key("Integrated Care Boards") == normaliser.key("integrated care board")
    assert normaliser.key("ccgs") == normaliser.key("CCG") == "ccg"
    assert normaliser.key("strategies") == normaliser.key("strategy")


@pytest.mark.parametrize(("text", "precision", "as_of", "shown"), [
    ("How many ICSs were there in 2018?", "year", dt.date(2018, 12, 31), "2018"),
    ("as of July 2022", "month", dt.date(2022, 7, 31), "2022-07"),
    ("on 1 July 2022", "day", dt.date(2022, 7, 1), "2022-07-01"),
    ("on July 1st, 2022", "day", dt.date(2022, 7, 1), "2022-07-01"),
    ("on 2022-07-01", "day", dt.date(2022, 7, 1), "2022-07-01"),
    ("right now", "now", TODAY, "now"),
    ("in 2018/19", "fy", dt.date(2019, 3, 31), "2019-03-31"),
    ("before 2020", "year", dt.date(2019, 12, 31), "2019-12-31"),
])
def test_date_phrases(text: str, precision: str, as_of: dt.date, shown: str) -> None:
    (found,) = find_dates(text, TODAY)
    assert (found.precision, found.as_of, date_text(found)) == (precision, as_of, shown)


def test_no_date_in_plain_numbers_or_may_the_verb() -> None:
    assert find_dates("What may the 42 ICBs do with 8 steps?", TODAY) == []
