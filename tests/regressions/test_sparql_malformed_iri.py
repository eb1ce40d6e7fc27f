"""Regression: an IRI urllib cannot parse (``<http://[x/>``) in BASE, PREFIX or FROM made
the query checks raise ValueError, a 500. Found by the mutation fuzzer; now a 400."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kg.errors import QuerySyntaxError
from kg.sparql.lexer import shape

QUERIES = [
    "BASE <http://[x/> SELECT * WHERE { ?s ?p ?o }",
    "PREFIX a: <//[> SELECT * WHERE { ?s ?p ?o }",
    "SELECT * FROM <//]> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://[::1/> WHERE { GRAPH ?g { ?s ?p ?o } }",
]


@pytest.mark.parametrize("query", QUERIES)
def test_shape_reports_the_bad_iri(query: str) -> None:
    with pytest.raises(QuerySyntaxError, match="is not valid"):
        shape(query, "http://127.0.0.1/sparql")


@pytest.mark.parametrize("query", QUERIES)
def test_endpoint_answers_400(client: TestClient, query: str) -> None:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400
    assert response.json()["error"] == "QuerySyntaxError"
    assert "is not valid" in response.json()["message"]
