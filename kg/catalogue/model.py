"""The competency-question catalogue as data: questions, their parameters, the whole set."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from kg.errors import UnknownQuestionError


class ParamType(enum.StrEnum):
    """What a parameter's value must be; see queries/README.md for the accepted forms."""

    ENTITY = "entity"
    DATE = "date"
    INTEGER = "integer"
    STRING = "string"


@dataclass(frozen=True, slots=True)
class Parameter:
    """One slot of a question, bound to the SPARQL variable of the same name."""

    name: str
    type: ParamType
    default: str | None
    description: str
    # For entities: the IRIs of the classes a value must belong to (any one of them
    # suffices); a kind counts as a member of the class it is a kind of.
    classes: tuple[str, ...] = ()

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True, slots=True)
class CatalogueQuestion:
    """One ``queries/<id>.rq`` file: its header, parsed and checked, and its SPARQL text."""

    id: str
    title: str
    canonical: str
    alternatives: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    answer: str
    empty_answer: str | None
    covers: tuple[int, ...]
    sparql: str
    path: Path

    def parameter(self, name: str) -> Parameter | None:
        """The parameter called ``name``, or None."""
        return next((p for p in self.parameters if p.name == name), None)

    @property
    def phrasings(self) -> tuple[str, ...]:
        """The canonical phrasing followed by the alternatives."""
        return (self.canonical, *self.alternatives)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Every catalogue question, in a stable order."""

    questions: tuple[CatalogueQuestion, ...]

    def get(self, question_id: str) -> CatalogueQuestion:
        """The question with this id, or :class:`UnknownQuestionError`."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise UnknownQuestionError(f"no catalogue question with id {question_id!r}")

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)

    def __len__(self) -> int:
        return len(self.questions)
