"""Kind individuals: concepts that stand for every member of a class.

Policy text often speaks of a kind of body ("the ICB must have regard to...").
Facts say that with ``kind:<ClassName>`` individuals, so the ontology needs no
punning (owlready2 mishandles a class used as an individual). The build
generates each kind's label, alt labels and definition from its class.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.build.facts import FactBase
from kg.errors import FactError
from kg.namespaces import ICS, ICSD

KIND = ICSD["kind/"]


def kind_iri(cls: URIRef) -> URIRef:
    return URIRef(f"{KIND}{cls.removeprefix(str(ICS))}")


def referenced_kinds(facts: FactBase) -> dict[URIRef, URIRef]:
    """Map every ``kind:`` IRI used in the facts to the graph that first uses it."""
    found: dict[URIRef, URIRef] = {}
    for name, graph in facts.graphs.items():
        for s, _, o in graph:
            for node in (s, o):
                if isinstance(node, URIRef) and node.startswith(KIND):
                    found.setdefault(node, name)
    return found


def kinds_graph(facts: FactBase, tbox: Graph) -> Graph:
    """Describe each referenced kind from its class; an unknown class is a fact error."""
    graph = Graph()
    for kind, source in sorted(referenced_kinds(facts).items()):
        cls = ICS[kind.removeprefix(KIND)]
        if (cls, RDF.type, OWL.Class) not in tbox:
            raise FactError(
                f"{facts.where(source)}: <{kind}> names no class of the ontology (no {cls.n3()})"
            )
        graph.add((kind, RDF.type, ICS.BodyKind))
        graph.add((kind, RDF.type, OWL.NamedIndividual))
        graph.add((kind, ICS.kindOf, cls))
        for label in tbox.objects(cls, RDFS.label):
            graph.add((kind, RDFS.label, label))
        for alt in tbox.objects(cls, SKOS.altLabel):
            graph.add((kind, SKOS.altLabel, alt))
        for label in tbox.objects(cls, RDFS.label):
            text = f"Any {label}, as the subject of a general policy statement."
            graph.add((kind, SKOS.definition, Literal(text, lang="en")))
    return graph
