"""The source documents the graph cites, with their metadata from the provenance graph."""

from __future__ import annotations

from dataclasses import dataclass

from kg.store.base import Store

_DOCUMENTS = """\
PREFIX ics: <https://w3id.org/icskg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?doc ?title ?publisher ?date ?kind ?file (COUNT(DISTINCT ?g) AS ?passages) WHERE {
  ?doc a ics:SourceDocument .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:publisher ?publisher }
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?doc ics:documentKind ?kind }
  OPTIONAL { ?doc ics:fileName ?file }
  OPTIONAL { ?g prov:wasDerivedFrom ?doc }
} GROUP BY ?doc ?title ?publisher ?date ?kind ?file ORDER BY ?doc"""


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One source document: what to cite it as, and how many passages of it the graph holds."""

    iri: str
    title: str | None
    publisher: str | None
    date: str | None
    kind: str | None
    file_name: str | None
    passages: int


def source_documents(store: Store, *, timeout: float | None = None) -> tuple[SourceDocument, ...]:
    found: dict[str, SourceDocument] = {}
    for row in store.select(_DOCUMENTS, timeout=timeout).rows:
        iri = row["doc"].value

        def text(name: str) -> str | None:
            term = row.get(name)  # noqa: B023 - used at once, inside the loop
            return term.value if term is not None else None

        found.setdefault(iri, SourceDocument(iri, text("title"), text("publisher"), text("date"),
                                             text("kind"), text("file"),
                                             int(text("passages") or 0)))
    return tuple(found.values())
