"""The IRI <-> path mapping and the choice of representation."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kg.errors import BadRequestError, NotAcceptableError
from kg.linked.iris import IriMap
from kg.linked.negotiate import Representation as R
from kg.linked.negotiate import choose, split_suffix

BASE = "https://w3id.org/icskg/"


@pytest.mark.parametrize(("prefix", "iri", "path"), [
    ("/", BASE + "id/nhs-england", "/id/nhs-england"),
    ("/", BASE + "id/kind/IntegratedCareSystem", "/id/kind/IntegratedCareSystem"),
    ("/", BASE + "graph/d003-publication", "/graph/d003-publication"),
    ("/", BASE + "ontology", "/ontology"),
    ("/", BASE + "ontology#Body", "/ontology#Body"),
    ("/ld", BASE + "id/nhs-england", "/ld/id/nhs-england"),
    ("ld/", BASE + "graph/provenance", "/ld/graph/provenance"),
])
def test_iri_path_round_trip(prefix: str, iri: str, path: str) -> None:
    iris = IriMap.create(BASE, prefix)
    assert iris.path_for(iri) == path
    assert iris.iri_for(path.split("#", maxsplit=1)[0]) == iri.split("#", maxsplit=1)[0]


def test_foreign_iris_and_paths() -> None:
    iris = IriMap.create(BASE, "/ld")
    assert iris.path_for("http://www.w3.org/ns/org#Organization") is None
    with pytest.raises(BadRequestError):
        iris.iri_for("/id/x")
    with pytest.raises(BadRequestError):
        IriMap.create("https://w3id.org/icskg", "/")


@pytest.mark.parametrize(("path", "stem", "fmt"), [
    ("/id/x.ttl", "/id/x", R.TURTLE), ("/id/x.jsonld", "/id/x", R.JSONLD),
    ("/id/x.json", "/id/x", R.JSON), ("/id/x.nt", "/id/x", R.NTRIPLES),
    ("/id/x.rdf", "/id/x", R.RDFXML), ("/ontology.owl", "/ontology", R.RDFXML),
    ("/id/x.html", "/id/x", R.HTML), ("/id/x", "/id/x", None), ("/id/x.zip", "/id/x.zip", None),
])
def test_suffixes(path: str, stem: str, fmt: R | None) -> None:
    assert split_suffix(path) == (stem, fmt)


@pytest.mark.parametrize(("accept", "fmt"), [
    (None, R.HTML), ("*/*", R.HTML),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", R.HTML),
    ("text/turtle", R.TURTLE), ("application/x-turtle", R.TURTLE),
    ("application/ld+json", R.JSONLD), ("application/json", R.JSON),
    ("application/n-triples", R.NTRIPLES), ("text/plain", R.NTRIPLES),
    ("application/rdf+xml", R.RDFXML), ("text/turtle;q=0.5, application/rdf+xml", R.RDFXML),
    ("text/*", R.HTML), ("application/n-triples;q=0.9, text/html;q=0.1", R.NTRIPLES),
])
def test_accept(accept: str | None, fmt: R) -> None:
    assert choose(accept) is fmt


def test_nothing_acceptable() -> None:
    with pytest.raises(NotAcceptableError):
        choose("image/png")


@pytest.mark.parametrize("path", ["/id/a%20b", "/id/%00", "/id/a%3Cb", "/id/x%22y", "/id/%7B"])
def test_paths_that_name_no_iri_are_400(client: TestClient, path: str) -> None:
    for accept in ("text/html", "text/turtle"):
        r = client.get(path, headers={"accept": accept})
        assert r.status_code == 400
        assert "does not name an IRI" in r.json()["message"]
