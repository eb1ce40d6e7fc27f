"""The remote store (a real Oxigraph server) honours the query's FROM and the protocol's
dataset, as the embedded store does, and both enforce the time limit and row cap."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.settings import Settings

SAMPLE = Path(__file__).parent / "data" / "sample.trig"


def _count(client: TestClient, query: str, **params: str) -> int:
    response = client.get("/sparql", params={"query": query, **params})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def clients(sample_server: Any) -> Any:
    with TestClient(create_app(Settings(endpoint_url=sample_server.query_url))) as remote, \
            TestClient(create_app(Settings(data_files=[SAMPLE],
                                           data_union_default_graph=True))) as embedded:
        yield remote, embedded


def _a_graph(client: TestClient) -> str:
    rows = client.get("/sparql", params={
        "query": "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g "
                 "ORDER BY DESC(?n) LIMIT 1"}).json()["results"]["bindings"]
    return str(rows[0]["g"]["value"])


def test_from_selects_the_dataset_on_both_stores(clients: Any) -> None:
    remote, embedded = clients
    graph = _a_graph(embedded)
    everything = _count(remote, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    for client in (remote, embedded):
        one = _count(client, f"SELECT (COUNT(*) AS ?n) FROM <{graph}> {{ ?s ?p ?o }}")
        by_protocol = _count(client, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                             **{"default-graph-uri": graph})
        assert 0 < one == by_protocol < everything


def test_row_cap_holds_on_both_stores(sample_server: Any) -> None:
    query = "SELECT * { GRAPH ?g { ?s ?p ?o } }"
    for settings in (Settings(endpoint_url=sample_server.query_url, max_result_rows=3),
                     Settings(data_files=[SAMPLE], max_result_rows=3, sparql_workers=1,
                              sparql_light_workers=0)):
        with TestClient(create_app(settings)) as client:
            response = client.get("/sparql", params={"query": query})
        assert response.status_code == 413, response.text
