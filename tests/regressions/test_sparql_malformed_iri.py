"""Regression: an IRI urllib cannot parse (``<http://[x/>``) in BASE, PREFIX or FROM made
the query checks raise ValueError, a 500. Found by the mutation fuzzer; now a 400."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kg.errors import QuerySyntaxError
from kg.sparql.algebra import parse

QUERIES = [
    "BASE <http://[x/> SELECT * WHERE { ?s ?p ?o }",
    "PREFIX a: <//[> SELECT * WHERE { ?s ?p ?o }",
    "SELECT * FROM <//]> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://[::1/> WHERE { GRAPH ?g { ?s ?p ?o } }",
]


@pytest.mark.parametrize("query", QUERIES[1:3])
def test_parse_reports_the_bad_iri(query: str) -> None:
    with pytest.raises(QuerySyntaxError, match="is not valid"):
        parse(query, "http://127.0.0.1/sparql")


@pytest.mark.parametrize("query", QUERIES)
def test_endpoint_answers_400(client: TestClient, query: str) -> None:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400
    # Refused as a syntax error, or (FROM NAMED) as a graph outside the dataset.
    assert response.json()["error"] in ("QuerySyntaxError", "ForbiddenOperationError")
