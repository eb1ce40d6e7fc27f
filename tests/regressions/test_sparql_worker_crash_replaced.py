"""Regression: a worker that crashed (an engine panic, a segfault) left "worker stopped
unexpectedly" and fewer workers; a flood of crashing queries could starve the pool. A crash
now answers 503 with a message, the worker is replaced, and light queries keep being
answered on the light lane meanwhile."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from kg.errors import StoreUnavailableError
from kg.sparql.boot import WorkerConfig
from kg.sparql.pool import WorkerPool
from kg.sparql.worker import Job

HEAVY = ("SELECT (COUNT(*) AS ?n) { VALUES ?a { 1 2 3 4 5 6 7 8 9 10 } "
         "VALUES ?b { 1 2 3 4 5 6 7 8 9 10 } ?s ?p ?o . ?t ?q ?r . ?u ?v ?w }")


def job(query: str, timeout: float = 20.0) -> Job:
    return Job(query=query, result_format=None, default_graphs=None, named_graphs=None,
               max_rows=10, timeout=timeout)


def _idle_general(pool: WorkerPool) -> int:
    return len(pool._idle[False])


def _crash_busy_worker(pool: WorkerPool) -> None:
    """Segfault the general worker once it runs the query (as an engine crash would)."""
    deadline = time.monotonic() + 10
    while _idle_general(pool) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.2)  # the job is sent right after the worker is taken
    busy = [w for w in pool._workers.values() if not w.light]
    assert len(busy) == 1 and busy[0].process.pid
    os.kill(busy[0].process.pid, signal.SIGSEGV)


def test_crash_is_a_503_and_the_worker_comes_back(tmp_path_factory: pytest.TempPathFactory
                                                  ) -> None:
    data = tmp_path_factory.mktemp("crash") / "d.nq"
    data.write_text("".join(f"<urn:n{i}> <urn:v> \"{i}\" .\n" for i in range(300)))
    pool = WorkerPool(WorkerConfig(str(data)), general=1, light=1)
    try:
        for _ in range(3):  # a small flood of crashing queries
            errors: list[Exception] = []
            t = threading.Thread(target=_run, args=(pool, errors))
            t.start()
            _crash_busy_worker(pool)
            # Meanwhile light queries are answered.
            assert pool.run(job("ASK { ?s ?p ?o }"), light=True).body.endswith(b"true}")
            t.join()
            assert errors and isinstance(errors[0], StoreUnavailableError)
            assert "stopped unexpectedly" in str(errors[0])
            deadline = time.monotonic() + 60
            while not _idle_general(pool) and time.monotonic() < deadline:
                time.sleep(0.1)  # the replacement is up
        assert pool.run(job("ASK { ?s ?p ?o }")).body.endswith(b"true}")
    finally:
        pool.close()


def _run(pool: WorkerPool, errors: list[Exception]) -> None:
    try:
        pool.run(job(HEAVY))
    except StoreUnavailableError as exc:
        errors.append(exc)
