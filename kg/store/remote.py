"""The remote store: any SPARQL 1.1 endpoint, queried through SPARQLWrapper.

Bindings travel as an inline ``VALUES`` block (:mod:`kg.store.values`). The
default graph is the union of the named graphs: Oxigraph server is asked for
it per query (``union-default-graph``); other stores are configured for it
once (see the README, "Running on a triple store").

Every answer is parsed whole before it is used or passed on. Oxigraph reports
a query that fails or is cancelled while streaming as HTTP 200 with the body
cut short (and its error text appended); strict parsing turns that into a
:class:`StoreUnavailableError` instead of a silently partial answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.parsers import expat

import pyoxigraph as ox

from kg.errors import QuerySyntaxError, ResultLimitError, StoreUnavailableError
from kg.settings import Settings
from kg.store.base import (
    Bindings,
    Capabilities,
    QueryRequest,
    RawResult,
    ResultFormat,
    SelectResult,
)
from kg.store.embedded import to_term
from kg.store.oxformats import serialise
from kg.store.protocol import Endpoint, Reply, send
from kg.store.terms import Term
from kg.store.values import bind_values, term_n3

_RESULTS_IN = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
}
_GRAPH_IN = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

Answer = ox.QuerySolutions | ox.QueryBoolean


def _incomplete(exc: Exception) -> StoreUnavailableError:
    return StoreUnavailableError(
        "the remote store sent an incomplete or malformed answer "
        f"(a failed or cancelled query?): {exc}"
    )


def _well_formed_xml(body: bytes) -> None:
    """Raise unless ``body`` is one complete XML document (pyoxigraph reads XML lazily,
    so a document cut after a closed element would otherwise pass)."""
    parser = expat.ParserCreate()

    def no_doctype(*_: object) -> None:
        raise expat.ExpatError("a DOCTYPE is not allowed in a SPARQL answer")

    parser.StartDoctypeDeclHandler = no_doctype
    try:
        parser.Parse(body, True)
    except expat.ExpatError as exc:
        raise _incomplete(exc) from exc


def _answer(reply: Reply) -> Answer:
    fmt = _RESULTS_IN.get(reply.media_type)
    if fmt is None:
        raise StoreUnavailableError(
            f"the remote store answered {reply.media_type or 'no media type'}, not a result set")
    if fmt is ox.QueryResultsFormat.XML:
        _well_formed_xml(reply.body)
    try:
        return ox.parse_query_results(reply.body, fmt)
    except SyntaxError as exc:
        raise _incomplete(exc) from exc


def _triples(reply: Reply) -> Iterator[ox.Triple]:
    fmt = _GRAPH_IN.get(reply.media_type)
    if fmt is None:
        raise StoreUnavailableError(
            f"the remote store answered {reply.media_type or 'no media type'}, not a graph")
    if fmt is ox.RdfFormat.RDF_XML:
        _well_formed_xml(reply.body)
    try:
        for quad in ox.parse(reply.body, fmt):
            yield quad.triple
    except SyntaxError as exc:
        raise _incomplete(exc) from exc


def _checked_size(items: Iterator[object], max_rows: int | None) -> int:
    """Consume the whole answer (so a cut-short body raises) and count it."""
    count = 0
    for _ in items:
        count += 1
        if max_rows is not None and count > max_rows:
            raise ResultLimitError(f"the query returned more than {max_rows} results")
    return count


def _solutions(answer: Answer) -> Iterator[ox.QuerySolution]:
    if isinstance(answer, ox.QuerySolutions):
        try:
            yield from answer
        except SyntaxError as exc:
            raise _incomplete(exc) from exc


class RemoteStore:
    """A SPARQL 1.1 endpoint as a :class:`kg.store.base.Store`; holds no connection."""

    name = "remote"
    # The store is sent the time limit; answers are counted against max_rows while parsed.
    capabilities = Capabilities(enforces_timeout=True, enforces_row_cap=True)

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint

    @classmethod
    def from_settings(cls, settings: Settings) -> RemoteStore:
        if not settings.endpoint_url:
            raise StoreUnavailableError("no remote store configured (ICSKG_ENDPOINT_URL)")
        return cls(Endpoint(
            query_url=settings.endpoint_url,
            user=settings.store_user,
            password=settings.store_password,
            timeout=settings.query_timeout,
            union_param=settings.store_union_param or None,
        ))

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint.shown!r})"

    def _ask_store(self, query: str, bindings: Bindings | None, timeout: float | None) -> Reply:
        return send(self.endpoint, bind_values(query, bindings), timeout=timeout)

    def select(self, query: str, bindings: Bindings | None = None, *,
               timeout: float | None = None) -> SelectResult:
        answer = _answer(self._ask_store(query, bindings, timeout))
        if not isinstance(answer, ox.QuerySolutions):
            raise QuerySyntaxError("expected a SELECT query")
        variables = tuple(v.value for v in answer.variables)
        rows = tuple(
            {name: to_term(sol[name]) for name in variables if sol[name] is not None}
            for sol in _solutions(answer)
        )
        return SelectResult(variables, rows)

    def ask(self, query: str, bindings: Bindings | None = None, *,
            timeout: float | None = None) -> bool:
        answer = _answer(self._ask_store(query, bindings, timeout))
        if not isinstance(answer, ox.QueryBoolean):
            raise QuerySyntaxError("expected an ASK query")
        return bool(answer)

    def construct(self, query: str, bindings: Bindings | None = None, *,
                  timeout: float | None = None) -> list[tuple[Term, Term, Term]]:
        reply = self._ask_store(query, bindings, timeout)
        if reply.media_type in _RESULTS_IN:
            raise QuerySyntaxError("expected a CONSTRUCT or DESCRIBE query")
        return [(to_term(t.subject), to_term(t.predicate), to_term(t.object))
                for t in _triples(reply)]

    def execute(self, request: QueryRequest) -> RawResult:
        """Run a protocol request on the store; check the answer whole, then serialise it.

        The dataset and time limit go to the store. The answer is fetched as
        JSON or N-Triples, parsed completely (and counted against
        ``max_rows``), and written in the requested format by the same
        serialisers the embedded store uses, so both stores answer alike.
        """
        query = request.query
        if request.base_iri:  # the protocol has no base parameter; BASE says the same
            query = f"BASE {term_n3(Term.iri(request.base_iri))}\n{query}"
        reply = send(self.endpoint, query,
                     default_graphs=request.default_graph_uris,
                     named_graphs=request.named_graph_uris, timeout=request.timeout,
                     union=not request.names_dataset)
        if reply.media_type in _RESULTS_IN:
            return _serialise_answer(reply, request.result_format, request.max_rows)
        return _serialise_graph(reply, request.result_format, request.max_rows)

    def triple_count(self) -> int:
        """Triples in the named graphs (icskg puts every triple in one)."""
        rows = self.select(_COUNT).rows
        count = rows[0].get("n") if rows else None
        if count is None or not count.value.isdigit():
            raise StoreUnavailableError("the remote store could not count its triples")
        return int(count.value)

    def ping(self) -> None:
        if not self.ask("ASK {}"):
            raise StoreUnavailableError("the remote store answered ASK {} with false")

    def close(self) -> None:
        return None


def _serialise_answer(reply: Reply, fmt: ResultFormat | None, max_rows: int | None) -> RawResult:
    _checked_size(_solutions(_answer(reply)), max_rows)  # whole and within the cap
    return serialise(_answer(reply), fmt, max_rows)


def _serialise_graph(reply: Reply, fmt: ResultFormat | None, max_rows: int | None) -> RawResult:
    return serialise(list(_triples(reply)), fmt, max_rows)
