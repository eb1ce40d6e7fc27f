"""Regression: a valid data file with ``<>`` or ``rdf:resource=""`` made `icskg serve` exit 3
(relative IRIs had no base), and named graphs of a served TriG leaked into its default graph.
Relative IRIs now resolve against the file's own IRI, and a served dataset keeps its own
default graph unless the union is asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.store.embedded import EmbeddedStore

TRIG = """@prefix ex: <http://example.org/> .
ex:a ex:p ex:b .
ex:g { ex:c ex:p ex:d . }
"""
TURTLE = "<> <http://example.org/about> <#me> .\n"
RDFXML = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:ex="http://example.org/">
  <rdf:Description rdf:about=""><ex:seeAlso rdf:resource=""/></rdf:Description>
</rdf:RDF>
"""


@pytest.mark.parametrize(("name", "text"), [("doc.ttl", TURTLE), ("doc.rdf", RDFXML)])
def test_relative_iris_resolve_against_the_file(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    store = EmbeddedStore.from_files([path], union_default_graph=False)
    subjects = {r["s"].value for r in store.select("SELECT ?s { ?s ?p ?o }").rows}
    assert subjects == {path.resolve().as_uri()}


@pytest.mark.parametrize(("union", "expected"), [(False, 1), (True, 2)])
def test_trig_default_graph_stays_the_default(tmp_path: Path, union: bool,
                                              expected: int) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from kg.settings import Settings

    path = tmp_path / "data.trig"
    path.write_text(TRIG, encoding="utf-8")
    settings = Settings(data_files=[path], data_union_default_graph=union, sparql_workers=1,
                        sparql_light_workers=0)
    with TestClient(create_app(settings)) as client:
        response = client.get("/sparql", params={
            "query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
        named = client.get("/sparql", params={
            "query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"})
    assert int(response.json()["results"]["bindings"][0]["n"]["value"]) == expected
    assert int(named.json()["results"]["bindings"][0]["n"]["value"]) == 1
