"""The SPARQL endpoint as one object: protocol in, serialised result out.

The HTTP layer hands over the raw request parts; everything else happens
here, on a thread of the endpoint's own pool so the event loop never waits
on parsing or the query itself.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from kg.errors import QuerySyntaxError
from kg.settings import Settings
from kg.sparql import description, negotiation, protocol, safety
from kg.sparql.algebra import ParseFailure, QueryParser
from kg.sparql.cache import ResultCache, key_of
from kg.sparql.description import Limits
from kg.sparql.sandbox import Sandbox, open_sandbox
from kg.store.base import QueryRequest, RawResult, Store
from kg.store.remote_requests import GRAPHS_QUERY as _GRAPHS_QUERY  # Virtuoso: not GRAPH ?g { }

_THREADS = 32


@dataclass(frozen=True, slots=True)
class HttpRequest:
    """The parts of an HTTP request the protocol looks at."""

    method: str
    url_query: bytes
    content_type: str | None
    body: bytes
    accept: str | None
    endpoint_url: str  # the endpoint's own URL: base IRI and service IRI


class SparqlEndpoint:
    """Answers SPARQL 1.1 Protocol requests over ``store`` through ``sandbox``."""

    def __init__(self, store: Store, sandbox: Sandbox, limits: Limits,
                 cache_bytes: int = 0) -> None:
        self._store = store
        self._cache = ResultCache(cache_bytes)
        self._sandbox = sandbox
        self.limits = limits
        self._graphs: frozenset[str] | None = None
        self._parser = QueryParser()
        self._lock = threading.Lock()
        self._threads = ThreadPoolExecutor(_THREADS, thread_name_prefix="icskg-sparql")

    @classmethod
    def open(cls, store: Store, settings: Settings) -> SparqlEndpoint:
        """Start the sandbox (worker processes for the embedded store); blocking."""
        limits = Limits(settings.query_timeout, settings.max_result_rows,
                        settings.max_request_bytes)
        return cls(store, open_sandbox(store, settings), limits,
                   settings.sparql_result_cache_mb * 2**20)

    def graphs(self) -> frozenset[str]:
        """The names of the dataset's named graphs (read once: a served dataset never changes)."""
        with self._lock:
            if self._graphs is None:
                rows = self._store.select(_GRAPHS_QUERY, timeout=self.limits.timeout).rows
                self._graphs = frozenset(r["g"].value for r in rows if "g" in r)
            return self._graphs

    def handle(self, request: HttpRequest) -> RawResult:
        """Answer one protocol request (blocking): a query result or the service description."""
        protocol.check_size(len(request.url_query), self.limits.max_request_bytes,
                            "query string")
        protocol.check_size(len(request.body), self.limits.max_request_bytes, "request body")
        operation = protocol.parse(request.method, request.url_query, request.content_type,
                                   request.body)
        if operation is None:
            return self.describe(request.endpoint_url, request.accept)
        query = self.prepare(operation, request.accept, request.endpoint_url)
        if not self._cache.max_bytes:
            return self._sandbox.execute(query)
        key = key_of(query)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        result = self._sandbox.execute(query)
        self._cache.put(key, result)
        return result

    async def handle_async(self, request: HttpRequest) -> RawResult:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._threads, self.handle, request)

    def prepare(self, operation: protocol.Operation, accept: str | None,
                base_iri: str) -> QueryRequest:
        """Check the query is safe and pick its format; raises before anything runs."""
        try:
            parsed = self._parser.parse(operation.query, base_iri)
        except ParseFailure as exc:
            # Refused either way; the engine, without network, may say more precisely why.
            better = self._sandbox.explain(exc.text, self.limits.timeout)
            raise QuerySyntaxError(better or str(exc)) from None
        if parsed.from_graphs or parsed.from_named_graphs:
            safety.check(parsed, self.graphs().__contains__)
        else:
            safety.check(parsed, lambda _iri: True)
        fmt = negotiation.choose(parsed.form, accept, operation.format_name)
        return QueryRequest(
            query=parsed.text,
            light=parsed.light,
            names_dataset=bool(parsed.from_graphs or parsed.from_named_graphs),
            result_format=fmt,
            default_graph_uris=operation.default_graph_uris,
            named_graph_uris=operation.named_graph_uris,
            timeout=self.limits.timeout,
            max_rows=self.limits.max_rows,
            base_iri=base_iri,
        )

    def describe(self, endpoint_url: str, accept: str | None,
                 format_name: str | None = None) -> RawResult:
        fmt = negotiation.choose("DESCRIBE", accept, format_name)
        return description.serialise(
            description.triples(endpoint_url, self.graphs(), self.limits), fmt)

    def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)
        self._sandbox.close()
