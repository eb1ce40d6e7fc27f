"""Reading the curated facts: one TriG file per source document, one named graph per passage."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.errors import FactError
from kg.namespaces import PROVENANCE_GRAPH


@dataclass
class FactBase:
    """The curated facts: each passage graph, the file it came from, and the provenance graph."""

    graphs: dict[URIRef, Graph] = field(default_factory=dict)
    files: dict[URIRef, Path] = field(default_factory=dict)
    provenance: Graph = field(default_factory=Graph)

    def union(self) -> Graph:
        """All fact triples in one graph (provenance apart)."""
        union = Graph()
        for graph in self.graphs.values():
            for triple in graph:
                union.add(triple)
        return union

    def where(self, graph: URIRef) -> str:
        """Human-readable location of a graph, for error messages."""
        return f"{self.files.get(graph, '?')} (graph <{graph}>)"


def _parse_file(path: Path) -> Dataset:
    dataset = Dataset()
    try:
        dataset.parse(path, format="trig")
    except Exception as exc:  # rdflib's parsers raise assorted types; report them uniformly
        raise FactError(f"{path}: not valid TriG: {exc}") from exc
    return dataset


def load_facts(directory: Path) -> FactBase:
    """Parse every ``*.trig`` in ``directory``; a graph name used twice is an error."""
    files = sorted(directory.glob("*.trig"))
    if not files:
        raise FactError(f"{directory}: no *.trig fact files found")
    facts = FactBase()
    for path in files:
        for graph in _parse_file(path).graphs():
            name = graph.identifier
            if not isinstance(name, URIRef) or len(graph) == 0:
                if len(graph) and not isinstance(name, URIRef):
                    raise FactError(
                        f"{path}: triples outside a named graph; put each in its passage graph"
                    )
                continue
            if name == PROVENANCE_GRAPH:
                for triple in graph:
                    facts.provenance.add(triple)
                continue
            if name in facts.graphs:
                raise FactError(f"{path}: graph <{name}> is also defined in {facts.files[name]}")
            copy = Graph(identifier=name)
            for triple in graph:
                copy.add(triple)
            facts.graphs[name] = copy
            facts.files[name] = path
    return facts
