"""Reasoning: HermiT (through owlready2) for consistency and entailments, then a closure.

HermiT decides consistency and returns the entailed types and property values
owlready2 exposes. owlready2 reports only the most specific types, so a small
deterministic closure then adds what queries rely on: every superclass type,
inverse, symmetric and transitive property values.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import ReasonerError


def _reasoner_input(tbox: Graph, data: Graph) -> Graph:
    merged = Graph()
    for triple in tbox:
        if triple[1] != OWL.imports:
            merged.add(triple)
    for triple in data:
        merged.add(triple)
    # One ontology header only: the import extracts are merged in, not imported.
    for onto in list(merged.subjects(RDF.type, OWL.Ontology)):
        if str(onto) != "https://w3id.org/icskg/ontology":
            merged.remove((onto, None, None))
    return merged


def run_hermit(tbox: Graph, data: Graph, workdir: Path) -> Graph:
    """Run HermiT on the TBox plus data; return the triples it entails beyond the input.

    Raises :class:`ReasonerError` when the knowledge base is inconsistent or Java fails.
    """
    import owlready2

    path = workdir / "reasoner-input.owl"
    _reasoner_input(tbox, data).serialize(path, format="xml")
    world = owlready2.World()
    try:
        world.get_ontology(path.as_uri()).load()
        before = set(world.as_rdflib_graph())
        owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)
        after = set(world.as_rdflib_graph())
    except owlready2.OwlReadyInconsistentOntologyError as exc:
        raise ReasonerError(
            "HermiT found the ontology plus facts inconsistent; check disjoint classes, "
            "functional properties and ranges of the facts changed last"
        ) from exc
    except (subprocess.CalledProcessError, FileNotFoundError, OSError) as exc:
        raise ReasonerError(f"HermiT could not run (is Java 17 installed?): {exc}") from exc
    finally:
        world.close()
    inferred = Graph()
    for s, p, o in after - before:
        if isinstance(s, BNode) or isinstance(o, BNode) or o == OWL.Thing:
            continue
        inferred.add((s, p, o))
    return inferred


def _superclasses(tbox: Graph) -> dict[URIRef, set[URIRef]]:
    supers: dict[URIRef, set[URIRef]] = {}
    for cls in set(tbox.subjects(RDF.type, OWL.Class)):
        if isinstance(cls, URIRef):
            found = tbox.transitive_objects(cls, RDFS.subClassOf)
            supers[cls] = {c for c in found if isinstance(c, URIRef)} - {cls}
    return supers


def _property_rules(tbox: Graph) -> tuple[list[tuple[URIRef, URIRef]], set[URIRef], set[URIRef]]:
    inverses = [(p, q) for p, q in tbox.subject_objects(OWL.inverseOf)
                if isinstance(p, URIRef) and isinstance(q, URIRef)]
    def typed(kind: URIRef) -> set[URIRef]:
        return {p for p in tbox.subjects(RDF.type, kind) if isinstance(p, URIRef)}

    symmetric, transitive = typed(OWL.SymmetricProperty), typed(OWL.TransitiveProperty)
    return inverses, symmetric, transitive


def close(tbox: Graph, data: Graph) -> Graph:
    """Materialise superclass types, inverses, symmetric and transitive values to a fixpoint."""
    supers = _superclasses(tbox)
    inverses, symmetric, transitive = _property_rules(tbox)
    known = Graph()
    for triple in data:
        known.add(triple)
    added = Graph()

    def add(triple: tuple[URIRef, URIRef, URIRef]) -> bool:
        if triple in known:
            return False
        known.add(triple)
        added.add(triple)
        return True

    changed = True
    while changed:
        changed = False
        for s, _, cls in list(known.triples((None, RDF.type, None))):
            for sup in supers.get(cls, ()):  # type: ignore[call-overload]
                changed |= add((s, RDF.type, sup))  # type: ignore[arg-type]
        for p, q in inverses:
            for s, o in list(known.subject_objects(p)):
                changed |= add((o, q, s))  # type: ignore[arg-type]
            for s, o in list(known.subject_objects(q)):
                changed |= add((o, p, s))  # type: ignore[arg-type]
        for p in symmetric:
            for s, o in list(known.subject_objects(p)):
                changed |= add((o, p, s))  # type: ignore[arg-type]
        for p in transitive:
            for a, b in list(known.subject_objects(p)):
                for c in list(known.objects(b, p)):
                    changed |= add((a, p, c))  # type: ignore[arg-type]
    return added
