"""Upper bounds of intent scores, so a question is compared only with phrasings that can win.

A score is a weighted Dice overlap ``2·matched / (user + phrasing)`` times
factors of at most 1. What the question's words can match is at most what
they share with the phrasing (found through a feature -> phrasings inverted
index). Each entity, slot or number adds at most ``w`` to ``matched`` and
then ``w`` to both sides (``2·w / 2·w`` = 1), or nothing to ``matched`` when
unmatched; so while the score is below 1, matching all that can be matched
is the best case, and that best case bounds the score from above. A slot no
entity of the question fits stays empty (and a required one costs its
factor). The share of the question's own words the phrasing explains (its
cover) is bounded the same way. Ranking by these bounds and stopping once
the best questions beat the next bound gives exactly the head of a full
ranking (see :meth:`kg.qa.intent.IntentModel.top`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kg.qa.analysis import Analysis
from kg.qa.prepared import PreparedPhrasing

SLACK = 1e-9  # float rounding: a bound a hair low must never prune an equal score


@dataclass(frozen=True, slots=True)
class Weights:
    """The scoring weights the bounds need (:mod:`kg.qa.intent` owns their values)."""

    slot: float
    date: float
    number: float
    unfilled_optional: float
    required_missing: float
    min_cover: float


@dataclass(frozen=True, slots=True)
class _Fixed:
    """What a phrasing adds to the score's terms whatever the question."""

    least_weight: float  # the denominator's share of its words and entities, all matched
    most_extra: float  # what its entities can match, at most
    integer_slots: int
    slots: tuple[tuple[frozenset[str], bool], ...]  # entity slots: (classes, required)
    required_dates: bool


class BoundIndex:
    """Phrasings by feature, and each phrasing's question-independent terms."""

    def __init__(self, phrasings: Sequence[PreparedPhrasing], weight: Callable[[str], float],
                 w: Weights) -> None:
        self._weight = weight
        self._w = w
        self._postings: dict[str, list[tuple[int, float]]] = {}
        fixed = []
        for i, p in enumerate(phrasings):
            for feature, strength in p.analysis.features.items():
                self._postings.setdefault(feature, []).append((i, strength))
            items = sum(lit.weight for lit in p.literals)
            # A date the phrasing shows weighs on its side, unless a number slot took it.
            dated = w.date if p.analysis.dates and not p.integer_slots else 0.0
            fixed.append(_Fixed(p.word_weight + dated + 2.0 * items, items,
                                len(p.integer_slots),
                                tuple((s.wanted, s.parameter.required) for s in p.entity_slots),
                                p.required_dates))
        self._fixed = tuple(fixed)

    def upper(self, user: Analysis) -> list[float]:
        """For every phrasing, in order, a score it cannot exceed against ``user``."""
        w = self._w
        shared = [0.0] * len(self._fixed)
        for feature, strength in user.features.items():
            weight = self._weight(feature)
            for i, theirs in self._postings.get(feature, ()):
                shared[i] += weight * min(strength, theirs)
        least_user = self._least_user(user)
        numbered = bool(user.numbers or user.dates)
        dated = w.date if user.dates else 0.0
        fits: dict[frozenset[str], bool] = {}
        bounds = []
        for i, fixed in enumerate(self._fixed):
            most = shared[i] + fixed.most_extra + dated
            least = fixed.least_weight + least_user
            factor = w.required_missing if fixed.required_dates and not user.dates else 1.0
            for wanted, required in fixed.slots:
                if wanted not in fits:
                    fits[wanted] = _fillable(user, wanted)
                if fits[wanted]:
                    most += w.slot
                    least += 2.0 * w.slot
                elif required:
                    least += w.slot
                    factor = w.required_missing
                else:
                    least += w.slot * w.unfilled_optional
            numbers = w.number * fixed.integer_slots if numbered else 0.0
            if numbers:
                most += numbers
                least += 2.0 * numbers
            elif user.dates:
                least += w.date  # the question's date weighs on its side
            bound = 1.0 if least <= 0 else min(1.0, 2.0 * most / least)
            factor *= self._cover(shared[i], fixed.most_extra + numbers, least_user)
            bounds.append(bound * factor * (1.0 + SLACK) + SLACK)
        return bounds

    def _cover(self, shared: float, items: float, least_user: float) -> float:
        """The cover factor at most: shared words and every entity and number matched."""
        if least_user + items <= 0:
            return 1.0
        cover = min(1.0, (shared + items) / (least_user + items))
        return self._w.min_cover + (1.0 - self._w.min_cover) * cover

    def _least_user(self, user: Analysis) -> float:
        """The question's side of the denominator, at least: words no weak name can explain."""
        weak = {i for m in user.mentions if m.weak for i in range(m.start, m.end)}
        return sum(self._weight(f) * s for f, s in user.features.items()
                   if not all(i in weak for i in user.spans[f]))


def _fillable(user: Analysis, wanted: frozenset[str]) -> bool:
    """Whether some entity the question names may fill a slot of these classes."""
    return any(not wanted or c.entity.classes & wanted
               for m in user.mentions for c in m.candidates)
