"""What a search returns: cited passages (:class:`SearchHit`) and their :class:`Statement` s."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Statement:
    """One triple of a passage graph, with labels and a readable one-line form."""

    subject: str
    subject_label: str
    predicate: str
    predicate_label: str
    object: str  # an IRI, or a literal's lexical form
    object_label: str
    text: str  # "subject — predicate — object", in labels
    score: float  # BM25 score of this statement against the query (0: not matched)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A passage graph ranked for a query: where it is cited from and its best statements."""

    graph: str  # the passage graph IRI
    score: float
    summary: str | None  # the graph's rdfs:comment in the provenance graph, if any
    document: str  # the source document IRI
    title: str | None
    locator: str | None
    statements: tuple[Statement, ...]
