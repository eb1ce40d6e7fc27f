"""Regression: the default graph was a bag (the union of the passage graphs), so a triple
stated in seven passages counted seven times and DESCRIBE repeated it. It is now the RDF
merge: each triple once; GRAPH ?g still gives every source."""

from __future__ import annotations

from fastapi.testclient import TestClient

PREFIXES = ("PREFIX icsd: <https://w3id.org/icskg/id/> "
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")


def number(client: TestClient, query: str) -> int:
    response = client.get("/sparql", params={"query": PREFIXES + query})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_count_star_is_distinct_triples(client: TestClient) -> None:
    total = number(client, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    distinct = number(client, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o "
                              "{ GRAPH ?g { ?s ?p ?o } } }")
    stated = number(client, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
    assert total == distinct < stated


def test_a_label_stated_in_many_passages_counts_once(client: TestClient) -> None:
    once = number(client, "SELECT (COUNT(*) AS ?n) { icsd:nhs-england rdfs:label ?l }")
    sources = number(client, "SELECT (COUNT(*) AS ?n) "
                             "{ GRAPH ?g { icsd:nhs-england rdfs:label ?l } }")
    assert once == 1 < sources


def test_describe_repeats_no_triple(client: TestClient) -> None:
    response = client.get("/sparql", params={
        "query": PREFIXES + "DESCRIBE icsd:nhs-england", "format": "ntriples"})
    assert response.status_code == 200, response.text
    lines = [line for line in response.text.splitlines() if line.strip()]
    assert lines and len(lines) == len(set(lines))
