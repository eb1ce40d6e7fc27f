"""Regression: FROM was ignored (every query ran on the union default graph), so COUNT(*)
FROM one passage graph counted the whole dataset. FROM now selects the dataset, exactly as
the protocol's default-graph-uri does."""

from __future__ import annotations

from fastapi.testclient import TestClient

GRAPH = "https://w3id.org/icskg/graph/d002-place-accountability"
COUNT = "SELECT (COUNT(*) AS ?n) {} WHERE {{ ?s ?p ?o }}"


def count(client: TestClient, query: str, **params: str) -> int:
    response = client.get("/sparql", params={"query": query, **params})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_from_counts_only_that_graph(client: TestClient) -> None:
    everything = count(client, COUNT.format(""))
    one = count(client, COUNT.format(f"FROM <{GRAPH}>"))
    in_graph = count(client, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}")
    assert 0 < one == in_graph < everything
    assert count(client, COUNT.format(""), **{"default-graph-uri": GRAPH}) == one


def test_from_named_limits_graph_variable(client: TestClient) -> None:
    query = (f"SELECT (COUNT(DISTINCT ?g) AS ?n) FROM NAMED <{GRAPH}> "
             "WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert count(client, query) == 1
