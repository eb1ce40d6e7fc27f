"""The W3C SPARQL 1.0 / 1.1 query-evaluation tests: read the manifests, run a test directly
on pyoxigraph or through /sparql, and compare answers the same way for both."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.errors import IcskgError
from kg.sparql.algebra import parse

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
RS = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/result-set#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
_RESULTS = {".srx": ox.QueryResultsFormat.XML, ".srj": ox.QueryResultsFormat.JSON,
            ".tsv": ox.QueryResultsFormat.TSV, ".csv": ox.QueryResultsFormat.CSV}
_GRAPHS = {".ttl": ox.RdfFormat.TURTLE, ".rdf": ox.RdfFormat.RDF_XML,
           ".nt": ox.RdfFormat.N_TRIPLES}


def suite_dir() -> Path:
    here = Path(__file__).resolve().parents[2]
    shared = Path(os.environ.get("ICSKG_SHARED_DIR", here.parent / "shared"))
    if not shared.is_dir():
        shared = Path("/work/shared")
    return Path(os.environ.get("ICSKG_W3C_QUERY_DIR", shared / "w3c-sparql-query"))


@dataclass(frozen=True)
class Case:
    name: str
    query: Path
    data: tuple[Path, ...]
    graph_data: tuple[Path, ...]
    result: Path


def _path(node: object) -> Path:
    assert isinstance(node, URIRef)
    return Path(str(node).removeprefix("file://"))


def cases(root: Path) -> list[Case]:
    found = []
    for manifest in sorted(root.glob("*/*/manifest.ttl")):
        g = Graph()
        g.parse(manifest, format="turtle", publicID=manifest.resolve().as_uri())
        for head in g.objects(None, MF.entries):
            for entry in Collection(g, head):
                if (entry, RDF.type, MF.QueryEvaluationTest) not in g:
                    continue
                action, result = g.value(entry, MF.action), g.value(entry, MF.result)
                if action is None or result is None:
                    continue
                found.append(Case(
                    f"{manifest.parent.parent.name}/{manifest.parent.name}/"
                    f"{str(entry).rsplit('#', 1)[-1]}",
                    _path(g.value(action, QT.query)),
                    tuple(sorted(_path(d) for d in g.objects(action, QT.data))),
                    tuple(sorted(_path(d) for d in g.objects(action, QT.graphData))),
                    _path(result)))
    return found


Answer = bool | Counter[frozenset[tuple[str, str]]] | Graph


_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS: dict[str, Callable[[str], str]] = {
    _XSD + "integer": lambda v: str(int(v)),
    _XSD + "decimal": lambda v: str(Decimal(v).normalize()),
    _XSD + "double": lambda v: repr(float(v)),
    _XSD + "float": lambda v: repr(float(v)),
}


def _literal(value: str, datatype: str | None, language: str | None) -> str:
    """Numbers compared by value: engines may write them canonically (01.0 as 1.0)."""
    canon = _NUMBERS.get(datatype or "")
    if canon is not None:
        try:
            return f"{canon(value)}^^{datatype}"
        except (ValueError, ArithmeticError):
            pass
    dt = ox.NamedNode(datatype) if datatype and not language else None
    return str(ox.Literal(value, datatype=dt, language=language))


def _term(term: object) -> str:
    if isinstance(term, ox.BlankNode):
        return "_:b"
    if isinstance(term, ox.Literal):
        return _literal(term.value, term.datatype.value, term.language)
    return str(term)


def normalise(result: object) -> Answer:
    """Answers as comparable values: bnodes unnamed, solutions a multiset, graphs rdflib."""
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return Counter(frozenset((n, _term(s[n])) for n in names if s[n] is not None)
                       for s in result)
    triples = [t.triple if isinstance(t, ox.Quad) else t for t in result]  # type: ignore[attr-defined]
    g = Graph()
    g.parse(data=(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode(),
            format="nt")
    return g


def _rdflib_term(term: object) -> str:
    if isinstance(term, BNode):
        return "_:b"
    if isinstance(term, Literal):
        return _literal(str(term), str(term.datatype) if term.datatype else None,
                        term.language)
    return str(ox.NamedNode(str(term)))


def _result_set(g: Graph, rs: Node) -> Answer:
    """SPARQL 1.0 results written as RDF (the rs: vocabulary)."""
    boolean = g.value(rs, RS.boolean)
    if boolean is not None:
        return bool(boolean.toPython())
    solutions: Counter[frozenset[tuple[str, str]]] = Counter()
    for solution in g.objects(rs, RS.solution):
        solutions[frozenset(
            (str(g.value(b, RS.variable)), _rdflib_term(g.value(b, RS.value)))
            for b in g.objects(solution, RS.binding))] += 1
    # A result set with no solutions still names its variables; that is the empty multiset.
    return solutions


def expected(case: Case) -> Answer:
    fmt = _RESULTS.get(case.result.suffix)
    if fmt is not None:
        return normalise(ox.parse_query_results(path=str(case.result), format=fmt))
    g = Graph()
    g.parse(case.result, format="turtle" if case.result.suffix == ".ttl" else "xml",
            publicID=case.result.resolve().as_uri())
    rs = next(iter(g.subjects(RDF.type, RS.ResultSet)), None)
    return g if rs is None else _result_set(g, rs)


def same(a: Answer, b: Answer) -> bool:
    if isinstance(a, Graph) and isinstance(b, Graph):
        return isomorphic(a, b)
    return not isinstance(a, Graph) and not isinstance(b, Graph) and a == b


def load_file(store: ox.Store, path: Path, graph: ox.NamedNode | ox.DefaultGraph) -> None:
    store.load(path=str(path), format=_GRAPHS[path.suffix], to_graph=graph,
               base_iri=path.resolve().as_uri())


def run_direct(case: Case) -> Answer:
    store = ox.Store()
    for path in case.data:
        load_file(store, path, ox.DefaultGraph())
    for path in case.graph_data:
        load_file(store, path, ox.NamedNode(path.resolve().as_uri()))
    if not case.data and not case.graph_data:  # the dataset is the query's FROM files
        for path in case.query.parent.iterdir():
            if path.suffix in _GRAPHS and path != case.result:
                load_file(store, path, ox.NamedNode(path.resolve().as_uri()))
    query = case.query.read_text(encoding="utf-8")
    return normalise(store.query(query, base_iri=case.query.resolve().as_uri()))


def data_files(all_cases: list[Case]) -> dict[str, Path]:
    """Every data file, as the named graph of its own IRI, for one served dataset."""
    files = {p for c in all_cases for p in (*c.data, *c.graph_data)}
    results = {c.result for c in all_cases}
    for c in all_cases:  # FROM / FROM NAMED targets: files beside the query
        files.update(p for p in c.query.parent.iterdir()
                     if p.suffix in _GRAPHS and p not in results)
    return {p.resolve().as_uri(): p for p in sorted(files) if p.suffix in _GRAPHS}


def _names_dataset(query: str) -> bool:
    try:
        parsed = parse(query, None)
    except IcskgError:
        return False
    return bool(parsed.from_graphs or parsed.from_named_graphs)


Send = Callable[[list[tuple[str, str]], str], tuple[int, str, bytes]]


def run_endpoint(case: Case, send: Send) -> Answer | str:
    """Through /sparql: the dataset by the protocol's default-graph-uri / named-graph-uri."""
    text = case.query.read_text(encoding="utf-8")
    # Relative IRIs resolve against the query file, as when run directly.
    query = f"BASE <{case.query.resolve().as_uri()}>\n{text}"
    params = [("query", query)]
    # A protocol dataset overrides the query's own FROM (SPARQL 1.1 Protocol 2.1.4): send
    # the test's dataset only to queries that do not name one.
    if not _names_dataset(query):
        params += [("default-graph-uri", p.resolve().as_uri()) for p in case.data]
        params += [("named-graph-uri", p.resolve().as_uri()) for p in case.graph_data]
    status, media, body = send(params, "application/sparql-results+json, application/n-triples")
    if status != 200:
        return f"HTTP {status}: {body[:200]!r}"
    if media == "application/n-triples":
        return normalise(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
    return normalise(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))


def report(rows: Iterator[tuple[str, bool, bool]]) -> str:
    listed = list(rows)
    direct = sum(d for _, d, _ in listed)
    through = sum(e for _, _, e in listed)
    return json.dumps({"tests": len(listed), "direct": direct, "endpoint": through})
