"""Writing TriG fast, and the inferences the build would add, from the real TBox.

The generator streams text instead of building rdflib graphs: a million
triples through rdflib would take longer than the benchmark itself. Terms
are N3 strings (prefixed names or literals) made by the helpers below.
Inferences follow :func:`kg.build.reason.close`: superclass types, inverse
properties and transitive closure, all read from the ontology.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.build.kinds import KIND
from kg.namespaces import PREFIXES

Triple = tuple[str, str, str]

_ALL_PREFIXES = {**PREFIXES, "kind": str(KIND)}
_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")


def header() -> str:
    """The TriG prefix declarations every generated file starts with."""
    return "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in sorted(_ALL_PREFIXES.items()))


def short(iri: str) -> str:
    """An IRI as a prefixed name when one fits, else in angle brackets."""
    for prefix, namespace in _ALL_PREFIXES.items():
        local = iri.removeprefix(namespace)
        if local != iri and local and set(local) <= _SAFE and local[0] not in "-_":
            return f"{prefix}:{local}"
    return f"<{iri}>"


def text(value: str) -> str:
    """An English-language string literal."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@en'


def plain(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def when(iso: str) -> str:
    """An ``xsd:dateTime`` literal (timezone-less, like the curated facts)."""
    return f'"{iso}"^^xsd:dateTime'


@dataclass(frozen=True)
class Entailment:
    """What the TBox lets the build infer: superclasses, inverses and transitive properties."""

    supers: dict[str, tuple[str, ...]]
    inverses: dict[str, str]
    transitive: frozenset[str]
    declared: frozenset[str]

    @classmethod
    def from_tbox(cls, tbox: Graph) -> Entailment:
        supers: dict[str, tuple[str, ...]] = {}
        for cls_iri in set(tbox.subjects(RDF.type, OWL.Class)):
            if isinstance(cls_iri, URIRef):
                found = {c for c in tbox.transitive_objects(cls_iri, RDFS.subClassOf)
                         if isinstance(c, URIRef) and c != cls_iri}
                supers[short(cls_iri)] = tuple(sorted(short(c) for c in found))
        inverses: dict[str, str] = {}
        for p, q in tbox.subject_objects(OWL.inverseOf):
            inverses[short(str(p))] = short(str(q))
            inverses[short(str(q))] = short(str(p))
        transitive = frozenset(short(str(p)) for p in tbox.subjects(RDF.type,
                                                                    OWL.TransitiveProperty))
        declared = frozenset(short(str(t)) for t in tbox.subjects(RDF.type, None)
                             if isinstance(t, URIRef))
        return cls(supers, inverses, transitive, declared)


@dataclass
class Inferred:
    """Collects entailed triples, without duplicates, and closes transitive properties."""

    rules: Entailment
    triples: set[Triple] = field(default_factory=set)
    edges: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    asserted: set[Triple] = field(default_factory=set)

    def add_from(self, s: str, p: str, o: str) -> None:
        if p == "rdf:type":
            self.triples.update((s, "rdf:type", sup) for sup in self.rules.supers.get(o, ()))
            return
        inverse = self.rules.inverses.get(p)
        if inverse is not None:
            self.triples.add((o, inverse, s))
        if p in self.rules.transitive:
            self.edges.setdefault(p, {}).setdefault(s, set()).add(o)
            self.asserted.add((s, p, o))
        if inverse in self.rules.transitive:
            self.edges.setdefault(inverse, {}).setdefault(o, set()).add(s)

    def closed(self) -> set[Triple]:
        """The inferred triples plus the transitive closure, minus the asserted edges."""
        result = set(self.triples)
        for p, graph in self.edges.items():
            for start in graph:
                result.update((start, p, reached) for reached in _reachable(graph, start))
        return result - self.asserted


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph.get(start, ()))
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, ()))
    return seen


class TrigWriter:
    """Writes named graphs to a stream and counts the triples (quads) written."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self.triples = 0
        self.graphs = 0
        stream.write(header())

    def graph(self, name: str, triples: Iterable[Triple]) -> None:
        lines = [f"{s} {p} {o} ." for s, p, o in triples]
        if not lines:
            return
        self._stream.write(f"\n{name} {{\n" + "\n".join(lines) + "\n}\n")
        self.triples += len(lines)
        self.graphs += 1
