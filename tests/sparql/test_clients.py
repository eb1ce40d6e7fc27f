"""Standard clients just work: SPARQLWrapper against the live server."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

from .conftest import EX, LiveServer

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def client(server: LiveServer) -> SPARQLWrapper:
    return SPARQLWrapper(server.sparql, agent="icskg-tests")


def test_select_json(server: LiveServer) -> None:
    sparql = client(server)
    sparql.setQuery(f"""
        SELECT ?s ?population WHERE {{ ?s <{EX}population> ?population }} ORDER BY ?population
    """)
    sparql.setReturnFormat(JSON)
    result = sparql.query().convert()
    assert isinstance(result, dict)
    rows = [(b["s"]["value"], b["population"]["value"]) for b in result["results"]["bindings"]]
    assert rows == [(EX + "beta", "80"), (EX + "alpha", "120")]


def test_ask_by_get_and_post(server: LiveServer) -> None:
    for method in ("GET", POST):
        sparql = client(server)
        sparql.setMethod(method)
        sparql.setQuery(f"ASK {{ <{EX}gamma> <{EX}partOf> <{EX}alpha> }}")
        sparql.setReturnFormat(JSON)
        assert sparql.query().convert() == {"head": {}, "boolean": True}
        sparql.setQuery(f"ASK {{ <{EX}alpha> <{EX}partOf> <{EX}gamma> }}")
        assert sparql.query().convert() == {"head": {}, "boolean": False}


def test_construct_into_rdflib_graph(server: LiveServer) -> None:
    sparql = client(server)
    sparql.setQuery(f"CONSTRUCT {{ ?s <{RDFS_LABEL}> ?l }} WHERE {{ ?s <{RDFS_LABEL}> ?l }}")
    graph = sparql.queryAndConvert()
    assert isinstance(graph, Graph)
    assert set(graph) == {
        (URIRef(EX + "alpha"), URIRef(RDFS_LABEL), Literal("Alpha", lang="en")),
        (URIRef(EX + "beta"), URIRef(RDFS_LABEL), Literal("Beta", lang="en")),
        (URIRef(EX + "gamma"), URIRef(RDFS_LABEL), Literal("Gamma")),
    }
    sparql.setReturnFormat(TURTLE)
    turtle = sparql.query().convert()
    assert isinstance(turtle, bytes)
    assert len(Graph().parse(data=turtle, format="turtle")) == 3
