"""The W3C SPARQL 1.1 Protocol test suite, driven by its manifest, against a live server.

The query-side tests (20) must pass as written. The update-side tests need a
writable endpoint; ours is read-only, so each of those requests must be
refused with a 4xx instead.
"""

from __future__ import annotations

import http.client
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from .conftest import LiveServer, start_server, w3c_dir

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")

RESULT_TYPES = {"application/sparql-results+json", "application/sparql-results+xml"}
TABULAR_TYPES = RESULT_TYPES | {"text/csv", "text/tab-separated-values"}
RDF_TYPES = {"text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"}


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: frozenset[str]  # e.g. {"2xx", "3xx"}
    boolean: bool | None
    result_format: str | None


@dataclass(frozen=True)
class Case:
    name: str
    requests: tuple[Request, ...]

    @property
    def is_query(self) -> bool:
        return "update" not in self.name


def _manifest() -> Graph | None:
    path = w3c_dir() / "manifest.ttl"
    if not path.is_file():
        return None
    graph = Graph()
    graph.parse(path, format="turtle", publicID=path.resolve().as_uri())
    return graph


def _request(g: Graph, node: Node) -> Request:
    headers: dict[str, str] = {}
    hlist = g.value(node, HT.headers)
    for h in Collection(g, hlist) if hlist is not None else []:
        headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
    body_node = g.value(node, HT.body)
    body = None
    if body_node is not None:
        encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(g.value(body_node, CNT.chars)).encode(encoding)
    resp = g.value(node, HT.resp)
    statuses = frozenset(str(s).rsplit("StatusCode", 1)[1]
                         for s in g.objects(resp, MF.expectedStatus))
    boolean = g.value(resp, MF.expectedBoolean)
    fmt = g.value(resp, MF.expectedFormat)
    path = str(g.value(node, HT.absolutePath))
    # The manifest says to replace its /sparql/ prefix with the endpoint's own path.
    if path.startswith("/sparql/"):
        path = "/sparql" + path[len("/sparql/"):]
    return Request(str(g.value(node, HT.methodName)), path, headers, body, statuses,
                   bool(boolean.toPython()) if isinstance(boolean, Literal) else None,
                   None if fmt is None else str(fmt))


def load_cases(g: Graph) -> list[Case]:
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    cases = []
    entries = g.value(manifest, MF.entries)
    assert entries is not None
    for entry in Collection(g, entries):
        action = g.value(entry, MF.action)
        request_list = g.value(action, HT.requests)
        assert request_list is not None
        requests = tuple(_request(g, r) for r in Collection(g, request_list))
        cases.append(Case(str(entry).rsplit("#", 1)[1], requests))
    return cases


def graph_files(g: Graph, directory: Path) -> dict[str, Path]:
    """The named graphs the manifest expects: label (graph IRI) -> data file."""
    out = {}
    for data in g.objects(None, UT.graphData):
        file_iri = g.value(data, UT.graph)
        assert isinstance(file_iri, URIRef)
        out[str(g.value(data, RDFS.label))] = directory / Path(urlsplit(str(file_iri)).path).name
    return out


MANIFEST = _manifest()
CASES = load_cases(MANIFEST) if MANIFEST is not None else []


@pytest.fixture(scope="module")
def w3c_server() -> Iterator[LiveServer]:
    if MANIFEST is None:
        pytest.skip(f"W3C protocol suite not found at {w3c_dir()} (set ICSKG_W3C_PROTOCOL_DIR)")
    args: list[str] = []
    for iri, path in sorted(graph_files(MANIFEST, w3c_dir()).items()):
        args += ["--graph", iri, str(path)]
    live = start_server(args)
    yield live
    live.stop()


def send(server: LiveServer, req: Request) -> tuple[int, str, bytes]:
    host = urlsplit(server.base)
    conn = http.client.HTTPConnection(host.hostname or "127.0.0.1", host.port, timeout=30)
    try:
        # http.client adds no Content-Type of its own, as the missing-type tests need.
        conn.request(req.method, req.path, body=req.body, headers=req.headers)
        resp = conn.getresponse()
        media = (resp.getheader("content-type") or "").split(";")[0].strip()
        return resp.status, media, resp.read()
    finally:
        conn.close()


def parse_boolean(media: str, body: bytes) -> bool:
    if media == "application/sparql-results+json":
        return bool(json.loads(body)["boolean"])
    root = ET.fromstring(body)
    node = root.find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert node is not None
    return (node.text or "").strip() == "true"


def check(req: Request, status: int, media: str, body: bytes) -> None:
    assert f"{status // 100}xx" in req.statuses, (status, body[:300])
    if req.result_format == "boolean":
        assert media in RESULT_TYPES
    elif req.result_format == "tabular":
        assert media in TABULAR_TYPES
    elif req.result_format == "RDF":
        assert media in RDF_TYPES
        Graph().parse(data=body, format={"text/turtle": "turtle", "application/n-triples": "nt",
                                         "application/rdf+xml": "xml",
                                         "application/ld+json": "json-ld"}[media])
    if req.boolean is not None:
        assert parse_boolean(media, body) is req.boolean
    if status >= 400:
        message = json.loads(body)["message"]
        assert len(message) > 10


def test_manifest_has_twenty_query_tests() -> None:
    if MANIFEST is None:
        pytest.skip(f"W3C protocol suite not found at {w3c_dir()}")
    assert len([c for c in CASES if c.is_query]) == 20


@pytest.mark.parametrize("case", [c for c in CASES if c.is_query], ids=lambda c: c.name)
def test_query_side(w3c_server: LiveServer, case: Case) -> None:
    for req in case.requests:
        check(req, *send(w3c_server, req))


@pytest.mark.parametrize("case", [c for c in CASES if not c.is_query], ids=lambda c: c.name)
def test_update_side_is_refused(w3c_server: LiveServer, case: Case) -> None:
    status, _media, body = send(w3c_server, case.requests[0])
    assert 400 <= status < 500, body
    assert json.loads(body)["message"]
