"""What intent matching needs of one catalogue phrasing, worked out once at engine build.

Everything here depends on the phrasing and its question only (slot
parameters, feature weights, entity literals, word positions), so a request
reads it instead of recomputing it for each of the catalogue's phrasings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kg.catalogue.model import CatalogueQuestion, Parameter, ParamType
from kg.qa.analysis import Analysis

# Concepts that say nothing about which side of the verb an entity stands on.
ORDER_NEUTRAL = frozenset({"~WHO", "~WHEN", "~WHERE", "~WHY", "~HOWMANY", "~DEFINE", "~MUST"})
GENERIC_CLASSES = frozenset({
    "https://w3id.org/icskg/ontology#Body", "http://www.w3.org/ns/org#Organization",
    "http://www.w3.org/ns/prov#Agent", "http://www.w3.org/ns/prov#Entity",
    "http://www.w3.org/2004/02/skos/core#Concept", "http://www.w3.org/2002/07/owl#Class",
    "http://www.w3.org/2002/07/owl#Thing", "http://www.w3.org/ns/org#FormalOrganization",
    "https://w3id.org/icskg/ontology#StatutoryBody", "https://w3id.org/icskg/ontology#BodyKind",
    "http://www.w3.org/2002/07/owl#NamedIndividual",
})


@dataclass(frozen=True, slots=True)
class Literal:
    """An entity the phrasing names itself ("the ICB"), with its weight."""

    weight: float
    stands_for: str
    related: frozenset[str]  # its specific classes: another member of one matches in part


@dataclass(frozen=True, slots=True)
class EntitySlot:
    parameter: Parameter
    wanted: frozenset[str]
    position: int  # index of the slot's placeholder among the phrasing's tokens


@dataclass(frozen=True, slots=True)
class PreparedPhrasing:
    """One phrasing of one catalogue question, ready to be compared with questions."""

    question: CatalogueQuestion
    analysis: Analysis
    literals: tuple[Literal, ...]
    entity_slots: tuple[EntitySlot, ...]
    integer_slots: tuple[Parameter, ...]
    date_slots: tuple[Parameter, ...]  # of the question, whether the phrasing shows them
    required_dates: bool  # a required date slot the phrasing shows
    word_weight: float  # weighted sum of its features
    sided: tuple[tuple[str, int], ...]  # (feature, position) of the order-telling features


def prepare(question: CatalogueQuestion, analysis: Analysis,
            weight: Callable[[str], float], boost: float) -> PreparedPhrasing:
    literals = tuple(
        Literal(weight(f"@{m.best.entity.stands_for}") * boost, m.best.entity.stands_for,
                m.best.entity.classes - GENERIC_CLASSES)
        for m in analysis.mentions if not m.weak)
    entity_slots: list[EntitySlot] = []
    integer_slots: list[Parameter] = []
    for name in dict.fromkeys(analysis.slots):
        parameter = question.parameter(name)
        if parameter is None:
            continue
        if parameter.type is ParamType.ENTITY:
            position = analysis.slot_positions[analysis.slots.index(name)]
            entity_slots.append(EntitySlot(parameter, frozenset(parameter.classes), position))
        elif parameter.type is ParamType.INTEGER:
            integer_slots.append(parameter)
    date_slots = tuple(p for p in question.parameters if p.type is ParamType.DATE)
    return PreparedPhrasing(
        question, analysis, literals, tuple(entity_slots), tuple(integer_slots), date_slots,
        any(p.required and p.name in analysis.slots for p in date_slots),
        sum(weight(f) * s for f, s in analysis.features.items()),
        tuple((f, p) for f, p in analysis.positions.items() if f not in ORDER_NEUTRAL))
