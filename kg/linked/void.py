"""The voID description of the dataset: size, graphs, classes, properties, licence, sources."""

from __future__ import annotations

from dataclasses import dataclass

from kg.linked.iris import IriMap
from kg.linked.rdf import Triple
from kg.namespaces import DCTERMS, ICS, ONTOLOGY_IRI, RDF, XSD
from kg.store.base import Store
from kg.store.terms import Term

VOID = "http://rdfs.org/ns/void#"
SD = "http://www.w3.org/ns/sparql-service-description#"

_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
_CLASSES = ("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(isIRI(?c)) } "
            "GROUP BY ?c ORDER BY ?c")
_PROPERTIES = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p"
_DISTINCT = ("SELECT (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects) "
             "WHERE { ?s ?p ?o }")
_SOURCES = f"""SELECT ?doc ?title WHERE {{ ?doc a <{ICS.SourceDocument}> .
  OPTIONAL {{ ?doc <{DCTERMS.title}> ?title }} }} ORDER BY ?doc"""
_LICENCE = f"SELECT ?l WHERE {{ <{ONTOLOGY_IRI}> <{DCTERMS.license}> ?l }} LIMIT 1"


@dataclass(frozen=True, slots=True)
class Count:
    iri: str
    count: int


@dataclass(frozen=True, slots=True)
class VoidView:
    """What /void says about the dataset (the JSON twin of the page, too)."""

    dataset: str
    title: str
    triples: int
    distinct_subjects: int
    distinct_objects: int
    graphs: tuple[Count, ...]
    classes: tuple[Count, ...]
    properties: tuple[Count, ...]
    licence: str | None
    sources: tuple[tuple[str, str], ...]  # (IRI, title)
    sparql_endpoint: str
    uri_space: str
    vocabulary: str


def _counts(store: Store, query: str, var: str) -> tuple[Count, ...]:
    return tuple(Count(r[var].value, int(r["n"].value)) for r in store.select(query).rows)


def void_view(store: Store, iris: IriMap, sparql_url: str) -> VoidView:
    """Count what the store holds (a few aggregate queries: cache the answer per graph)."""
    graphs = _counts(store, _GRAPHS, "g")
    distinct = store.select(_DISTINCT).rows[0]
    licence = store.select(_LICENCE).rows
    sources = tuple((r["doc"].value, r["title"].value if "title" in r else r["doc"].value)
                    for r in store.select(_SOURCES).rows)
    return VoidView(
        dataset=iris.base + "void#dataset", title="icskg: NHS England integrated care systems",
        triples=sum(c.count for c in graphs),
        distinct_subjects=int(distinct["subjects"].value),
        distinct_objects=int(distinct["objects"].value),
        graphs=graphs, classes=_counts(store, _CLASSES, "c"),
        properties=_counts(store, _PROPERTIES, "p"),
        licence=licence[0]["l"].value if licence else None,
        sources=tuple(dict.fromkeys(sources)), sparql_endpoint=sparql_url,
        uri_space=iris.base + "id/", vocabulary=ONTOLOGY_IRI)


def v(name: str) -> Term:
    """A term of the voID vocabulary."""
    return Term.iri(VOID + name)


def _int(n: int) -> Term:
    return Term.literal(str(n), str(XSD.integer))


def void_triples(view: VoidView) -> list[Triple]:
    """The voID (and SPARQL Service Description) triples of :func:`void_view`."""
    ds = Term.iri(view.dataset)
    out: list[Triple] = [
        (ds, Term.iri(str(RDF.type)), v("Dataset")),
        (ds, Term.iri(str(DCTERMS.title)), Term.literal(view.title, lang="en")),
        (ds, v("triples"), _int(view.triples)),
        (ds, v("distinctSubjects"), _int(view.distinct_subjects)),
        (ds, v("distinctObjects"), _int(view.distinct_objects)),
        (ds, v("classes"), _int(len(view.classes))),
        (ds, v("properties"), _int(len(view.properties))),
        (ds, v("sparqlEndpoint"), Term.iri(view.sparql_endpoint)),
        (ds, v("uriSpace"), Term.literal(view.uri_space)),
        (ds, v("vocabulary"), Term.iri(view.vocabulary)),
    ]
    if view.licence:
        out.append((ds, Term.iri(str(DCTERMS.license)), Term.iri(view.licence)))
    for iri, title in view.sources:
        out.append((ds, Term.iri(str(DCTERMS.source)), Term.iri(iri)))
        out.append((Term.iri(iri), Term.iri(str(DCTERMS.title)), Term.literal(title)))
    for name, kind, counts, count_prop in (
            ("graph", "subset", view.graphs, "triples"),
            ("class", "classPartition", view.classes, "entities"),
            ("property", "propertyPartition", view.properties, "triples")):
        for i, c in enumerate(counts):
            part = Term.iri(f"{view.dataset}-{name}-{i}")
            out.append((ds, v(kind), part))
            key = Term.iri(SD + "name") if name == "graph" else v(name)
            out += [(part, key, Term.iri(c.iri)), (part, v(count_prop), _int(c.count))]
            if name == "graph":
                out.append((part, Term.iri(str(RDF.type)), v("Dataset")))
    return out
