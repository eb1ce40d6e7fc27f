"""Checks on the curated facts before reasoning: vocabulary, datatypes, provenance, SHACL.

Each failure names the file and the fact, so an editor can go straight to it.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, XSD
from rdflib.term import Node

from kg.build.facts import FactBase
from kg.build.kinds import KIND
from kg.errors import FactError
from kg.namespaces import DCTERMS, ICS, ORG, PREFIXES, SKOS

_CHECKED_NAMESPACES = (str(ICS), str(ORG), str(PROV), str(SKOS), str(DCTERMS))
_STRINGS = (None, XSD.string, RDF.langString)


def q(node: object) -> str:
    """A term as an editor writes it in the fact files: prefixed where a prefix fits."""
    if isinstance(node, URIRef):
        if node.startswith(KIND):
            return "kind:" + node.removeprefix(KIND)
        for prefix, iri in PREFIXES.items():
            if node.startswith(iri) and "/" not in node.removeprefix(iri):
                return f"{prefix}:{node.removeprefix(iri)}"
    if isinstance(node, Literal) and node.datatype is not None:
        return f'"{node}"^^{q(node.datatype)}'
    return node.n3() if isinstance(node, URIRef | Literal) else str(node)


def _declared(tbox: Graph, term: Node) -> bool:
    return any(True for _ in tbox.triples((term, RDF.type, None)))


def _vocabulary_problems(graph: Graph, tbox: Graph) -> Iterator[str]:
    for s, p, o in graph:
        if str(p).startswith(_CHECKED_NAMESPACES) and not _declared(tbox, p):
            yield f"unknown property {q(p)} in: {q(s)} {q(p)} {q(o)}"
        if (p == RDF.type and isinstance(o, URIRef) and str(o).startswith(_CHECKED_NAMESPACES)
                and (o, RDF.type, OWL.Class) not in tbox):
            yield f"unknown class {q(o)} in: {q(s)} a {q(o)}"
        if (isinstance(o, URIRef) and str(o).startswith(str(ICS)) and p != RDF.type
                and not _declared(tbox, o)):
            yield f"unknown term {q(o)} in: {q(s)} {q(p)} {q(o)}"


def _datatype_problems(graph: Graph, tbox: Graph) -> Iterator[str]:
    for s, p, o in graph:
        if (p, RDF.type, OWL.DatatypeProperty) in tbox:
            if not isinstance(o, Literal):
                yield f"{q(p)} needs a literal value, not {q(o)}, in: {q(s)}"
                continue
            expected = tbox.value(p, RDFS.range)
            if o.ill_typed:
                yield f"{q(p)} has a malformed value {q(o)}, in: {q(s)}"
            elif expected in (XSD.string, RDF.PlainLiteral):
                if o.datatype not in _STRINGS:
                    yield f"{q(p)} needs a string, not {q(o)}, in: {q(s)}"
            elif expected is not None and o.datatype != expected:
                yield f"{q(p)} needs a {q(expected)} value, not {q(o)}, in: {q(s)}"
        elif (p, RDF.type, OWL.ObjectProperty) in tbox and isinstance(o, Literal):
            yield f"{q(p)} links to a resource, not the literal {q(o)}, in: {q(s)}"


def check_vocabulary(facts: FactBase, tbox: Graph) -> None:
    """Every term used is declared in the ontology and every value has its declared type."""
    for name, graph in facts.graphs.items():
        for problem in (*_vocabulary_problems(graph, tbox), *_datatype_problems(graph, tbox)):
            raise FactError(f"{facts.where(name)}: {problem}")


def check_provenance(facts: FactBase) -> None:
    """Every passage graph has a document and a locator, and every locator has a graph."""
    prov = facts.provenance
    described = set(prov.subjects(RDF.type, ICS.FactGraph))
    for name in facts.graphs:
        if name not in described:
            raise FactError(f"{facts.where(name)}: no provenance (add it to provenance.trig)")
        doc = prov.value(name, PROV.wasDerivedFrom)
        if doc is None or (doc, RDF.type, ICS.SourceDocument) not in prov:
            raise FactError(f"{facts.where(name)}: prov:wasDerivedFrom names no source document")
        for needed in (ICS.charStart, ICS.charEnd, ICS.locator):
            if prov.value(name, needed) is None:
                raise FactError(f"{facts.where(name)}: provenance lacks {q(needed)}")
    for extra in described - set(facts.graphs):
        raise FactError(f"provenance describes <{extra}> but no fact file defines that graph")


def check_kinds_used_properly(facts: FactBase) -> None:
    """A kind stands for a class, so it never gets an rdf:type of its own in the facts."""
    for name, graph in facts.graphs.items():
        for s, _, o in graph.triples((None, RDF.type, None)):
            if isinstance(s, URIRef) and s.startswith(KIND):
                raise FactError(f"{facts.where(name)}: {q(s)} is a kind; do not type it ({q(o)})")
