"""Limits hold for real: time (even for a cross product), result rows and request size."""

from __future__ import annotations

import threading
import time

import httpx

from .conftest import BULK, GRAPH_BULK, MAX_BYTES, MAX_ROWS, TIMEOUT, LiveServer

CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
LIGHT = ("SELECT ?label WHERE { <http://example.org/alpha> "
         "<http://www.w3.org/2000/01/rdf-schema#label> ?label }")


def _light(server: LiveServer) -> float:
    start = time.monotonic()
    response = httpx.get(server.sparql, params={"query": LIGHT}, timeout=30)
    elapsed = time.monotonic() - start
    assert response.status_code == 200
    rows = response.json()["results"]["bindings"]
    assert [r["label"]["value"] for r in rows] == ["Alpha"]
    return elapsed


def test_cross_product_is_cut_off_while_light_queries_answer(server: LiveServer) -> None:
    outcome: dict[str, object] = {}

    def heavy() -> None:
        start = time.monotonic()
        response = httpx.post(server.sparql, data={"query": CROSS_PRODUCT}, timeout=60)
        outcome["elapsed"] = time.monotonic() - start
        outcome["response"] = response

    thread = threading.Thread(target=heavy)
    thread.start()
    time.sleep(0.5)  # let the cross product get going
    latencies: list[float] = []
    while thread.is_alive() and len(latencies) < 20:
        latencies.append(_light(server))
        time.sleep(0.1)
    thread.join(60)
    response = outcome["response"]
    assert isinstance(response, httpx.Response)
    assert response.status_code == 503
    assert f"{TIMEOUT:g} s limit" in response.json()["message"]
    elapsed = outcome["elapsed"]
    assert isinstance(elapsed, float)
    assert TIMEOUT - 0.5 <= elapsed < TIMEOUT + 10
    assert len(latencies) >= 3
    assert max(latencies) < 1.0, latencies
    # The killed worker is replaced: the endpoint keeps answering.
    assert _light(server) < 5


def test_two_timeouts_in_a_row_leave_a_working_pool(server: LiveServer) -> None:
    for _ in range(2):
        response = httpx.get(server.sparql, params={"query": CROSS_PRODUCT}, timeout=60)
        assert response.status_code == 503
    assert _light(server) < 10


def test_row_cap_is_an_error_never_a_truncated_200(server: LiveServer) -> None:
    for accept in ("application/sparql-results+json", "text/csv", "text/tab-separated-values",
                   "application/sparql-results+xml"):
        response = httpx.get(server.sparql, params={"query": "SELECT * { ?s ?p ?o }"},
                             headers={"accept": accept})
        assert response.status_code == 413
        assert f"more than {MAX_ROWS} rows" in response.json()["message"]
    construct = httpx.get(server.sparql,
                          params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert construct.status_code == 413
    # Exactly at the cap is fine.
    at_cap = httpx.get(server.sparql, params={
        "query": f"SELECT ?s WHERE {{ GRAPH <{GRAPH_BULK}> {{ ?s ?p ?o }} }} LIMIT {MAX_ROWS}"})
    assert at_cap.status_code == 200
    assert len(at_cap.json()["results"]["bindings"]) == MAX_ROWS
    assert BULK > MAX_ROWS


def test_request_size_cap(server: LiveServer) -> None:
    padding = "#" + "x" * MAX_BYTES + "\n"
    for response in (
        httpx.post(server.sparql, content=(padding + "ASK {}").encode(),
                   headers={"content-type": "application/sparql-query"}),
        httpx.post(server.sparql, data={"query": padding + "ASK {}"}),
    ):
        assert response.status_code == 413
        assert f"limit is {MAX_BYTES} bytes" in response.json()["message"]
    small = httpx.post(server.sparql, content=b"# fits\nASK {}",
                       headers={"content-type": "application/sparql-query"})
    assert small.json()["boolean"] is True
