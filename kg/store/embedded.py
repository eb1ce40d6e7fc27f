"""The embedded store: pyoxigraph in memory, loaded from the built TriG dataset.

pyoxigraph was chosen by measurement (see ``icskg bench`` and issue #5): it
loads and aggregates an order of magnitude faster than rdflib's memory store.
pyoxigraph has no query timeout of its own, so untrusted queries go through
the sandbox in :mod:`kg.sparql`; the catalogue queries run here directly.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox

from kg.errors import (
    QuerySyntaxError,
    QueryTimeoutError,
    StoreUnavailableError,
)
from kg.store.base import (
    Bindings,
    Capabilities,
    QueryRequest,
    RawResult,
    SelectResult,
)
from kg.store.oxformats import capped, serialise
from kg.store.release import releasing
from kg.store.terms import Term
from kg.store.values import bind_values

T = TypeVar("T")

RDF_FILE_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}


def to_term(node: object) -> Term:
    """Convert a pyoxigraph term to a store-neutral :class:`Term`."""
    if isinstance(node, ox.NamedNode):
        return Term.iri(node.value)
    if isinstance(node, ox.BlankNode):
        return Term("bnode", node.value)
    if isinstance(node, ox.Literal):
        return Term.literal(node.value, node.datatype.value, node.language)
    if isinstance(node, ox.Triple):
        return Term("triple", str(node))
    raise TypeError(f"unexpected term {node!r}")


class EmbeddedStore:
    """A pyoxigraph store in memory, read-only once loaded."""

    name = "embedded"
    # pyoxigraph cannot stop a running query: untrusted ones go through worker processes.
    capabilities = Capabilities(enforces_timeout=False, enforces_row_cap=False)

    def __init__(self, store: ox.Store | None = None, union_default_graph: bool = True) -> None:
        self._store = store if store is not None else ox.Store()
        # True: the default graph is the merge of all graphs (the built dataset).
        self.union_default_graph = union_default_graph

    @classmethod
    def from_files(cls, paths: Iterable[Path], graphs: Mapping[str, Path] | None = None,
                   union_default_graph: bool = True) -> EmbeddedStore:
        """Load RDF files as the standard dataset they describe.

        A dataset file (TriG, N-Quads) keeps its default and named graphs; a
        triple file goes into the default graph, or, when the default graph is
        to be the merge, into a named graph named by the file's IRI (so
        ``GRAPH ?g`` still names its source). ``graphs`` maps a graph IRI to a
        triple-format file loaded into that graph. Relative IRIs in a file
        resolve against the file's own IRI.
        """
        store = ox.Store()
        for path in paths:
            fmt = _file_format(path)
            named = union_default_graph and not fmt.supports_datasets
            _load(store, path, fmt, ox.NamedNode(path.resolve().as_uri()) if named else None)
        for iri, path in (graphs or {}).items():
            fmt = _file_format(path)
            if fmt.supports_datasets:
                raise StoreUnavailableError(
                    f"{path}: a dataset file names its own graphs; load it without a graph IRI")
            try:
                graph = ox.NamedNode(iri)
            except ValueError as exc:
                raise StoreUnavailableError(f"not a valid graph IRI: {iri!r}") from exc
            _load(store, path, fmt, graph)
        return cls(store, union_default_graph)

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store (for the sandbox and the benchmark)."""
        return self._store

    def _query(self, query: str, bindings: Bindings | None,
               default_graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = None,
               named_graphs: list[ox.NamedNode | ox.BlankNode] | None = None,
               base_iri: str | None = None) -> object:
        # Bindings go in as a leading VALUES block of escaped terms, exactly as a remote store
        # receives them, not as pyoxigraph `substitutions`: pyoxigraph plans a query before
        # substituting, so it would plan as if the parameters were free (every duty of every
        # body, then filter), 100-1000x slower at 1M triples.
        try:
            return self._store.query(
                bind_values(query, bindings),
                base_iri=base_iri,
                use_default_graph_as_union=default_graphs is None,
                default_graph=default_graphs,
                named_graphs=named_graphs,
            )
        except SyntaxError as exc:
            raise QuerySyntaxError(f"SPARQL syntax error: {exc}") from exc

    @releasing
    def select(self, query: str, bindings: Bindings | None = None, *,
               timeout: float | None = None, max_rows: int | None = None) -> SelectResult:
        # Trusted catalogue queries run here; the deadline is checked between rows
        # (pyoxigraph cannot be interrupted inside one step: untrusted queries use workers).
        deadline = Deadline(timeout)
        solutions = self._query(query, bindings)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QuerySyntaxError("expected a SELECT query")
        variables = tuple(v.value for v in solutions.variables)
        rows = tuple(
            {name: to_term(sol[name]) for name in variables if sol[name] is not None}
            for sol in capped(deadline.watch(solutions), max_rows)
        )
        return SelectResult(variables, rows)

    @releasing
    def ask(self, query: str, bindings: Bindings | None = None, *,
            timeout: float | None = None) -> bool:
        deadline = Deadline(timeout)
        result = self._query(query, bindings)
        # pyoxigraph answers ASK before returning: too late to stop, not too late to refuse.
        deadline.check()
        if not isinstance(result, ox.QueryBoolean):
            raise QuerySyntaxError("expected an ASK query")
        return bool(result)

    @releasing
    def construct(self, query: str, bindings: Bindings | None = None, *,
                  timeout: float | None = None) -> list[tuple[Term, Term, Term]]:
        deadline = Deadline(timeout)
        result = self._query(query, bindings)
        if not isinstance(result, ox.QueryTriples):
            raise QuerySyntaxError("expected a CONSTRUCT or DESCRIBE query")
        return [(to_term(t.subject), to_term(t.predicate), to_term(t.object))
                for t in deadline.watch(result)]

    @releasing
    def execute(self, request: QueryRequest) -> RawResult:
        """Run a query in process and serialise it, within its row cap and (between rows)
        its time limit; the endpoint runs untrusted queries in workers instead."""
        default: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = [
            ox.NamedNode(u) for u in request.default_graph_uris] or None
        named: list[ox.NamedNode | ox.BlankNode] | None = [
            ox.NamedNode(u) for u in request.named_graph_uris] or None
        if named is not None and default is None:
            default = []
        deadline = Deadline(request.timeout)
        result = self._query(request.query, None, default, named, request.base_iri)
        raw = serialise(result, request.result_format, request.max_rows)
        deadline.check()
        return raw

    def triple_count(self) -> int:
        return len(self._store)

    def ping(self) -> None:
        return None

    def close(self) -> None:
        return None


class Deadline:
    """A time limit checked between the rows of a streamed answer."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._end = None if seconds is None else time.monotonic() + seconds

    def check(self) -> None:
        if self._end is not None and time.monotonic() > self._end:
            raise QueryTimeoutError(
                f"the query ran longer than the {self.seconds:g} s limit and was cancelled")

    def watch(self, rows: Iterable[T]) -> Iterator[T]:
        for row in rows:
            self.check()
            yield row
        # An answer with no rows (all filtered out) does all its work inside the loop above.
        self.check()


def _load(store: ox.Store, path: Path, fmt: ox.RdfFormat, graph: ox.NamedNode | None) -> None:
    try:
        store.bulk_load(path=str(path), format=fmt, to_graph=graph,
                        base_iri=path.resolve().as_uri())
    except (SyntaxError, ValueError) as exc:
        raise StoreUnavailableError(f"{path.name}: not valid RDF: {exc}") from None


def _file_format(path: Path) -> ox.RdfFormat:
    fmt = RDF_FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreUnavailableError(f"{path}: unknown RDF file extension {path.suffix!r}")
    return fmt
