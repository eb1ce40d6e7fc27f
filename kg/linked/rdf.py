"""The RDF documents behind the pages: an entity's triples, a graph's, the TBox's."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.linked.negotiate import Representation
from kg.linked.terms import ALL_PREFIXES
from kg.namespaces import ONTOLOGY_GRAPH
from kg.store.base import Store
from kg.store.terms import Term

Triple = tuple[Term, Term, Term]

_ENTITY = ("CONSTRUCT { ?s ?p ?o } WHERE { { ?x ?p ?o BIND(?x AS ?s) } "
           "UNION { ?s ?p ?x BIND(?x AS ?o) } }")
_GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_ABOUT = "CONSTRUCT { ?g ?p ?o } WHERE { ?g ?p ?o }"

_FORMATS = {
    Representation.TURTLE: ox.RdfFormat.TURTLE,
    Representation.NTRIPLES: ox.RdfFormat.N_TRIPLES,
    Representation.RDFXML: ox.RdfFormat.RDF_XML,
    Representation.JSONLD: ox.RdfFormat.JSON_LD,
}


def entity_triples(store: Store, iri: str) -> list[Triple]:
    """Every triple with ``iri`` as subject or object, in any graph (each once)."""
    return _unique(store.construct(_ENTITY, {"x": Term.iri(iri)}))


def graph_triples(store: Store, graph: str) -> list[Triple]:
    """A named graph's own triples, plus what the dataset says about the graph itself."""
    node = Term.iri(graph)
    return _unique([*store.construct(_GRAPH, {"g": node}), *store.construct(_ABOUT, {"g": node})])


def ontology_triples(store: Store) -> list[Triple]:
    return graph_triples(store, str(ONTOLOGY_GRAPH))


def _unique(triples: Iterable[Triple]) -> list[Triple]:
    return list(dict.fromkeys(triples))


def _ox(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if term.kind == "iri":
        return ox.NamedNode(term.value)
    if term.kind == "bnode":
        return ox.BlankNode(term.value)
    if term.lang:
        return ox.Literal(term.value, language=term.lang)
    if term.datatype:
        return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype))
    return ox.Literal(term.value)


_EXTRA_PREFIXES = {"void": "http://rdfs.org/ns/void#",
                   "sd": "http://www.w3.org/ns/sparql-service-description#"}


def serialise(triples: Iterable[Triple], fmt: Representation) -> bytes:
    """Write triples in an RDF representation, with the data's prefixes where it has them."""
    out = [ox.Triple(_ox(s), _ox(p), _ox(o)) for s, p, o in triples]  # type: ignore[arg-type]
    prefixes = (None if fmt is Representation.NTRIPLES
                else {**ALL_PREFIXES, **_EXTRA_PREFIXES})
    return ox.serialize(out, format=_FORMATS[fmt], prefixes=prefixes) or b""
