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


def count(store: EmbeddedStore, query: str) -> int:
    return int(store.select(query).rows[0]["n"].value)


@pytest.mark.parametrize(("name", "text"), [("doc.ttl", TURTLE), ("doc.rdf", RDFXML)])
def test_relative_iris_resolve_against_the_file(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    store = EmbeddedStore.from_files([path], union_default_graph=False)
    subjects = {r["s"].value for r in store.select("SELECT ?s { ?s ?p ?o }").rows}
    assert subjects == {path.resolve().as_uri()}


def test_trig_default_graph_stays_the_default(tmp_path: Path) -> None:
    path = tmp_path / "data.trig"
    path.write_text(TRIG, encoding="utf-8")
    standard = EmbeddedStore.from_files([path], union_default_graph=False)
    assert standard.union_default_graph is False
    assert count(standard, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }") == 1
    merged = EmbeddedStore.from_files([path], union_default_graph=True)
    assert merged.union_default_graph is True
