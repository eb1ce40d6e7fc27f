"""Regression: query length was bounded only by ``ICSKG_MAX_REQUEST_BYTES`` (1 MB), and rdflib's
grammar parses long expressions slowly on the server's own interpreter (a 1,000-term ``||``
chain took 2 s, a 1 MB one minutes), so unique long queries could slow every request. A query
of more than 2,000 tokens is now refused with a 400 naming the limit, before rdflib sees it."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from kg.errors import QuerySyntaxError
from kg.sparql import algebra
from kg.sparql.lexer import MAX_TOKENS


def _or_chain(terms: int) -> str:
    return "SELECT * { ?s ?p ?o FILTER(" + " || ".join(f"?o = {i}" for i in range(terms)) + ") }"


def test_a_long_or_chain_is_a_400_naming_the_limit(client: TestClient) -> None:
    response = client.post("/sparql", content=_or_chain(1000).encode(),
                           headers={"content-type": "application/sparql-query"})
    assert response.status_code == 400
    assert f"longer than {MAX_TOKENS} tokens" in response.json()["message"]
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"]


def test_the_check_reads_no_further_than_the_limit() -> None:
    query = _or_chain(60_000)  # about 900 kB: rdflib would take minutes
    start = time.monotonic()
    with pytest.raises(QuerySyntaxError, match=f"longer than {MAX_TOKENS} tokens"):
        algebra.parse(query, None)
    assert time.monotonic() - start < 2.0


def test_a_query_within_the_limit_still_runs(client: TestClient) -> None:
    values = " ".join(f"<urn:x:{i}>" for i in range(MAX_TOKENS - 20))
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?x {{ {values} }} }}"
    response = client.get("/sparql", params={"query": query},
                          headers={"accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"][0]["n"]["value"] == str(MAX_TOKENS - 20)
