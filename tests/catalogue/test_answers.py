"""Every catalogue question, run on the real build, gives exactly the expected answers, with sources.

The expected sets live in expected.json, written from the curated facts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest

from kg.catalogue import (
    Catalogue,
    QuestionRun,
    execute_question,
    load_catalogue,
    render_answer,
    sources_for,
)
from kg.catalogue.prefixes import expand, shorten
from kg.store.embedded import EmbeddedStore
from kg.store.terms import Term
from kg.store.values import bind_values

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).with_name("expected.json")).read_text(encoding="utf-8"))["cases"]
NUMERIC = ("integer", "decimal", "double", "float", "int", "long")


def _case_id(case: Mapping[str, Any]) -> str:
    params = ",".join(f"{k}={v}" for k, v in sorted(case["params"].items()))
    return f"{case['id']}[{params}]:{case['column']}"


def _shown(term: Term) -> str:
    if term.is_iri:
        return shorten(term.value)
    if term.datatype and term.datatype.rsplit("#", 1)[-1] in NUMERIC:
        try:
            number = Decimal(term.value)
        except InvalidOperation:
            return term.value
        return str(int(number)) if number == number.to_integral_value() else str(number)
    return term.value


def _expected(value: str) -> str:
    return shorten(expand(value) or value)


def _run(store: EmbeddedStore, catalogue: Catalogue, case: Mapping[str, Any]) -> QuestionRun:
    return execute_question(store, catalogue.get(case["id"]), case["params"])


def test_every_question_has_an_expected_case() -> None:
    assert {c["id"] for c in CASES} == set(load_catalogue().ids)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_answer_is_exactly_the_expected_set(catalogue_store: EmbeddedStore, catalogue: Catalogue,
                                            case: Mapping[str, Any]) -> None:
    run = _run(catalogue_store, catalogue, case)
    column = case["column"]
    got = {_shown(row[column]) for row in run.result.rows if column in row}
    assert got == {_expected(v) for v in case["expected"]}
    assert render_answer(run)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_every_row_carries_a_source(catalogue_store: EmbeddedStore, catalogue: Catalogue,
                                    case: Mapping[str, Any]) -> None:
    run = _run(catalogue_store, catalogue, case)
    sources = {s.graph: s for s in sources_for(catalogue_store, run.result)}
    for row in run.result.rows:
        assert "g" in row and "doc" in row, row
        source = sources[row["g"].value]
        assert source.document == row["doc"].value
        assert source.title and source.publisher and source.date
        assert source.locator and source.locator.startswith(source.locator.split("#")[0])
        assert source.char_start is not None and source.char_end is not None
        assert source.char_start < source.char_end


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_values_binding_agrees_with_substitution(catalogue_store: EmbeddedStore,
                                                 catalogue: Catalogue,
                                                 case: Mapping[str, Any]) -> None:
    """The query text shown with an answer is exactly what ran, on any store."""
    run = _run(catalogue_store, catalogue, case)
    inlined = catalogue_store.select(bind_values(run.question.sparql, run.bindings))
    assert inlined.variables == run.result.variables
    assert sorted(map(_row_key, inlined.rows)) == sorted(map(_row_key, run.result.rows))
    assert run.sparql == bind_values(run.question.sparql, run.bindings)


def _row_key(row: Mapping[str, Term]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, v.value) for k, v in row.items()))
