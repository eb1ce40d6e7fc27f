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
from itertools import islice
from xml.parsers import expat

import pyoxigraph as ox

from kg.errors import QuerySyntaxError, ResultLimitError, StoreUnavailableError
from kg.namespaces import ICSG
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
from kg.store.oxformats import serialise, too_many
from kg.store.protocol import Endpoint, Reply, send
from kg.store.release import releasing
from kg.store.remote_requests import (
    ICSKG_GRAPHS_QUERY,
    OTHER_GRAPHS_QUERY,
    GraphScope,
    canonical,
    check_not_cut_short,
)
from kg.store.staleness import BUILD_ID, BUILD_ID_QUERY
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
# The build id push adds is the store's bookkeeping, not part of the build: not counted.
_COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?p != <{BUILD_ID}>) }}"
_ICSKG_COUNT = _COUNT.replace("FILTER(", f'FILTER(STRSTARTS(STR(?g), "{ICSG}") && ')

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

    def __init__(self, endpoint: Endpoint, *, dataset: str = "store",
                 store_max_rows: int | None = None, check_seconds: float = 5.0) -> None:
        self.endpoint = endpoint
        self.store_max_rows = store_max_rows
        self.scope = GraphScope(dataset, self._graphs, self._build_id, check_seconds)

    def _graphs(self, icskg: bool) -> list[str]:
        """Graph names straight from the store (never through the scope they feed)."""
        reply = send(self.endpoint, ICSKG_GRAPHS_QUERY if icskg else OTHER_GRAPHS_QUERY)
        return [sol["g"].value for sol in _solutions(_answer(reply))
                if isinstance(sol["g"], ox.NamedNode)]

    def _build_id(self) -> str | None:
        reply = send(self.endpoint, BUILD_ID_QUERY)
        ids = sorted(sol["id"].value for sol in _solutions(_answer(reply))
                     if sol["id"] is not None)
        return ids[-1] if ids else None

    def refresh(self) -> None:
        """Forget what was read from the store once (icskg's graphs): a new push was seen."""
        self.scope.forget()

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
            auth=settings.store_auth,
        ), dataset=settings.store_dataset, store_max_rows=settings.store_max_rows,
           check_seconds=settings.store_check_seconds)

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint.shown!r})"

    def _ask_store(self, query: str, bindings: Bindings | None, timeout: float | None) -> Reply:
        text = bind_values(query, bindings)
        scoped = self.scope.dataset(text, (), (), typed=True)
        return send(self.endpoint, text, default_graphs=scoped.default_graphs,
                    named_graphs=scoped.named_graphs, prologue=scoped.prologue, timeout=timeout)

    def _whole(self, count: int) -> None:
        check_not_cut_short(count, self.store_max_rows)

    @releasing
    def select(self, query: str, bindings: Bindings | None = None, *,
               timeout: float | None = None, max_rows: int | None = None) -> SelectResult:
        result = _select_result(self._ask_store(query, bindings, timeout), max_rows)
        if max_rows is not None and len(result.rows) > max_rows:
            raise too_many(max_rows)
        self._whole(len(result.rows))
        return result

    @releasing
    def ask(self, query: str, bindings: Bindings | None = None, *,
            timeout: float | None = None) -> bool:
        answer = _answer(self._ask_store(query, bindings, timeout))
        if not isinstance(answer, ox.QueryBoolean):
            raise QuerySyntaxError("expected an ASK query")
        return bool(answer)

    @releasing
    def construct(self, query: str, bindings: Bindings | None = None, *,
                  timeout: float | None = None) -> list[tuple[Term, Term, Term]]:
        reply = self._ask_store(query, bindings, timeout)
        if reply.media_type in _RESULTS_IN:
            raise QuerySyntaxError("expected a CONSTRUCT or DESCRIBE query")
        triples = [(to_term(t.subject), to_term(t.predicate), to_term(t.object))
                   for t in _triples(reply)]
        self._whole(len(triples))
        return triples

    @releasing
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
        scoped = self.scope.dataset(query, request.default_graph_uris, request.named_graph_uris)
        reply = send(self.endpoint, query, default_graphs=scoped.default_graphs,
                     named_graphs=scoped.named_graphs, prologue=scoped.prologue,
                     timeout=request.timeout, union=not request.names_dataset)
        if reply.media_type in _RESULTS_IN:
            result = _serialise_answer(reply, request.result_format, request.max_rows)
        else:
            result = _serialise_graph(reply, request.result_format, request.max_rows)
        self._whole(result.row_count)
        return result

    def triple_count(self) -> int:
        """Triples in the named graphs (icskg puts every triple in one); only icskg's
        graphs when the store's dataset is restricted to them."""
        rows = self.select(_COUNT if self.scope.mode == "store" else _ICSKG_COUNT).rows
        count = rows[0].get("n") if rows else None
        if count is None or not count.value.isdigit():
            raise StoreUnavailableError("the remote store could not count its triples")
        return int(count.value)

    def distinct_triple_count(self) -> int:
        """Distinct triples across the named graphs: what a set-union default graph holds
        (Jena's ``unionDefaultGraph``), where the bag of :meth:`triple_count` is not."""
        query = _COUNT if self.scope.mode == "store" else _ICSKG_COUNT
        inner = query.replace("SELECT (COUNT(*) AS ?n) WHERE", "SELECT DISTINCT ?s ?p ?o WHERE")
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {inner} }}").rows
        count = rows[0].get("n") if rows else None
        if count is None or not count.value.isdigit():
            raise StoreUnavailableError("the remote store could not count its triples")
        return int(count.value)

    def ping(self) -> None:
        if not self.ask("ASK {}"):
            raise StoreUnavailableError("the remote store answered ASK {} with false")

    def close(self) -> None:
        return None


def _select_result(reply: Reply, max_rows: int | None) -> SelectResult:
    """The answer's rows, one past ``max_rows`` at most: enough to refuse it, without
    converting the rest."""
    answer = _answer(reply)
    if not isinstance(answer, ox.QuerySolutions):
        raise QuerySyntaxError("expected a SELECT query")
    variables = tuple(v.value for v in answer.variables)
    rows = (
        {name: canonical(to_term(sol[name])) for name in variables if sol[name] is not None}
        for sol in _solutions(answer)
    )
    return SelectResult(variables, tuple(islice(rows, None if max_rows is None else max_rows + 1)))


def _serialise_answer(reply: Reply, fmt: ResultFormat | None, max_rows: int | None) -> RawResult:
    _checked_size(_solutions(_answer(reply)), max_rows)  # whole and within the cap
    return serialise(_answer(reply), fmt, max_rows)


def _serialise_graph(reply: Reply, fmt: ResultFormat | None, max_rows: int | None) -> RawResult:
    return serialise(list(_triples(reply)), fmt, max_rows)
