"""The endpoint over HTTP: the three ways in, negotiation, datasets, errors, CORS, description."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import httpx
import pytest
from rdflib import Graph, Literal, Namespace, URIRef

from .conftest import EX, GRAPH_A, GRAPH_B, GRAPH_BULK, LiveServer

SELECT = ("SELECT ?s ?label WHERE { ?s a <http://example.org/System> ; "
          "<http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?s")
CONSTRUCT = ("CONSTRUCT { ?s <http://example.org/name> ?label } WHERE { ?s a "
             "<http://example.org/System> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
EXPECTED_GRAPH = {
    (URIRef(EX + "alpha"), URIRef(EX + "name"), Literal("Alpha", lang="en")),
    (URIRef(EX + "beta"), URIRef(EX + "name"), Literal("Beta", lang="en")),
}


def labels(response: httpx.Response) -> list[tuple[str, str]]:
    rows = response.json()["results"]["bindings"]
    return [(r["s"]["value"], r["label"]["value"]) for r in rows]


EXPECTED_ROWS = [(EX + "alpha", "Alpha"), (EX + "beta", "Beta")]


def test_get_post_form_and_post_direct_agree(server: LiveServer) -> None:
    by_get = httpx.get(server.sparql, params={"query": SELECT})
    by_form = httpx.post(server.sparql, data={"query": SELECT})
    by_direct = httpx.post(server.sparql, content=SELECT.encode(),
                           headers={"content-type": "application/sparql-query; charset=utf-8"})
    for response in (by_get, by_form, by_direct):
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/sparql-results+json"
        assert labels(response) == EXPECTED_ROWS


def test_select_formats(server: LiveServer) -> None:
    def get(accept: str) -> httpx.Response:
        response = httpx.get(server.sparql, params={"query": SELECT}, headers={"accept": accept})
        assert response.status_code == 200
        return response

    xml = ET.fromstring(get("application/sparql-results+xml").content)
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert [b.findtext(f"{ns}literal") for b in xml.iter(f"{ns}binding")
            if b.get("name") == "label"] == ["Alpha", "Beta"]
    rows = list(csv.reader(io.StringIO(get("text/csv").text)))
    assert rows == [["s", "label"], [EX + "alpha", "Alpha"], [EX + "beta", "Beta"]]
    tsv = get("text/tab-separated-values").text.splitlines()
    assert tsv == ["?s\t?label", f'<{EX}alpha>\t"Alpha"@en', f'<{EX}beta>\t"Beta"@en']
    # Quality values and the format parameter both count.
    assert get("text/csv;q=0.5, application/sparql-results+xml;q=0.9").headers[
        "content-type"].startswith("application/sparql-results+xml")
    tsv_by_name = httpx.get(server.sparql, params={"query": SELECT, "format": "tsv"})
    assert tsv_by_name.headers["content-type"].startswith("text/tab-separated-values")


def test_ask_formats(server: LiveServer) -> None:
    ask = f"ASK {{ <{EX}gamma> <{EX}partOf> <{EX}alpha> }}"
    assert httpx.get(server.sparql, params={"query": ask}).json() == {"head": {}, "boolean": True}
    xml = httpx.get(server.sparql, params={"query": ask},
                    headers={"accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"] == "application/sparql-results+xml"
    assert xml.text.count("<boolean>true</boolean>") == 1


@pytest.mark.parametrize(("accept", "rdflib_format"), [
    (None, "turtle"),
    ("text/turtle", "turtle"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "xml"),
    ("application/ld+json", "json-ld"),
])
def test_construct_formats(server: LiveServer, accept: str | None, rdflib_format: str) -> None:
    headers = {"accept": accept} if accept else {}
    response = httpx.get(server.sparql, params={"query": CONSTRUCT}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == (accept or "text/turtle")
    graph = Graph().parse(data=response.content, format=rdflib_format)
    assert set(graph) == EXPECTED_GRAPH


def test_describe(server: LiveServer) -> None:
    response = httpx.get(server.sparql, params={"query": f"DESCRIBE <{EX}gamma>"},
                         headers={"accept": "application/n-triples"})
    graph = Graph().parse(data=response.content, format="nt")
    assert set(graph.predicate_objects(URIRef(EX + "gamma"))) == {
        (URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef(EX + "Board")),
        (URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Gamma")),
        (URIRef(EX + "partOf"), URIRef(EX + "alpha")),
    }


def test_not_acceptable(server: LiveServer) -> None:
    response = httpx.get(server.sparql, params={"query": SELECT}, headers={"accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.json()["message"]
    graph = httpx.get(server.sparql, params={"query": CONSTRUCT, "format": "csv"})
    assert graph.status_code == 406


def test_protocol_dataset(server: LiveServer) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def n(params: dict[str, str | list[str]]) -> int:
        response = httpx.get(server.sparql, params={"query": count, **params})
        return int(response.json()["results"]["bindings"][0]["n"]["value"])

    assert n({"default-graph-uri": GRAPH_B}) == 3
    assert n({"default-graph-uri": [GRAPH_A, GRAPH_B]}) == 9
    # Only named graphs: the default graph is empty (SPARQL 1.1 Protocol 2.1.4).
    assert n({"named-graph-uri": GRAPH_A}) == 0
    named = httpx.get(server.sparql, params={
        "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        "named-graph-uri": [GRAPH_A, GRAPH_BULK]})
    assert {r["g"]["value"] for r in named.json()["results"]["bindings"]} == {GRAPH_A, GRAPH_BULK}
    # Without a dataset, the default graph is the union of all graphs.
    assert n({}) == 9 + 1200


@pytest.mark.parametrize(("request_kwargs", "status", "fragment"), [
    ({"method": "GET", "params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400,
     "2 queries given"),
    ({"method": "POST", "params": {"query": "ASK {}"}, "data": {"query": "ASK {}"}}, 400,
     "2 queries given"),
    ({"method": "GET", "params": {"query": "SELECT * WHERE {\n  ?s ?p \n}"}}, 400,
     "syntax error at line 3, column "),
    ({"method": "POST", "content": b"ASK {}", "headers": {"content-type": "text/plain"}}, 415,
     "'text/plain' is not accepted"),
    ({"method": "POST", "content": b"query=ASK+%7B%7D"}, 415, "needs a Content-Type"),
    ({"method": "POST", "content": "ASK {}".encode("utf-16"),
      "headers": {"content-type": "application/sparql-query"}}, 400, "not valid UTF-8"),
    ({"method": "POST", "content": "ASK {}".encode("utf-16"),
      "headers": {"content-type": "application/sparql-query; charset=UTF-16"}}, 415,
     "must be sent as UTF-8"),
    ({"method": "PUT", "params": {"query": "ASK {}"}}, 405, "GET or POST"),
    ({"method": "DELETE"}, 405, "GET or POST"),
    ({"method": "GET", "params": {"update": "CLEAR ALL"}}, 400, "read-only"),
    ({"method": "POST", "content": b"default-graph-uri=x",
      "headers": {"content-type": "application/x-www-form-urlencoded"}}, 400, "no query given"),
    ({"method": "GET", "params": {"query": "  "}}, 400, "empty"),
])
def test_bad_requests(server: LiveServer, request_kwargs: dict[str, object], status: int,
                      fragment: str) -> None:
    response = httpx.request(url=server.sparql, **request_kwargs)  # type: ignore[arg-type]
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert fragment in response.json()["message"]
    if status == 405:
        assert response.headers["allow"] == "GET, POST, OPTIONS"


def test_non_utf8_query_string(server: LiveServer) -> None:
    response = httpx.get(server.sparql + "?query=ASK%20%7B%20%3Fs%20%3Fp%20%22caf%E9%22%20%7D")
    assert response.status_code == 400
    assert "not valid UTF-8" in response.json()["message"]


def test_cors(server: LiveServer) -> None:
    origin = {"origin": "https://notebook.example"}
    simple = httpx.get(server.sparql, params={"query": "ASK {}"}, headers=origin)
    assert simple.headers["access-control-allow-origin"] == "*"
    preflight = httpx.options(server.sparql, headers={
        **origin, "access-control-request-method": "POST",
        "access-control-request-headers": "content-type"})
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]


def test_service_description(server: LiveServer) -> None:
    response = httpx.get(server.sparql)
    assert response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.content, format="turtle")
    service = URIRef(server.sparql)
    assert (service, SD.endpoint, service) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    names = set(graph.objects(None, SD.name))
    assert names == {URIRef(GRAPH_A), URIRef(GRAPH_B), URIRef(GRAPH_BULK)}
    as_jsonld = httpx.get(server.sparql, headers={"accept": "application/ld+json"})
    assert isinstance(json.loads(as_jsonld.content), list)
