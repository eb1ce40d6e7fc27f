"""Comparisons a yes/no question makes with a figure: "Does BOB serve more than 2 million
people?", "Are there fewer than 50 ICSs?". The graph states figures; the question states a
bound; the verdict is the comparison, never a guess from the words alone."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

_OPERATORS: dict[str, Callable[[float, float], bool]] = {
    "more": operator.gt, "greater": operator.gt, "larger": operator.gt,
    "bigger": operator.gt, "higher": operator.gt, "over": operator.gt, "above": operator.gt,
    "fewer": operator.lt, "less": operator.lt, "smaller": operator.lt, "lower": operator.lt,
    "under": operator.lt, "below": operator.lt,
}
_SCALE = {"million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3, "billion": 1e9, "bn": 1e9}
_COMPARISON = re.compile(
    r"\b(?P<word>" + "|".join(_OPERATORS) + r")\s+(?:than\s+)?(?P<number>\d+(?:[.,]\d+)*)"
    r"\s*(?P<scale>million|billion|thousand|bn|m|k)?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Comparison:
    """ "more than 2 million": holds of a figure when ``test(figure, bound)``."""

    word: str
    bound: float
    test: Callable[[float, float], bool]

    def holds(self, figure: float) -> bool:
        return self.test(figure, self.bound)


def comparison(text: str) -> Comparison | None:
    """The comparison ``text`` makes with a figure, if it makes one."""
    match = _COMPARISON.search(text)
    if match is None:
        return None
    try:
        number = float(match["number"].replace(",", ""))
    except ValueError:
        return None
    word = match["word"].lower()
    return Comparison(word, scaled(number, match["scale"]), _OPERATORS[word])


def scaled(number: float, scale: str | None) -> float:
    """A figure with its scale word applied: 1.8 and "million" make 1,800,000."""
    return number * _SCALE.get((scale or "").lower(), 1.0)
