"""Provenance of the graphs the build produces (icsg:vocabulary, icsg:inferred, icsg:ontology).

Fact graphs point at their passage (provenance.trig); the derived graphs say instead which
build generated them and which graphs they were made from, so every named graph of the
dataset has provenance. Written into icsg:provenance alongside the curated records.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kg.namespaces import (
    ICS,
    ICSD,
    ICSG,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    ONTOLOGY_IRI,
    PROVENANCE_GRAPH,
)

VOCABULARY_GRAPH = ICSG["vocabulary"]
SOFTWARE = ICSD["software/icskg-build"]


def _stamp(moment: datetime) -> Literal:
    # Timezone-less, like every dateTime of the dataset (SPARQL cannot order mixed ones).
    return Literal(moment.replace(tzinfo=None, microsecond=0).isoformat(), datatype=XSD.dateTime)


def derived_provenance(build_id: str, started: datetime, ended: datetime,
                       fact_graphs: Iterable[URIRef]) -> Graph:
    """Records for the build activity and for each derived graph."""
    facts = sorted(fact_graphs)
    activity = ICSD[f"build/{build_id}"]
    graph = Graph()
    graph.add((activity, RDF.type, ICS.Build))
    graph.add((activity, RDFS.label, Literal(f"icskg build {build_id}", lang="en")))
    graph.add((activity, PROV.startedAtTime, _stamp(started)))
    graph.add((activity, PROV.endedAtTime, _stamp(ended)))
    graph.add((activity, PROV.wasAssociatedWith, SOFTWARE))
    graph.add((SOFTWARE, RDF.type, PROV.SoftwareAgent))
    graph.add((SOFTWARE, RDFS.label, Literal("icskg build (kg.build.pipeline)", lang="en")))
    for used in (*facts, PROVENANCE_GRAPH):
        graph.add((activity, PROV.used, used))
    sources = {
        ONTOLOGY_GRAPH: ("The released TBox: the icskg ontology and its import extracts",
                         [URIRef(ONTOLOGY_IRI)]),
        VOCABULARY_GRAPH: ("Kinds of body, generated from the ontology's classes for the kinds "
                           "the facts use", [*facts, ONTOLOGY_GRAPH]),
        INFERRED_GRAPH: ("Inferences of HermiT and the closure, with plain-date twins, over the "
                         "facts, kinds, provenance and ontology",
                         [*facts, VOCABULARY_GRAPH, PROVENANCE_GRAPH, ONTOLOGY_GRAPH]),
    }
    for name, (label, derived_from) in sources.items():
        graph.add((name, RDF.type, ICS.DerivedGraph))
        graph.add((name, RDFS.label, Literal(label, lang="en")))
        graph.add((name, PROV.wasGeneratedBy, activity))
        for source in derived_from:
            graph.add((name, PROV.wasDerivedFrom, source))
    return graph
