"""Loading the TBox: the icskg ontology and its local import extracts.

owlready2 cannot read Turtle, so the release step (:mod:`kg.build.release`)
writes RDF/XML copies; this module only deals with the Turtle sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from kg.errors import FactError
from kg.paths import ontology_dir

ONTOLOGY_FILE = "icskg.ttl"
SHAPES_FILE = "shapes.ttl"


@dataclass(frozen=True)
class OntologySources:
    """The parsed TBox: the main ontology and each import extract, keyed by its IRI."""

    main: Graph
    imports: dict[str, Graph]

    def merged(self) -> Graph:
        """The ontology plus its imports, as one graph."""
        graph = Graph()
        for part in (self.main, *self.imports.values()):
            for triple in part:
                graph.add(triple)
        return graph


def _parse(path: Path) -> Graph:
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser types; all mean the same to a user
        raise FactError(f"{path}: not valid Turtle: {exc}") from exc
    return graph


def load_ontology(directory: Path | None = None) -> OntologySources:
    """Parse ``icskg.ttl`` and every ``imports/*.ttl`` extract."""
    folder = directory or ontology_dir()
    main = _parse(folder / ONTOLOGY_FILE)
    imports: dict[str, Graph] = {}
    for path in sorted((folder / "imports").glob("*.ttl")):
        graph = _parse(path)
        iri = next(graph.subjects(RDF.type, OWL.Ontology), None)
        if not isinstance(iri, URIRef):
            raise FactError(f"{path}: import extract declares no owl:Ontology")
        imports[str(iri)] = graph
    return OntologySources(main, imports)


def load_shapes(directory: Path | None = None) -> Graph:
    """Parse the SHACL shapes that instance data must conform to."""
    return _parse((directory or ontology_dir()) / SHAPES_FILE)
