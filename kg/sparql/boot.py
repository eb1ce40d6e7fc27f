"""The first code a spawned query worker runs: isolate, limit memory, then load.

Standard library only until the network is gone and the memory limit set;
only then is :mod:`kg.sparql.worker` (pyoxigraph, the dataset) imported.
"""

from __future__ import annotations

import os
import resource
from dataclasses import dataclass
from multiprocessing.connection import Connection

from kg.sparql import isolation

ISOLATION_FAILED = "isolation-failed"


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    """How every worker of a pool is set up."""

    dataset: str | None  # an N-Quads dump, or None for an empty store
    isolation: str = "auto"  # one of isolation.MODES
    memory_bytes: int | None = None  # RLIMIT_AS; None: unlimited
    union_default_graph: bool = False  # default graph = the merge of all named graphs


def boot(conn: Connection, config: WorkerConfig) -> None:
    """Process entry point of a worker."""
    try:
        method = isolation.isolate(config.isolation)
    except isolation.IsolationError as exc:
        conn.send((ISOLATION_FAILED, str(exc)))
        return
    # A Rust allocation failure at the memory limit prints a backtrace per worker: keep it short.
    os.environ["RUST_BACKTRACE"] = "0"
    if config.memory_bytes is not None:
        resource.setrlimit(resource.RLIMIT_AS, (config.memory_bytes, config.memory_bytes))
    from kg.sparql import worker

    worker.main(conn, config, method)
