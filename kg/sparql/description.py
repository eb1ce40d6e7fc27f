"""The SPARQL 1.1 Service Description returned by ``GET /sparql`` without a query.

https://www.w3.org/TR/sparql11-service-description/ : what the endpoint
speaks, which formats it writes, its limits, and the named graphs it serves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.sparql.negotiation import GRAPH_FORMATS, RESULT_FORMATS
from kg.store.base import RawResult, ResultFormat

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")

_FORMAT_IRIS = {
    ResultFormat.JSON: "SPARQL_Results_JSON",
    ResultFormat.XML: "SPARQL_Results_XML",
    ResultFormat.CSV: "SPARQL_Results_CSV",
    ResultFormat.TSV: "SPARQL_Results_TSV",
    ResultFormat.TURTLE: "Turtle",
    ResultFormat.NTRIPLES: "N-Triples",
    ResultFormat.RDFXML: "RDF_XML",
    ResultFormat.JSONLD: "JSON-LD",
}
_RDF_FORMATS = {
    ResultFormat.TURTLE: ox.RdfFormat.TURTLE,
    ResultFormat.NTRIPLES: ox.RdfFormat.N_TRIPLES,
    ResultFormat.RDFXML: ox.RdfFormat.RDF_XML,
    ResultFormat.JSONLD: ox.RdfFormat.JSON_LD,
}


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float
    max_rows: int
    max_request_bytes: int


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def triples(endpoint: str, graphs: Iterable[str], limits: Limits) -> list[ox.Triple]:
    """The description of the endpoint at ``endpoint`` serving the named ``graphs``."""
    service = ox.NamedNode(endpoint)
    dataset, default = ox.BlankNode(), ox.BlankNode()
    out = [
        ox.Triple(service, RDF_TYPE, _sd("Service")),
        ox.Triple(service, _sd("endpoint"), service),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
        ox.Triple(service, RDFS_COMMENT, ox.Literal(
            "Read-only SPARQL 1.1 query endpoint. SERVICE, LOAD, updates and FROM/FROM NAMED "
            "outside this dataset are refused. "
            f"Queries are cancelled after {limits.timeout:g} s, results are capped at "
            f"{limits.max_rows} rows, requests at {limits.max_request_bytes} bytes.")),
        ox.Triple(service, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, _sd("defaultGraph"), default),
        ox.Triple(default, RDF_TYPE, _sd("Graph")),
    ]
    for fmt in (*RESULT_FORMATS, *GRAPH_FORMATS):
        out.append(ox.Triple(service, _sd("resultFormat"),
                             ox.NamedNode(FORMATS + _FORMAT_IRIS[fmt])))
    for name in sorted(graphs):
        node = ox.BlankNode()
        out += [
            ox.Triple(dataset, _sd("namedGraph"), node),
            ox.Triple(node, RDF_TYPE, _sd("NamedGraph")),
            ox.Triple(node, _sd("name"), ox.NamedNode(name)),
        ]
    return out


def serialise(description: list[ox.Triple], fmt: ResultFormat) -> RawResult:
    """Write the description in one of the graph formats."""
    body = ox.serialize(description, format=_RDF_FORMATS[fmt],
                        prefixes={"sd": SD, "formats": FORMATS}) or b""
    return RawResult(body, fmt.media_type, "graph", len(description))
