"""Regression: DESCRIBE and CONSTRUCT over Virtuoso gave 503, because icskg's Accept header put
SPARQL JSON results first for every query form and Virtuoso answered a CONSTRUCT with bindings.
Graph forms now ask for graph formats only, result forms for result formats only."""

from __future__ import annotations

import pytest

from kg.store.base import QueryRequest, ResultFormat
from kg.store.remote_requests import GRAPH_ACCEPT, RESULTS_ACCEPT, accept_for
from tests.stores.virtuoso import VirtuosoServer

NHSE = "https://w3id.org/icskg/id/nhs-england"


@pytest.mark.parametrize(("query", "accept"), [
    ("SELECT * WHERE { ?s ?p ?o }", RESULTS_ACCEPT),
    ("PREFIX x: <urn:x#> ask { ?s ?p ?o }", RESULTS_ACCEPT),
    ("# CONSTRUCT in a comment\nDESCRIBE <urn:a>", GRAPH_ACCEPT),
    ("CONSTRUCT WHERE { ?s ?p ?o }", GRAPH_ACCEPT),
])
def test_accept_follows_the_query_form(query: str, accept: str) -> None:
    assert accept_for(query) == accept


def test_virtuoso_answers_graph_forms_with_graphs(virtuoso_server: VirtuosoServer) -> None:
    store = virtuoso_server.graph_store()
    graph = "https://w3id.org/icskg/graph/regression-accept"
    with store.client() as client:
        client.put(store.url, params={"graph": graph},
                   content=f'<{NHSE}> <urn:p> "x" .\n<urn:o> <urn:q> <{NHSE}> .'.encode(),
                   headers={"Content-Type": "application/n-triples"}).raise_for_status()
        try:
            remote = virtuoso_server.remote()
            described = remote.execute(QueryRequest(f"DESCRIBE <{NHSE}>", ResultFormat.NTRIPLES))
            built = remote.construct(f"CONSTRUCT WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        finally:
            client.delete(store.url, params={"graph": graph})
    assert described.form == "graph" and b'<urn:p> "x"' in described.body
    assert b"<urn:q>" not in described.body  # the concise description: no inbound triples
    assert len(built) == 2
