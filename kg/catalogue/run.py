"""Run a catalogue question: check and convert its parameters, bind them, query the store.

Values are bound through the store's ``bindings``: every store turns them into a
leading ``VALUES`` block of escaped terms (:func:`kg.store.values.bind_values`), so
user text never becomes query text and the planner sees the bound values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from kg.catalogue import convert
from kg.catalogue.entities import resolve_entity
from kg.catalogue.model import CatalogueQuestion, Parameter, ParamType
from kg.errors import ParameterError
from kg.store.base import SelectResult, Store
from kg.store.terms import Term
from kg.store.values import bind_values


@dataclass(frozen=True, slots=True)
class BoundParameter:
    """A parameter's value as bound: the RDF term and how to show it in an answer."""

    name: str
    term: Term
    shown: str
    from_default: bool


@dataclass(frozen=True, slots=True)
class QuestionRun:
    """One run of a catalogue question: what was bound, the query that ran, the rows."""

    question: CatalogueQuestion
    parameters: tuple[BoundParameter, ...]
    result: SelectResult

    @property
    def bindings(self) -> dict[str, Term]:
        return {p.name: p.term for p in self.parameters}

    @property
    def shown(self) -> dict[str, str]:
        """Parameter name to display text (entity label, date, number)."""
        return {p.name: p.shown for p in self.parameters}

    @property
    def sparql(self) -> str:
        """The query with its bound values written in, as a remote store would receive it."""
        return bind_values(self.question.sparql, self.bindings)


def _convert(store: Store, parameter: Parameter, text: str, now: datetime | None) -> BoundParameter:
    if parameter.type is ParamType.ENTITY:
        entity = resolve_entity(store, text, parameter)
        return BoundParameter(parameter.name, entity.term(), entity.label, False)
    try:
        if parameter.type is ParamType.DATE:
            date = convert.parse_date(text, now=now)
            return BoundParameter(parameter.name, date.term(), date.shown, False)
        if parameter.type is ParamType.INTEGER:
            number = convert.parse_integer(text)
            return BoundParameter(parameter.name, convert.integer_term(number), str(number), False)
        term = convert.parse_string(text)
        return BoundParameter(parameter.name, term, term.value, False)
    except ParameterError as exc:
        raise ParameterError(f"parameter {parameter.name!r}: {exc.message}") from exc


def bind_parameters(store: Store, question: CatalogueQuestion, params: Mapping[str, str], *,
                    now: datetime | None = None) -> tuple[BoundParameter, ...]:
    """Check ``params`` against the question's declaration and convert every value.

    Unknown names, missing required values and values of the wrong form raise
    :class:`ParameterError` naming the parameter; a blank value counts as absent.
    """
    declared = {p.name for p in question.parameters}
    unknown = sorted(set(params) - declared)
    if unknown:
        expected = ", ".join(sorted(declared)) or "none"
        raise ParameterError(f"question {question.id!r} has no parameter(s) "
                             f"{', '.join(unknown)} (expected: {expected})")
    bound: list[BoundParameter] = []
    for parameter in question.parameters:
        given = params.get(parameter.name)
        from_default = given is None or not given.strip()
        text = parameter.default if from_default else given
        if text is None:
            raise ParameterError(f"question {question.id!r} needs parameter "
                                 f"{parameter.name!r}: {parameter.description}")
        value = _convert(store, parameter, text, now)
        bound.append(BoundParameter(value.name, value.term, value.shown, from_default))
    return tuple(bound)


def execute_question(store: Store, question: CatalogueQuestion, params: Mapping[str, str], *,
                     timeout: float | None = None, max_rows: int | None = None,
                     now: datetime | None = None) -> QuestionRun:
    """Bind the parameters and run the question, keeping what was bound.

    ``timeout`` and ``max_rows`` are the limits of one query (``ICSKG_QUERY_TIMEOUT``,
    ``ICSKG_MAX_RESULT_ROWS``): past either, the store raises rather than answer in part.
    """
    bound = bind_parameters(store, question, params, now=now)
    result = store.select(question.sparql, {p.name: p.term for p in bound}, timeout=timeout,
                          max_rows=max_rows)
    return QuestionRun(question, bound, result)


def run_question(store: Store, question: CatalogueQuestion, params: Mapping[str, str], *,
                 timeout: float | None = None, max_rows: int | None = None) -> SelectResult:
    """Run ``question`` with ``params`` (text values, converted and checked) and return its rows."""
    return execute_question(store, question, params, timeout=timeout, max_rows=max_rows).result
