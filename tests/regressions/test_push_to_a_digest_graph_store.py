"""Regression: `icskg push` to Virtuoso's /sparql-graph-crud-auth got HTTP 401, because that
endpoint takes only HTTP Digest and icskg sent Basic. Push now answers the store's challenge."""

from __future__ import annotations

from pathlib import Path

import httpx

from kg.push import push
from tests.stores.virtuoso import VirtuosoServer

GRAPH = "https://w3id.org/icskg/graph/regression-digest"


def test_push_answers_a_digest_challenge(virtuoso_server: VirtuosoServer,
                                         tmp_path: Path) -> None:
    unauthenticated = httpx.put(virtuoso_server.gsp_url, params={"graph": GRAPH},
                                content=b"<urn:a> <urn:b> <urn:c> .",
                                headers={"Content-Type": "application/n-triples"})
    assert unauthenticated.status_code == 401
    assert unauthenticated.headers["www-authenticate"].startswith("Digest")
    data = tmp_path / "one.trig"
    data.write_text(f"<{GRAPH}> {{ <urn:a> <urn:b> <urn:c> }}\n")
    store = virtuoso_server.graph_store()
    try:
        report = push(data, store)
        assert [g.graph for g in report.loaded] == [GRAPH, "https://w3id.org/icskg/graph/provenance"]
        rows = virtuoso_server.remote().select(
            f"SELECT ?o WHERE {{ GRAPH <{GRAPH}> {{ <urn:a> <urn:b> ?o }} }}").rows
        assert [r["o"].value for r in rows] == ["urn:c"]
    finally:
        with store.client() as client:
            client.delete(store.url, params={"graph": GRAPH})
