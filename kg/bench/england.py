"""The shape of the NHS in England that the synthetic graphs reproduce.

Figures are the public orders of magnitude (42 systems, about 100 places,
1,250 primary care networks, 6,500 GP practices, 200+ trusts, 150 upper-tier
councils). Bodies are spread over the systems as evenly as integer counts
allow, so any prefix of the systems is a fair sample of the whole.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SYSTEMS = 42
PLACES = 100
PCNS = 1_250
PRACTICES = 6_500
TRUSTS = 210
COUNCILS = 150
CCGS = 106  # abolished on 1 July 2022, when the boards took over

_QUARTERS = ("01", "04", "07", "10")
_SIDES = ("North", "South", "East", "West", "Mid", "Upper", "Lower")
_LANDS = ("Mercia", "Wessex", "Anglia", "Pennine", "Severn", "Thames")


def share(total: int, index: int, parts: int = SYSTEMS) -> int:
    """How many of ``total`` bodies system ``index`` has (counts differ by at most one)."""
    return total // parts + (1 if index < total % parts else 0)


@dataclass(frozen=True, slots=True)
class SystemShape:
    """One integrated care system and how many bodies of each kind it has."""

    index: int
    name: str
    slug: str
    places: int
    pcns: int
    practices: int
    trusts: int
    councils: int
    ccgs: int


def system(index: int) -> SystemShape:
    """The ``index``-th of the 42 systems (names are synthetic, never real areas)."""
    side, land = _SIDES[index % len(_SIDES)], _LANDS[index // len(_SIDES) % len(_LANDS)]
    name = f"{side} {land}"
    return SystemShape(
        index=index, name=name, slug=name.lower().replace(" ", "-"),
        places=share(PLACES, index), pcns=share(PCNS, index),
        practices=share(PRACTICES, index), trusts=share(TRUSTS, index),
        councils=share(COUNCILS, index), ccgs=share(CCGS, index),
    )


@dataclass(frozen=True, slots=True)
class Edition:
    """One round of source documents (a quarterly report per system) restating the duties."""

    number: int
    year: int
    month: str

    @property
    def starts(self) -> str:
        return f"{self.year}-{self.month}-01T00:00:00"

    @property
    def label(self) -> str:
        return f"{self.year} Q{_QUARTERS.index(self.month) + 1}"

    @property
    def slug(self) -> str:
        return f"{self.year}q{_QUARTERS.index(self.month) + 1}"


def edition(number: int) -> Edition:
    """Editions are consecutive quarters from July 2022, when the boards went live."""
    quarter = 2 + number
    return Edition(number, 2022 + quarter // 4, _QUARTERS[quarter % 4])


@dataclass(frozen=True, slots=True)
class Plan:
    """How much of England a graph of a given size holds."""

    systems: int
    editions: int


def plan(target: int, fixed: int, per_system: int, per_edition: int) -> Plan:
    """Choose systems first (up to all 42), then more quarterly editions, to reach ``target``.

    ``fixed`` is what every graph holds (ontology, curated facts, kinds),
    ``per_system`` a system's bodies, ``per_edition`` one system's duties,
    counts and documents for one quarter.
    """
    one_round = per_system + per_edition
    if target <= fixed + SYSTEMS * one_round:
        return Plan(max(1, min(SYSTEMS, round((target - fixed) / one_round))), 1)
    # Rounded up: a size is a floor, so the load-time target is never flattered.
    editions = math.ceil((target - fixed - SYSTEMS * per_system) / (SYSTEMS * per_edition))
    return Plan(SYSTEMS, max(1, editions))
