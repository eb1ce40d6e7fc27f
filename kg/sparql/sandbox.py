"""Where untrusted queries run: a sandbox in front of the :class:`~kg.store.base.Store`.

For the embedded store the sandbox is a pool of worker processes holding a
copy of the dataset, so a query can be killed at its time limit (pyoxigraph
has no timeout of its own), with no network and a memory limit. A store that
declares it enforces the time limit and row cap itself
(:attr:`kg.store.base.Capabilities`) is passed requests directly.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from kg.errors import IcskgError, QuerySyntaxError, StoreUnavailableError
from kg.settings import Settings
from kg.sparql.boot import WorkerConfig
from kg.sparql.pool import WorkerPool
from kg.sparql.worker import Job
from kg.store.base import QueryRequest, RawResult, Store
from kg.store.embedded import EmbeddedStore


class Sandbox(Protocol):
    """Runs protocol requests with their time and row limits enforced."""

    def execute(self, request: QueryRequest) -> RawResult: ...

    @property
    def isolation(self) -> str:
        """How queries are kept off the network ("store" when a remote store runs them)."""
        ...

    def explain(self, text: str, timeout: float) -> str | None:
        """The engine's own syntax error for ``text``, if it can say one safely."""
        ...

    def close(self) -> None: ...


class PassThroughSandbox:
    """For stores that enforce ``request.timeout`` themselves (the remote store)."""

    isolation = "store"

    def __init__(self, store: Store) -> None:
        self._store = store

    def execute(self, request: QueryRequest) -> RawResult:
        return self._store.execute(request)

    def explain(self, text: str, timeout: float) -> str | None:
        del text, timeout
        return None  # the remote store's parser is not ours to probe

    def close(self) -> None:
        return None


class ProcessSandbox:
    """Runs each query in a worker process that holds a copy of the embedded dataset."""

    def __init__(self, store: EmbeddedStore, settings: Settings) -> None:
        self._dir = Path(tempfile.mkdtemp(prefix="icskg-sparql-"))
        try:
            dataset = self._dir / "dataset.nq"
            # A dump, not the source files: the workers then see exactly what the
            # store holds, however it was loaded.
            store.oxigraph.dump(str(dataset), format=ox.RdfFormat.N_QUADS)
            self._timeout = settings.query_timeout
            mb = settings.sparql_worker_memory_mb
            config = WorkerConfig(str(dataset), settings.sparql_isolation,
                                  mb * 2**20 if mb else None, store.union_default_graph)
            self._pool = WorkerPool(config, settings.sparql_workers,
                                    settings.sparql_light_workers, settings.sparql_light_budget)
        except BaseException:
            shutil.rmtree(self._dir, ignore_errors=True)
            raise

    @property
    def workers(self) -> int:
        return self._pool.size

    @property
    def isolation(self) -> str:
        return self._pool.isolation

    def execute(self, request: QueryRequest) -> RawResult:
        named = tuple(request.named_graph_uris)
        default = tuple(request.default_graph_uris)
        protocol_dataset = bool(named or default)
        job = Job(
            query=request.query,
            result_format=request.result_format,
            # A dataset named in the request is exactly that dataset (SPARQL 1.1
            # Protocol 2.1.4) and overrides FROM; otherwise FROM / FROM NAMED in the
            # query, else the store's default graph (the merge, for the built graph).
            default_graphs=default if protocol_dataset else None,
            named_graphs=named if protocol_dataset else None,
            max_rows=request.max_rows,
            base_iri=request.base_iri,
            timeout=request.timeout if request.timeout is not None else self._timeout,
        )
        return self._pool.run(job, request.light)

    def explain(self, text: str, timeout: float) -> str | None:
        job = Job(query=text, result_format=None, default_graphs=None, named_graphs=None,
                  max_rows=0, timeout=timeout, explain=True)
        try:
            self._pool.run(job, light=True)
        except QuerySyntaxError as exc:
            return str(exc)
        except IcskgError:
            return None
        return None

    def close(self) -> None:
        self._pool.close()
        shutil.rmtree(self._dir, ignore_errors=True)


def open_sandbox(store: Store, settings: Settings) -> Sandbox:
    """The right sandbox for ``store``, chosen by what it declares it enforces."""
    caps = store.capabilities
    if caps.enforces_timeout and caps.enforces_row_cap:
        return PassThroughSandbox(store)
    if isinstance(store, EmbeddedStore):
        return ProcessSandbox(store, settings)
    raise StoreUnavailableError(
        f"the {store.name} store enforces no time limit and no sandbox can run its queries")
