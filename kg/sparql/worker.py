"""The query worker: a spawned process that holds a copy of the dataset and runs queries.

pyoxigraph cannot interrupt a running query, so untrusted queries run here,
where the parent can kill the whole process when the time limit passes. The
worker has no network (:mod:`kg.sparql.boot` took it away before this module
was imported) and a memory limit; an engine panic retires the worker.
Results leave already serialised (pyoxigraph writes every format), and the
row cap is enforced while writing, so an over-large result is abandoned
early instead of being built in memory.
"""

from __future__ import annotations

import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection

import pyoxigraph as ox

from kg.errors import (
    BadRequestError,
    IcskgError,
    QuerySyntaxError,
    ResultLimitError,
    StoreUnavailableError,
)
from kg.sparql.boot import WorkerConfig
from kg.store.base import RawResult, ResultFormat
from kg.store.oxformats import serialise

READY = "ready"
MEMORY_MESSAGE = ("the query needed more memory than the limit ({mb} MB per query worker); "
                  "narrow it and try again")

_MAX_MESSAGE = 240


@dataclass(frozen=True, slots=True)
class Job:
    """One query for a worker; everything in it pickles cheaply."""

    query: str
    result_format: ResultFormat | None
    default_graphs: tuple[str, ...] | None  # None: the store's default graph, or FROM
    named_graphs: tuple[str, ...] | None  # None: every named graph, or FROM NAMED
    max_rows: int | None
    timeout: float  # the parent kills the worker at this limit
    base_iri: str | None = None
    explain: bool = False  # only parse: run on an empty store, for the syntax error


@dataclass(frozen=True, slots=True)
class Outcome:
    """A job's answer; ``retire`` asks the parent to replace this worker (its engine failed)."""

    value: RawResult | IcskgError
    retire: bool = False


# Seconds past a job's time limit after which a worker ends itself: the parent
# normally kills it first, but a worker must not outlive a parent that was killed.
_SELF_DESTRUCT_GRACE = 5.0


def load(config: WorkerConfig) -> ox.Store:
    """A store holding the N-Quads dump the parent wrote (or nothing).

    With ``union_default_graph`` the default graph is made the RDF merge of
    all graphs, each triple once (SPARQL's default graph is a set, and a
    union-as-bag counted a triple stated in seven passages seven times);
    named graphs stay as they are, so ``GRAPH ?g`` still gives every source.
    """
    store = ox.Store()
    if config.dataset:
        store.bulk_load(path=config.dataset, format=ox.RdfFormat.N_QUADS)
    if config.union_default_graph:
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


def main(conn: Connection, config: WorkerConfig, isolation: str) -> None:
    """Answer jobs until the pipe closes (called by :func:`kg.sparql.boot.boot`)."""
    # Ctrl-C goes to the whole process group; the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # SIGALRM's default action ends the process in the kernel, even while pyoxigraph
    # holds the interpreter: the backstop for the time limit.
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    store = load(config)
    empty = ox.Store()
    conn.send((READY, isolation))
    mb = (config.memory_bytes or 0) // 2**20
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        signal.setitimer(signal.ITIMER_REAL, job.timeout + _SELF_DESTRUCT_GRACE)
        outcome = guarded(empty if job.explain else store, job, mb)
        signal.setitimer(signal.ITIMER_REAL, 0)
        conn.send(outcome)
        if outcome.retire:
            return


def guarded(store: ox.Store, job: Job, memory_mb: int) -> Outcome:
    """:func:`run`, with engine failures turned into answers that retire the worker."""
    try:
        return Outcome(run(store, job))
    except MemoryError:
        return Outcome(StoreUnavailableError(MEMORY_MESSAGE.format(mb=memory_mb)), retire=True)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a Rust panic arrives as pyo3's PanicException
        return Outcome(BadRequestError(
            f"the query engine failed on this query ({_short(str(exc)) or 'internal error'}); "
            "rewrite it (a simpler property path or no ORDER BY) and try again"), retire=True)


def run(store: ox.Store, job: Job) -> RawResult | IcskgError:
    """Run one job; errors come back as values so the worker keeps serving."""
    try:
        result = store.query(
            job.query,
            base_iri=job.base_iri,
            default_graph=_defaults(job.default_graphs),
            named_graphs=_named(job.named_graphs),
        )
        return serialise(result, job.result_format, job.max_rows)
    except SyntaxError as exc:
        return QuerySyntaxError(syntax_message(str(exc)))
    except ResultLimitError as exc:
        return exc
    except (OSError, ValueError, RuntimeError, TypeError) as exc:
        return BadRequestError(f"the query could not be evaluated: {_short(str(exc))}")


def _defaults(
    iris: tuple[str, ...] | None,
) -> list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None:
    return None if iris is None else [ox.NamedNode(i) for i in iris]


def _named(iris: tuple[str, ...] | None) -> list[ox.NamedNode | ox.BlankNode] | None:
    return None if iris is None else [ox.NamedNode(i) for i in iris]


def syntax_message(raw: str) -> str:
    """pyoxigraph says 'error at L:C: expected ...'; say it for people, briefly."""
    if raw.startswith("error at ") and ": " in raw:
        where, _, rest = raw[len("error at "):].partition(": ")
        line, _, col = where.partition(":")
        if line.isdigit() and col.isdigit():
            return _short(f"SPARQL syntax error at line {line}, column {col}: {rest}")
    return _short(f"SPARQL syntax error: {raw}")


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"
