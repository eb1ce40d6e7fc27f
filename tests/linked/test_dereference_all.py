"""Every IRI of the dataset dereferences, in every format, and its Turtle is its triples.

Not a sample: each IRI under the public base (subjects, predicates, objects, graph names)
is fetched as HTML, Turtle, JSON-LD, N-Triples, RDF/XML and JSON, by Accept and by suffix.
"""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.namespaces import ONTOLOGY_IRI

from .conftest import BASE, our_iris

FORMATS = {
    "text/html": ".html", "text/turtle": ".ttl", "application/ld+json": ".jsonld",
    "application/n-triples": ".nt", "application/rdf+xml": ".rdf", "application/json": ".json",
}
PARSERS = {"text/turtle": "turtle", "application/ld+json": "json-ld",
           "application/n-triples": "nt", "application/rdf+xml": "xml"}


def _documents(store: ox.Store) -> list[str]:
    """What a GET fetches for each IRI: the IRI without its fragment, each once."""
    return sorted({iri.split("#", 1)[0] for iri in our_iris(store)})


def _expected(store: ox.Store, iri: str) -> Graph:
    """The triples a document must hold, read straight from the dataset's quads."""
    node = ox.NamedNode(iri)
    graphs = {q.graph_name for q in store.quads_for_pattern(None, None, None, None)
              if q.graph_name == node}
    if iri == ONTOLOGY_IRI or iri.startswith(ONTOLOGY_IRI + "/"):
        node_g = ox.NamedNode(BASE + "graph/ontology")
        quads = list(store.quads_for_pattern(None, None, None, node_g))
        quads += list(store.quads_for_pattern(node_g, None, None, None))
    elif graphs:
        quads = list(store.quads_for_pattern(None, None, None, node))
        quads += list(store.quads_for_pattern(node, None, None, None))
    else:
        quads = list(store.quads_for_pattern(node, None, None, None))
        quads += list(store.quads_for_pattern(None, None, node, None))
    text = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                        format=ox.RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=text.decode(), format="nt")


def test_dataset_has_every_kind_of_iri(dataset: ox.Store) -> None:
    docs = _documents(dataset)
    sections = {d[len(BASE):].split("/", 1)[0] for d in docs}
    assert {"id", "graph", "ontology", "imports"} <= sections
    assert len(docs) > 300


def test_every_iri_in_every_format(client: TestClient, dataset: ox.Store) -> None:
    failures = []
    for iri in _documents(dataset):
        path = iri[len(BASE) - 1:]
        expected = _expected(dataset, iri)
        for media, suffix in FORMATS.items():
            by_accept = client.get(path, headers={"accept": media})
            by_suffix = client.get(path + suffix)
            for how, r in (("Accept", by_accept), ("suffix", by_suffix)):
                ok = (r.status_code == 200 and r.headers["content-type"].startswith(media)
                      and r.headers["vary"].startswith("Accept"))
                if not ok:
                    failures.append(f"{path} {media} by {how}: {r.status_code}")
            if by_accept.content != by_suffix.content:
                failures.append(f"{path} {media}: Accept and suffix give different bodies")
            if media in PARSERS:
                parsed = Graph().parse(data=by_accept.text, format=PARSERS[media])
                if not isomorphic(parsed, expected):
                    failures.append(f"{path} {media}: {len(parsed)} triples, "
                                    f"expected {len(expected)}")
            elif media == "application/json":
                assert isinstance(json.loads(by_accept.text), dict)
    assert failures == []


def test_hash_iris_land_on_their_anchor(client: TestClient, dataset: ox.Store) -> None:
    docs = client.get("/ontology").text
    missing = [iri for iri in our_iris(dataset) if "#" in iri and iri.startswith(ONTOLOGY_IRI)
               and f'id="{iri.split("#", 1)[1]}"' not in docs]
    assert missing == []


@pytest.mark.parametrize("path", ["/id/no-such-body", "/graph/no-such-passage",
                                  "/imports/none", "/id/nhs-englandd"])
def test_unknown_iris_are_404_with_a_suggestion(client: TestClient, path: str) -> None:
    for accept in ("text/turtle", "application/json"):
        r = client.get(path, headers={"accept": accept})
        assert r.status_code == 404
        assert r.json()["error"] == "NotFoundError"
        assert "/lookup?q=" in r.json()["message"]
    page = client.get(path, headers={"accept": "text/html"})
    assert page.status_code == 404
    assert "Nothing is known about" in page.text
    assert 'action="/lookup"' in page.text


def test_near_miss_suggests_the_entity(client: TestClient) -> None:
    r = client.get("/id/nhs-englandd", headers={"accept": "application/json"})
    assert "/id/nhs-england)" in r.json()["message"]


def test_not_acceptable(client: TestClient) -> None:
    r = client.get("/id/nhs-england", headers={"accept": "image/png"})
    assert r.status_code == 406
