"""Checks on the curated facts before reasoning: vocabulary, datatypes, provenance, SHACL.

Each failure names the file and the fact, so an editor can go straight to it.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, XSD

from kg.build.facts import FactBase
from kg.build.kinds import KIND
from kg.errors import FactError
from kg.namespaces import DCTERMS, ICS, ORG, SKOS

_CHECKED_NAMESPACES = (str(ICS), str(ORG), str(PROV), str(SKOS), str(DCTERMS))
_STRINGS = (None, XSD.string, RDF.langString)


def _declared(tbox: Graph, term: URIRef) -> bool:
    return any(True for _ in tbox.triples((term, RDF.type, None)))


def _vocabulary_problems(graph: Graph, tbox: Graph) -> Iterator[str]:
    for s, p, o in graph:
        if str(p).startswith(_CHECKED_NAMESPACES) and not _declared(tbox, p):
            yield f"unknown property {p.n3()} in: {s.n3()} {p.n3()} {o.n3()}"
        if p == RDF.type and isinstance(o, URIRef) and str(o).startswith(_CHECKED_NAMESPACES):
            if (o, RDF.type, OWL.Class) not in tbox:
                yield f"unknown class {o.n3()} in: {s.n3()} a {o.n3()}"
        if (isinstance(o, URIRef) and str(o).startswith(str(ICS)) and p != RDF.type
                and not _declared(tbox, o)):
            yield f"unknown term {o.n3()} in: {s.n3()} {p.n3()} {o.n3()}"


def _datatype_problems(graph: Graph, tbox: Graph) -> Iterator[str]:
    for s, p, o in graph:
        if (p, RDF.type, OWL.DatatypeProperty) in tbox:
            if not isinstance(o, Literal):
                yield f"{p.n3()} needs a literal value, not {o.n3()}, in: {s.n3()}"
                continue
            expected = tbox.value(p, RDFS.range)
            if o.ill_typed:
                yield f"{p.n3()} has a malformed value {o.n3()}, in: {s.n3()}"
            elif expected in (XSD.string, RDF.PlainLiteral):
                if o.datatype not in _STRINGS:
                    yield f"{p.n3()} needs a string, not {o.n3()}, in: {s.n3()}"
            elif expected is not None and o.datatype != expected:
                yield f"{p.n3()} needs a {expected.n3()} value, not {o.n3()}, in: {s.n3()}"
        elif (p, RDF.type, OWL.ObjectProperty) in tbox and isinstance(o, Literal):
            yield f"{p.n3()} links to a resource, not the literal {o.n3()}, in: {s.n3()}"


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
                raise FactError(f"{facts.where(name)}: provenance lacks {needed.n3()}")
    for name in described - set(facts.graphs):
        raise FactError(f"provenance describes <{name}> but no fact file defines that graph")


def check_kinds_used_properly(facts: FactBase) -> None:
    """A kind stands for a class, so it never gets an rdf:type of its own in the facts."""
    for name, graph in facts.graphs.items():
        for s, _, o in graph.triples((None, RDF.type, None)):
            if isinstance(s, URIRef) and s.startswith(KIND):
                raise FactError(f"{facts.where(name)}: {s.n3()} is a kind; do not type it ({o.n3()})")
