"""Parameter values: conversion, validation against the graph, and precise errors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kg.catalogue import Catalogue, bind_parameters, execute_question, render_answer, run_question
from kg.catalogue.convert import parse_date, parse_integer, parse_string
from kg.errors import ParameterError
from kg.store.embedded import EmbeddedStore

ICSD = "https://w3id.org/icskg/id/"
KIND = f"{ICSD}kind/"
DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"


@pytest.mark.parametrize(("text", "instant"), [
    ("2018", "2018-12-31T23:59:59"),
    ("2018-05", "2018-05-31T23:59:59"),
    ("2020-02", "2020-02-29T23:59:59"),
    ("2018-05-24", "2018-05-24T23:59:59"),
    ("2022-07-01T00:00:00", "2022-07-01T00:00:00"),
    ("2022-07-01T01:30:00+01:00", "2022-07-01T00:30:00"),
    ("2022-07-01T12:00:00Z", "2022-07-01T12:00:00"),
    ("July 2022", "2022-07-31T23:59:59"),
    ("24 May 2018", "2018-05-24T23:59:59"),
    ("May 24, 2018", "2018-05-24T23:59:59"),
    ("1st Sept 2021", "2021-09-01T23:59:59"),
])
def test_dates_mean_the_end_of_the_period(text: str, instant: str) -> None:
    term = parse_date(text).term()
    assert (term.value, term.datatype) == (instant, DATETIME)


def test_now_is_the_end_of_today_without_timezone() -> None:
    moment = datetime(2026, 3, 4, 5, 6, 7, 890, tzinfo=UTC)
    value = parse_date("now", now=moment)
    assert value.term().value == "2026-03-04T23:59:59"
    assert value.shown == "2026-03-04"


@pytest.mark.parametrize("text", ["2018-13", "2018-02-30", "yesterday", "18", "2018/19", "Smarch 2020", ""])
def test_bad_dates_are_refused_with_the_accepted_forms(text: str) -> None:
    with pytest.raises(ParameterError, match=r"date"):
        parse_date(text)


def test_integers_and_strings() -> None:
    assert parse_integer(" 2 ") == 2
    assert parse_integer("1,800,000") == 1_800_000
    for bad in ("two", "2.5", "", "1e3"):
        with pytest.raises(ParameterError, match="not an integer"):
            parse_integer(bad)
    assert parse_string(" ICB ").value == "ICB"
    for bad in ("", "a\x00b", "x" * 501):
        with pytest.raises(ParameterError):
            parse_string(bad)


def _bound(store: EmbeddedStore, catalogue: Catalogue, qid: str, **params: str) -> dict[str, str]:
    bound = bind_parameters(store, catalogue.get(qid), params)
    return {p.name: p.term.value for p in bound}


@pytest.mark.parametrize(("text", "iri"), [
    ("kind:IntegratedCareBoard", f"{KIND}IntegratedCareBoard"),
    (f"<{KIND}IntegratedCareBoard>", f"{KIND}IntegratedCareBoard"),
    (f"{KIND}IntegratedCareBoard", f"{KIND}IntegratedCareBoard"),
    ("ics:IntegratedCareBoard", f"{KIND}IntegratedCareBoard"),  # a class binds its kind
    ("ICB", f"{KIND}IntegratedCareBoard"),
    ("integrated care boards", f"{KIND}IntegratedCareBoard"),
    ("  Integrated   Care Board ", f"{KIND}IntegratedCareBoard"),
    ("icsd:nhs-england", f"{ICSD}nhs-england"),
    ("NHSE", f"{ICSD}nhs-england"),
])
def test_entities_from_iris_prefixed_names_and_labels(catalogue_store: EmbeddedStore,
                                                      catalogue: Catalogue, text: str,
                                                      iri: str) -> None:
    assert _bound(catalogue_store, catalogue, "duties-of-body", body=text)["body"] == iri


def test_ampersand_and_and_are_the_same(catalogue_store: EmbeddedStore,
                                        catalogue: Catalogue) -> None:
    bound = _bound(catalogue_store, catalogue, "ccgs-in-system", system="Cheshire & Merseyside ICS")
    assert bound["system"] == f"{ICSD}cheshire-and-merseyside-ics"


@pytest.mark.parametrize(("qid", "params", "message"), [
    ("duties-of-body", {"body": "icsd:no-such-body"}, "no entity icsd:no-such-body in the graph"),
    ("duties-of-body", {"body": "foo:bar"}, "unknown prefix 'foo'"),
    ("duties-of-body", {"body": "<not an iri>"}, "not a valid IRI"),
    ("duties-of-body", {"body": "Atlantis"}, "no entity is labelled 'Atlantis'"),
    ("duties-of-body", {"body": "icsd:tier-place"}, "place (icsd:tier-place) is not a ics:Body"),
    ("duties-of-body", {"body": "ICP"}, "'ICP' is ambiguous"),
    ("duties-of-body", {"colour": "red"}, "has no parameter(s) colour (expected: body)"),
    ("count-as-of", {"asOf": "soon"}, "parameter 'asOf': not a date: 'soon'"),
    ("size-rank", {"rank": "second"}, "parameter 'rank': not an integer: 'second'"),
    ("deadlines-in-year", {"year": "2021; DROP ALL"}, "not an integer"),
])
def test_bad_values_raise_a_precise_parameter_error(catalogue_store: EmbeddedStore,
                                                    catalogue: Catalogue, qid: str,
                                                    params: dict[str, str], message: str) -> None:
    with pytest.raises(ParameterError) as caught:
        run_question(catalogue_store, catalogue.get(qid), params)
    assert message in caught.value.message


def test_blank_value_falls_back_to_the_default(catalogue_store: EmbeddedStore,
                                               catalogue: Catalogue) -> None:
    bound = bind_parameters(catalogue_store, catalogue.get("duties-of-body"), {"body": "  "})
    assert bound[0].from_default and bound[0].term.value == f"{KIND}IntegratedCareBoard"


def test_hostile_text_is_bound_as_a_value_never_as_query_text(catalogue_store: EmbeddedStore,
                                                              catalogue: Catalogue) -> None:
    hostile = '"} } ; DELETE WHERE { ?s ?p ?o } #'
    with pytest.raises(ParameterError, match="no entity is labelled"):
        run_question(catalogue_store, catalogue.get("duties-of-body"), {"body": hostile})
    before = catalogue_store.triple_count()
    assert before > 0
    run = execute_question(catalogue_store, catalogue.get("count-as-of"), {"asOf": "2018"})
    assert hostile not in run.sparql
    assert catalogue_store.triple_count() == before


def test_answer_sentence_uses_labels_and_parameters(catalogue_store: EmbeddedStore,
                                                    catalogue: Catalogue) -> None:
    run = execute_question(catalogue_store, catalogue.get("who-must-have-regard-to"), {})
    assert render_answer(run) == ("Bodies that must have regard to integrated care strategy: "
                                  "integrated care board and local authority.")
    empty = execute_question(catalogue_store, catalogue.get("count-as-of"), {"asOf": "2010"})
    assert render_answer(empty) == ("The graph records no national count of integrated care "
                                    "system as of 2010.")
    assert "VALUES (?kind ?asOf)" in empty.sparql
    assert '"2010-12-31T23:59:59"^^<http://www.w3.org/2001/XMLSchema#dateTime>' in empty.sparql
