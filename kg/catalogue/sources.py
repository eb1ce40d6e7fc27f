"""Resolve the sources behind a result: each fact graph's document, title, publisher, date, locator.

Catalogue queries return ``?g`` (the named graph holding the fact) and ``?doc``
(its document). One query over the provenance graph turns those into source
records. The graph IRIs come from the store's own answer, and each is written
into the query by :func:`kg.store.values.term_n3`, which refuses anything that
is not a single well-formed IRI.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kg.store.base import SelectResult, Store
from kg.store.terms import Term
from kg.store.values import term_n3

_QUERY = """\
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX ics: <https://w3id.org/icskg/ontology#>
SELECT ?g ?doc ?title ?publisher ?publisherLabel ?date ?locator ?start ?end WHERE {
  VALUES ?g { %s }
  ?g prov:wasDerivedFrom ?doc .
  ?doc a ics:SourceDocument .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:publisher ?publisher
             OPTIONAL { ?publisher rdfs:label ?publisherLabel } }
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?g ics:locator ?locator }
  OPTIONAL { ?g ics:charStart ?start }
  OPTIONAL { ?g ics:charEnd ?end }
}"""


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One cited passage: the fact graph, its document and where in the document it is."""

    graph: str
    document: str
    title: str | None
    publisher: str | None
    date: str | None
    locator: str | None
    char_start: int | None
    char_end: int | None


def graphs_of(rows: Iterable[Mapping[str, Term]], column: str = "g") -> tuple[str, ...]:
    """The distinct IRIs of ``column`` across ``rows``, in first-seen order."""
    seen: dict[str, None] = {}
    for row in rows:
        term = row.get(column)
        if term is not None and term.is_iri:
            seen.setdefault(term.value, None)
    return tuple(seen)


def _int(term: Term | None) -> int | None:
    if term is None:
        return None
    try:
        return int(term.value)
    except ValueError:
        return None


def _record(row: Mapping[str, Term]) -> SourceRecord:
    publisher = row.get("publisherLabel") or row.get("publisher")
    title, date, locator = row.get("title"), row.get("date"), row.get("locator")
    return SourceRecord(
        graph=row["g"].value,
        document=row["doc"].value,
        title=title.value if title else None,
        publisher=publisher.value if publisher else None,
        date=date.value if date else None,
        locator=locator.value if locator else None,
        char_start=_int(row.get("start")),
        char_end=_int(row.get("end")),
    )


def resolve_sources(store: Store, graphs: Iterable[str], *,
                    timeout: float | None = None) -> list[SourceRecord]:
    """Source records for the given fact graphs, ordered by document and position.

    Graphs without provenance (the ontology, the inferred graph) have none and
    are left out. One record per graph and document, whatever the row count.
    """
    wanted = tuple(dict.fromkeys(graphs))
    if not wanted:
        return []
    values = " ".join(term_n3(Term.iri(g)) for g in wanted)
    result = store.select(_QUERY % values, timeout=timeout)
    records: dict[tuple[str, str], SourceRecord] = {}
    for row in result.rows:
        if "g" in row and "doc" in row:
            records.setdefault((row["g"].value, row["doc"].value), _record(row))
    return sorted(records.values(),
                  key=lambda r: (r.document, r.char_start if r.char_start is not None else -1,
                                 r.graph))


def sources_for(store: Store, result: SelectResult, *,
                timeout: float | None = None) -> list[SourceRecord]:
    """The sources of every row of a catalogue result (its ``?g`` column)."""
    return resolve_sources(store, graphs_of(result.rows), timeout=timeout)
