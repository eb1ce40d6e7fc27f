"""Every query file parses (pyoxigraph and rdflib), its header validates, and coverage is complete."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery

from kg.catalogue import Catalogue, CatalogueQuestion, load_catalogue
from kg.paths import queries_dir

QUESTIONS = load_catalogue().questions
FOUNDATION_QUESTIONS = range(1, 28)  # "Questions the graph must answer" in the foundation issue


def test_catalogue_has_at_least_forty_questions(catalogue: Catalogue) -> None:
    assert len(catalogue) >= 40
    assert len(set(catalogue.ids)) == len(catalogue)
    assert len(list(queries_dir().glob("*.rq"))) == len(catalogue)


def test_every_foundation_question_is_covered(catalogue: Catalogue) -> None:
    covered = {n for q in catalogue.questions for n in q.covers}
    assert covered == set(FOUNDATION_QUESTIONS)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_query_parses_in_pyoxigraph_and_rdflib(question: CatalogueQuestion) -> None:
    prepareQuery(question.sparql)
    empty = ox.Store()
    bindings: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
        ox.Variable(p.name): ox.Literal("x") for p in question.parameters}
    result = empty.query(question.sparql, substitutions=bindings)
    assert isinstance(result, ox.QuerySolutions)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_header_is_complete(question: CatalogueQuestion) -> None:
    assert question.path.stem == question.id
    assert question.title and question.canonical
    assert len(question.alternatives) >= 3
    # covers is optional (queries/README.md): questions beyond the foundation issue have none
    assert all(n in FOUNDATION_QUESTIONS for n in question.covers)
    projected = _projection(question.sparql)
    # citation columns, and every parameter projected (pyoxigraph substitutes only those)
    assert {"g", "doc"} <= projected
    assert {p.name for p in question.parameters} <= projected
    for parameter in question.parameters:
        assert parameter.description


def _projection(sparql: str) -> set[str]:
    clause = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s+WHERE", sparql, re.S | re.I)
    assert clause is not None
    return set(re.findall(r"\?(\w+)", clause.group(1)))
