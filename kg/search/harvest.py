"""Read every passage graph out of a store: its citation, its statements and their labels.

Three SELECTs over the store interface (so the remote store works as the
embedded one does): the passages with their documents, every statement of
every passage graph, and every label. Nothing is written into a query string.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kg.catalogue.answer import show_term
from kg.catalogue.prefixes import shorten
from kg.namespaces import RDF, RDFS, SKOS
from kg.search.model import Statement
from kg.store.base import Store
from kg.store.terms import Term

_PREFIXES = """\
PREFIX ics: <https://w3id.org/icskg/ontology#>
PREFIX icsg: <https://w3id.org/icskg/graph/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

_PASSAGES = _PREFIXES + """\
SELECT ?g ?doc ?title ?locator ?summary WHERE {
  ?g a ics:FactGraph ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?g ics:locator ?locator }
  OPTIONAL { GRAPH icsg:provenance { ?g rdfs:comment ?summary } }
}"""

_STATEMENTS = _PREFIXES + """\
SELECT ?g ?s ?p ?o WHERE { ?g a ics:FactGraph . GRAPH ?g { ?s ?p ?o } }"""

_LABELS = _PREFIXES + """\
SELECT ?x ?p ?label WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel }
  ?x ?p ?label FILTER(isIRI(?x))
}"""

# Label triples name things rather than state facts: they feed the labels, not the statements.
_LABEL_PREDICATES = frozenset({str(RDFS.label), str(SKOS.prefLabel), str(SKOS.altLabel)})
_RDF_TYPE = str(RDF.type)
_OWN_LABELS = {_RDF_TYPE: "is a"}


@dataclass(frozen=True, slots=True)
class Passage:
    """One passage graph as read from the store, before any query."""

    graph: str
    document: str
    title: str | None
    locator: str | None
    summary: str | None
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class Labels:
    """Every IRI's preferred label and its other names (alternative labels, acronyms)."""

    preferred: Mapping[str, str]
    others: Mapping[str, tuple[str, ...]]

    def of(self, term: Term) -> str:
        if not term.is_iri:
            return show_term(term)
        return _OWN_LABELS.get(term.value) or self.preferred.get(term.value) or shorten(term.value)

    def names(self, iri: str) -> tuple[str, ...]:
        """All names of ``iri``: the preferred label first."""
        preferred = self.preferred.get(iri)
        return ((preferred,) if preferred else ()) + self.others.get(iri, ())


def read_labels(store: Store) -> Labels:
    # Rank: an English rdfs:label, any rdfs:label, skos:prefLabel; first seen wins a tie.
    ranked: dict[str, tuple[int, str]] = {}
    others: dict[str, dict[str, None]] = defaultdict(dict)
    for row in store.select(_LABELS).rows:
        iri, predicate, label = row["x"].value, row["p"].value, row["label"]
        rank = _rank(predicate, label)
        if rank is None:
            others[iri].setdefault(label.value, None)
        elif iri not in ranked or rank < ranked[iri][0]:
            ranked[iri] = (rank, label.value)
    preferred = {iri: label for iri, (_, label) in ranked.items()}
    return Labels(preferred, {iri: tuple(n for n in names if n != preferred.get(iri))
                              for iri, names in others.items()})


def _rank(predicate: str, label: Term) -> int | None:
    if predicate == str(RDFS.label):
        return 0 if (label.lang or "").lower().startswith("en") else 1
    if predicate == str(SKOS.prefLabel):
        return 2
    return None


def statement(s: Term, p: Term, o: Term, labels: Labels) -> Statement:
    subject_label, predicate_label, object_label = labels.of(s), labels.of(p), labels.of(o)
    return Statement(
        subject=s.value, subject_label=subject_label,
        predicate=p.value, predicate_label=predicate_label,
        object=o.value, object_label=object_label,
        text=f"{subject_label} — {predicate_label} — {object_label}", score=0.0)


def _statements(store: Store, labels: Labels) -> dict[str, list[Statement]]:
    by_graph: dict[str, list[Statement]] = defaultdict(list)
    for row in store.select(_STATEMENTS).rows:
        s, p, o = row["s"], row["p"], row["o"]
        if p.value in _LABEL_PREDICATES or "bnode" in (s.kind, o.kind):
            continue
        by_graph[row["g"].value].append(statement(s, p, o, labels))
    for found in by_graph.values():
        # Each subject's type first, so a passage reads "X is a Y" before X's other facts.
        found.sort(key=lambda st: (st.subject, st.predicate != _RDF_TYPE, st.predicate,
                                   st.object))
    return by_graph


def _first(rows: Iterable[Mapping[str, Term]], name: str) -> str | None:
    for row in rows:
        term = row.get(name)
        if term is not None:
            return term.value
    return None


def read_passages(store: Store, labels: Labels) -> list[Passage]:
    """Every passage graph of the store with its statements, ordered by graph IRI."""
    rows: dict[str, list[Mapping[str, Term]]] = defaultdict(list)
    for row in store.select(_PASSAGES).rows:
        rows[row["g"].value].append(row)
    statements = _statements(store, labels)
    return [Passage(graph=graph, document=found[0]["doc"].value,
                    title=_first(found, "title"), locator=_first(found, "locator"),
                    summary=_first(found, "summary"),
                    statements=tuple(statements.get(graph, ())))
            for graph, found in sorted(rows.items())]
