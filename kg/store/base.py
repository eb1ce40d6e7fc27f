"""The store interface every layer above talks to.

Two implementations exist: :mod:`kg.store.embedded` (pyoxigraph, in process)
and :mod:`kg.store.remote` (any SPARQL 1.1 endpoint, through SPARQLWrapper).
Questions, ``/ask`` and ``/sparql`` only ever use this interface.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from kg.store.terms import Term


class ResultFormat(enum.Enum):
    """Serialisations the stores can produce, with their media types."""

    JSON = "application/sparql-results+json"
    XML = "application/sparql-results+xml"
    CSV = "text/csv"
    TSV = "text/tab-separated-values"
    TURTLE = "text/turtle"
    NTRIPLES = "application/n-triples"
    RDFXML = "application/rdf+xml"
    JSONLD = "application/ld+json"

    @property
    def media_type(self) -> str:
        return self.value

    @property
    def is_graph_format(self) -> bool:
        return self in (ResultFormat.TURTLE, ResultFormat.NTRIPLES, ResultFormat.RDFXML,
                        ResultFormat.JSONLD)


@dataclass(frozen=True, slots=True)
class SelectResult:
    """The rows of a SELECT query, each a mapping from variable name to term."""

    variables: tuple[str, ...]
    rows: tuple[Mapping[str, Term], ...]


@dataclass(frozen=True, slots=True)
class QueryRequest:
    """One query as the SPARQL 1.1 Protocol describes it, plus our limits."""

    query: str
    result_format: ResultFormat | None = None
    default_graph_uris: Sequence[str] = field(default_factory=tuple)
    named_graph_uris: Sequence[str] = field(default_factory=tuple)
    timeout: float | None = None
    max_rows: int | None = None
    base_iri: str | None = None  # resolves relative IRIs; the protocol lets it be the endpoint
    light: bool = False  # judged cheap by the parser: may use the reserved light lane
    names_dataset: bool = False  # the query has FROM / FROM NAMED of its own


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What a store enforces itself; the executor supplies the rest."""

    enforces_timeout: bool  # stops a query at QueryRequest.timeout / timeout=
    enforces_row_cap: bool  # refuses answers over QueryRequest.max_rows


@dataclass(frozen=True, slots=True)
class RawResult:
    """A serialised query result, ready to send as an HTTP body."""

    body: bytes
    media_type: str
    form: str  # "select", "ask" or "graph"
    row_count: int = 0


Bindings = Mapping[str, Term]


class Store(Protocol):
    """A read-only SPARQL 1.1 store.

    The default graph of every query is the union of all named graphs unless
    the caller names a dataset. ``bindings`` pre-bind variables safely (no
    text is ever pasted into query strings).
    """

    name: str
    capabilities: Capabilities

    def select(self, query: str, bindings: Bindings | None = None, *,
               timeout: float | None = None, max_rows: int | None = None) -> SelectResult:
        """The rows of a SELECT; more than ``max_rows`` is a
        :class:`kg.errors.ResultLimitError`, never a shortened answer."""
        ...

    def ask(self, query: str, bindings: Bindings | None = None, *,
            timeout: float | None = None) -> bool: ...

    def construct(self, query: str, bindings: Bindings | None = None, *,
                  timeout: float | None = None) -> list[tuple[Term, Term, Term]]: ...

    def execute(self, request: QueryRequest) -> RawResult: ...

    def triple_count(self) -> int: ...

    def ping(self) -> None:
        """Raise :class:`kg.errors.StoreUnavailableError` when the store cannot answer."""
        ...

    def close(self) -> None: ...
