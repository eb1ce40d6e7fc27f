"""Regression: nothing bounded a worker's memory; a 1.6 kB CONCAT-doubling query grew one to
2.3 GB. Each worker now has an address-space limit (a setting): over it, 503 with the reason,
the worker is replaced and the next query is answered."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import StoreUnavailableError
from kg.sparql.boot import WorkerConfig
from kg.sparql.pool import WorkerPool
from kg.sparql.worker import Job

LIMIT_MB = 512
DOUBLING = ('SELECT (STRLEN(?x30) AS ?n) { BIND("aaaaaaaaaaaaaaaa" AS ?x0) '
            + " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(30)) + " }")


def job(query: str) -> Job:
    return Job(query=query, result_format=None, default_graphs=None, named_graphs=None,
               max_rows=10, timeout=20.0)


@pytest.fixture
def pool() -> Iterator[WorkerPool]:
    p = WorkerPool(WorkerConfig(None, memory_bytes=LIMIT_MB * 2**20), general=1)
    yield p
    p.close()


def test_memory_hungry_query_gets_its_reason(pool: WorkerPool) -> None:
    with pytest.raises(StoreUnavailableError, match="needed more memory than the limit"):
        pool.run(job(DOUBLING))
    deadline = time.monotonic() + 60
    while pool.size == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pool.run(job("ASK {}")).body.endswith(b"true}")


def test_limit_reaches_the_http_answer(built_dir: Path) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from kg.settings import Settings

    settings = Settings(build_dir=built_dir, sparql_worker_memory_mb=LIMIT_MB, query_timeout=20)
    with TestClient(create_app(settings)) as client:
        response = client.get("/sparql", params={"query": DOUBLING})
    assert response.status_code == 503
    assert f"more memory than the limit ({LIMIT_MB} MB" in response.json()["message"]
