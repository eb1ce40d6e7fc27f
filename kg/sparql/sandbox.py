"""Where untrusted queries run: a sandbox in front of the :class:`~kg.store.base.Store`.

For the embedded store the sandbox is a pool of worker processes holding a
copy of the dataset, so a query can be killed at its time limit (pyoxigraph
has no timeout of its own). A remote store already enforces the time limit
it is sent, so its sandbox simply passes requests through.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from kg.sparql.pool import WorkerPool
from kg.sparql.worker import Job
from kg.store.base import QueryRequest, RawResult, Store
from kg.store.embedded import EmbeddedStore

DEFAULT_TIMEOUT = 10.0


class Sandbox(Protocol):
    """Runs protocol requests with their time and row limits enforced."""

    def execute(self, request: QueryRequest) -> RawResult: ...

    def close(self) -> None: ...


class PassThroughSandbox:
    """For stores that enforce ``request.timeout`` themselves (the remote store)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def execute(self, request: QueryRequest) -> RawResult:
        return self._store.execute(request)

    def close(self) -> None:
        return None


class ProcessSandbox:
    """Runs each query in a worker process that holds a copy of the embedded dataset."""

    def __init__(self, store: EmbeddedStore, workers: int) -> None:
        self._dir = Path(tempfile.mkdtemp(prefix="icskg-sparql-"))
        try:
            dataset = self._dir / "dataset.nq"
            # A dump, not the source files: the workers then see exactly what the
            # store holds, however it was loaded.
            store.oxigraph.dump(str(dataset), format=ox.RdfFormat.N_QUADS)
            self._pool = WorkerPool(dataset, workers)
        except BaseException:
            shutil.rmtree(self._dir, ignore_errors=True)
            raise

    @property
    def workers(self) -> int:
        return self._pool.size

    def execute(self, request: QueryRequest) -> RawResult:
        named = tuple(request.named_graph_uris)
        default = tuple(request.default_graph_uris)
        protocol_dataset = bool(named or default)
        job = Job(
            query=request.query,
            result_format=request.result_format,
            # A dataset named in the request is exactly that dataset (SPARQL 1.1
            # Protocol 2.1.4); otherwise the default graph is the union of all graphs.
            default_graphs=default if protocol_dataset else None,
            named_graphs=named if protocol_dataset else None,
            max_rows=request.max_rows,
            base_iri=request.base_iri,
            timeout=request.timeout or DEFAULT_TIMEOUT,
        )
        return self._pool.run(job)

    def close(self) -> None:
        self._pool.close()
        shutil.rmtree(self._dir, ignore_errors=True)


def open_sandbox(store: Store, workers: int) -> Sandbox:
    """The right sandbox for ``store``: worker processes if embedded, else pass-through."""
    if isinstance(store, EmbeddedStore):
        return ProcessSandbox(store, workers)
    return PassThroughSandbox(store)
