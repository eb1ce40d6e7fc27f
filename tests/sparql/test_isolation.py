"""The second layer alone: query workers cannot connect anywhere, whatever they are sent.

The pool is driven directly, so the parsed-query check is not in the way:
the engine really runs SERVICE and FROM against a counting listener.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from kg.errors import IcskgError, StoreUnavailableError
from kg.sparql import isolation
from kg.sparql.boot import WorkerConfig
from kg.sparql.pool import WorkerPool
from kg.sparql.worker import Job

from .test_network_safety import Listener


def job(query: str) -> Job:
    return Job(query=query, result_format=None, default_graphs=None, named_graphs=None,
               max_rows=100, timeout=5.0)


def attempts(url: str) -> list[str]:
    return [
        f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"ASK {{ {{ SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * FROM <{url}> {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{url}> {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    ]


def drain(pool: WorkerPool, url: str) -> None:
    for query in attempts(url):
        with contextlib.suppress(IcskgError):  # refused or failed: the listener judges
            pool.run(job(query))


@pytest.fixture
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.close()


@pytest.mark.parametrize("mode", ["namespace", "seccomp", "auto"])
def test_isolated_worker_makes_no_connection(mode: str, listener: Listener) -> None:
    pool = WorkerPool(WorkerConfig(None, isolation=mode), general=1)
    try:
        assert pool.isolation == ("namespace" if mode == "auto" else mode)
        drain(pool, listener.url)
    finally:
        pool.close()
    assert listener.accepted == 0


def test_control_unisolated_worker_does_connect(listener: Listener) -> None:
    # Proves the listener would have counted: the same queries, isolation explicitly off.
    pool = WorkerPool(WorkerConfig(None, isolation="none"), general=1)
    try:
        drain(pool, listener.url)
    finally:
        pool.close()
    assert listener.accepted >= 1


def test_filter_denies_internet_sockets_in_this_process_shape() -> None:
    # The BPF program is what the kernel gets: 10 instructions of 8 bytes.
    assert len(isolation.pack_program(0xC000003E, 41)) == 80


def test_verify_rejects_a_process_with_network() -> None:
    # This test process has network: the self-check after isolating must notice.
    with pytest.raises(isolation.IsolationError, match="still reachable"):
        isolation.verify()


def test_pool_fails_closed_when_workers_cannot_be_isolated(
        caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(StoreUnavailableError, match="could not be cut off from the network"):
        WorkerPool(WorkerConfig(None, isolation="unavailable"), general=2)
    assert "no network isolation" in caplog.text
