"""What icskg asks a remote store for, and how it reads what the store says back.

Stores differ where the SPARQL 1.1 Protocol leaves room:

- **Media types per query form.** Virtuoso honours the first acceptable type
  even when it does not fit the form (a CONSTRUCT answered as SPARQL JSON
  bindings), so SELECT and ASK ask only for results formats and CONSTRUCT and
  DESCRIBE only for graph formats.
- **Silent row caps.** Virtuoso cuts every result at ``ResultSetMaxRows``
  (10,000 in Debian's ini) and still answers 200, saying so only in an
  ``X-SPARQL-MaxRows`` header. A cut-short answer is refused (413), never passed
  on as if whole; ``store_max_rows`` covers stores that do not say.
- **Store failures are not the client's.** A store that rejects a query
  pyoxigraph parses as SPARQL 1.1 has a bug (Virtuoso's compiler errors): that
  is a 502 naming the store, not a 400 blaming the caller.
- **The dataset.** Virtuoso's default graph holds its own system graphs; with
  ``store_dataset`` set (:class:`GraphScope`) every query sees icskg's graphs only.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox

from kg.errors import (
    ForbiddenOperationError,
    QuerySyntaxError,
    ResultLimitError,
    StoreQueryError,
    StoreUnavailableError,
)
from kg.namespaces import ICSG
from kg.sparql import algebra, lexer
from kg.store.terms import Term

RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.8"
ANY_ACCEPT = f"{RESULTS_ACCEPT}, {GRAPH_ACCEPT}"

# `GRAPH ?g { }` is the cheap way to list graphs, but Virtuoso answers it with no rows.
GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
ICSKG_GRAPHS_QUERY = (
    "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
    f'FILTER(STRSTARTS(STR(?g), "{ICSG}")) }}'
)
OTHER_GRAPHS_QUERY = ICSKG_GRAPHS_QUERY.replace("FILTER(STRSTARTS", "FILTER(!STRSTARTS")
ROW_CAP_HEADER = "x-sparql-maxrows"


_XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_BOOLEAN_FORMS = {"1": "true", "0": "false"}


def canonical(term: Term) -> Term:
    """The canonical form of a boolean: Virtuoso writes ``true`` as ``"1"^^xsd:boolean``,
    the same value, but a different term for anything comparing terms."""
    if term.datatype == _XSD_BOOLEAN and term.value in _BOOLEAN_FORMS:
        return Term.literal(_BOOLEAN_FORMS[term.value], _XSD_BOOLEAN)
    return term


@lru_cache(maxsize=512)
def _parsed(query: str) -> algebra.ParsedQuery | None:
    """The endpoint's own parse of ``query`` (catalogue queries repeat, hence the cache);
    None when it does not parse: the store then gets to say what is wrong."""
    try:
        return algebra.parse(query, None)
    except (QuerySyntaxError, ForbiddenOperationError):
        return None


_FORM_WORDS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})


def _form(query: str) -> str | None:
    """The query form; from the first form keyword when the strict parser refuses the query
    (pyoxigraph and the stores accept extensions such as GRAPH in CONSTRUCT WHERE)."""
    parsed = _parsed(query)
    if parsed is not None:
        return parsed.form
    words = (t.text.upper() for t in lexer.tokens(query) if t.kind not in ("iri", "string"))
    return next((w for w in words if w in _FORM_WORDS), None)


def accept_for(query: str) -> str:
    """The Accept header for ``query``'s form (both kinds when the form is unclear)."""
    form = _form(query)
    if form in ("SELECT", "ASK"):
        return RESULTS_ACCEPT
    if form in ("CONSTRUCT", "DESCRIBE"):
        return GRAPH_ACCEPT
    return ANY_ACCEPT


def _is_describe(query: str) -> bool:
    return _form(query) == "DESCRIBE"


def names_own_dataset(query: str) -> bool:
    """True when the query has FROM or FROM NAMED (protocol graphs would override them)."""
    parsed = _parsed(query)
    return parsed is not None and bool(parsed.from_graphs or parsed.from_named_graphs)


def row_cap_of(headers: Callable[[str], str | None]) -> int | None:
    """The row cap a store says it applied (Virtuoso's ``X-SPARQL-MaxRows``), if any."""
    value = (headers(ROW_CAP_HEADER) or "").strip()
    return int(value) if value.isdigit() else None


_VIRTUOSO_BNODE = re.compile(
    rb'("type"\s*:\s*"bnode"\s*,\s*"value"\s*:\s*"|<bnode>)nodeID://')


def store_body(body: bytes, media_type: str) -> bytes:
    """Virtuoso labels blank nodes ``nodeID://b1`` in result sets, which is no blank node
    label; drop the scheme so the label (``b1``) parses. Labels are local to one answer."""
    if media_type.endswith(("json", "xml")) and b"nodeID://" in body:
        return _VIRTUOSO_BNODE.sub(rb"\1", body)
    return body


def check_complete(headers: Callable[[str], str | None], where: str) -> None:
    """Refuse a 200 the store marks as partial (Virtuoso's "anytime" answers set X-SQL-State)."""
    state = headers("x-sql-state")
    if state:
        message = " ".join((headers("x-sql-message") or "").split())[:300]
        raise StoreUnavailableError(
            f"the remote store at {where} sent a partial answer ({state}: {message})")


def check_said_cap(said_cap: int | None, where: str) -> None:
    """Refuse an answer the store says it cut at its own row cap (413, like our own cap)."""
    if said_cap is not None:
        raise ResultLimitError(
            f"the remote store at {where} cut the result short at its own cap of {said_cap} "
            "rows (Virtuoso: ResultSetMaxRows); narrow the query or add a LIMIT")


def check_not_cut_short(count: int, store_max_rows: int | None) -> None:
    """Refuse an answer that reached the store's row cap (so may have been cut short)."""
    if store_max_rows is not None and count >= store_max_rows:
        raise ResultLimitError(
            f"the result reached the remote store's row cap ({store_max_rows}, "
            "ICSKG_STORE_MAX_ROWS), so it may be cut short; narrow the query or add a LIMIT")


def rejected(query: str, said: str, where: str, status: int) -> Exception:
    """The error for a query the store refused: the client's, or the store's own failure."""
    if status == 400:
        try:
            ox.Store().query(query)  # an empty store: parses, evaluates over nothing
        except SyntaxError as exc:
            return QuerySyntaxError(f"the query is not valid SPARQL 1.1: {exc}")
        except (OSError, ValueError, RuntimeError):
            pass  # it parsed; evaluation over nothing does not matter here
    return StoreQueryError(
        f"the remote store at {where} failed on a valid SPARQL 1.1 query "
        f"(HTTP {status}): {said}")


def virtuoso_exclusions(graphs: Sequence[str]) -> str:
    """Virtuoso's own way to leave graphs out of both the default and the named graphs."""
    return "".join(f"DEFINE input:default-graph-exclude <{g}>\n"
                   f"DEFINE input:named-graph-exclude <{g}>\n" for g in graphs)


@dataclass(frozen=True, slots=True)
class Scoped:
    """A query's dataset as sent: protocol graphs, and a prologue for the wire text."""

    default_graphs: Sequence[str]
    named_graphs: Sequence[str]
    prologue: str = ""


@dataclass
class GraphScope:
    """Restricts every query to icskg's graphs, in one of the settings' ``store_dataset`` modes.

    ``icskg`` names icskg's graphs as protocol dataset parameters; ``virtuoso``
    excludes the store's other graphs with Virtuoso's pragmas instead (Virtuoso
    echoes every protocol dataset graph as a response header, and HTTP clients
    refuse a response with more than 100 headers). The graph list is read again
    only when the store's build id changed, checked at most every ``max_age`` s.
    """

    mode: str  # "store", "icskg" or "virtuoso"
    lister: Callable[[bool], Sequence[str]]  # icskg's graphs (True) or all the others
    version: Callable[[], str | None]  # the store's build id
    max_age: float = 5.0
    clock: Callable[[], float] = time.monotonic
    _graphs: tuple[str, ...] | None = field(default=None, init=False)
    _version: str | None = field(default=None, init=False)
    _checked_at: float = field(default=0.0, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def dataset(self, query: str, default_graphs: Sequence[str],
                named_graphs: Sequence[str], *, typed: bool = False) -> Scoped:
        """The dataset to send with ``query`` (the caller's own dataset always wins).

        ``typed`` queries are icskg's own (catalogue, ``/ask``): they match only icskg's
        vocabulary, so in ``virtuoso`` mode they go unrestricted, because Virtuoso 7.2
        evaluates property paths joined to other patterns wrongly (no rows) under any
        restricted dataset, and its cost estimates grow past its own limit.
        """
        unrestricted = self.mode == "store" or (typed and self.mode == "virtuoso")
        if unrestricted or default_graphs or named_graphs or names_own_dataset(query):
            return Scoped(default_graphs, named_graphs, self._describe_mode(query))
        graphs = self.graphs()
        if self.mode == "virtuoso":
            return Scoped((), (), virtuoso_exclusions(graphs) + self._describe_mode(query))
        # No icskg graph yet: an unused graph name keeps the dataset empty, not the store's.
        graphs = graphs or (f"{ICSG}none",)
        return Scoped(graphs, graphs)

    def _describe_mode(self, query: str) -> str:
        """Virtuoso's DESCRIBE adds triples where the resource is the object, unless asked
        for the concise bounded description every other store gives."""
        if self.mode != "virtuoso" or not _is_describe(query):
            return ""
        return 'DEFINE sql:describe-mode "CBD"\n'

    def graphs(self) -> tuple[str, ...]:
        """icskg's graphs (mode ``icskg``) or the store's other graphs (mode ``virtuoso``)."""
        now = self.clock()
        with self._lock:
            cached, known = self._graphs, self._version
            fresh = cached is not None and now - self._checked_at < self.max_age
        if fresh and cached is not None:
            return cached
        version = self.version()
        if cached is None or version != known:
            cached = tuple(sorted(self.lister(self.mode == "icskg")))
        with self._lock:
            self._graphs, self._version, self._checked_at = cached, version, now
        return cached

    def forget(self) -> None:
        with self._lock:
            self._graphs = None
