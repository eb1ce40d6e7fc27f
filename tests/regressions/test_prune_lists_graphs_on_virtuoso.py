"""Regression: `icskg push --prune` deleted nothing on Virtuoso, because it listed the store's
graphs with `GRAPH ?g { }`, which Virtuoso answers without naming any graph. It now lists graphs by their
triples (kg.store.remote_requests.GRAPHS_QUERY)."""

from __future__ import annotations

from kg.push import graphs_in, stale_graphs
from kg.store.remote_requests import GRAPHS_QUERY
from tests.stores.virtuoso import VirtuosoServer

GRAPH = "https://w3id.org/icskg/graph/regression-prune"


def test_graphs_are_listed_and_a_stale_one_is_found(virtuoso_server: VirtuosoServer) -> None:
    remote = virtuoso_server.remote()
    listed = remote.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").rows
    assert not [row for row in listed if "g" in row]  # the cause: no graph is named
    store = virtuoso_server.graph_store()
    with store.client() as client:
        client.put(store.url, params={"graph": GRAPH}, content=b"<urn:a> <urn:b> <urn:c> .",
                   headers={"Content-Type": "application/n-triples"}).raise_for_status()
        try:
            assert GRAPH in {r["g"].value for r in remote.select(GRAPHS_QUERY).rows}
            assert GRAPH in stale_graphs(graphs_in(remote), pushed=())
        finally:
            client.delete(store.url, params={"graph": GRAPH})
    assert GRAPH not in graphs_in(remote)
