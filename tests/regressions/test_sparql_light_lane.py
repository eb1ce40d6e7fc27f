"""Regression: with four heavy queries in flight, ASK { ?s ?p ?o } waited about 3 s or got
503 "all query workers stayed busy". A light lane is now reserved for queries the parser
judges cheap: they are answered while the general lane is full, and none is refused; a
query misjudged as light leaves the lane after the light budget and still finishes."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from kg.errors import IcskgError, QueryTimeoutError
from kg.sparql.algebra import parse
from kg.sparql.boot import WorkerConfig
from kg.sparql.pool import WorkerPool
from kg.sparql.worker import Job

HEAVY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
LIGHT = "ASK { ?s ?p ?o }"
TIMEOUT = 6.0


def job(query: str) -> Job:
    return Job(query=query, result_format=None, default_graphs=None, named_graphs=None,
               max_rows=10, timeout=TIMEOUT)


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerPool]:
    data = tmp_path_factory.mktemp("lanes") / "bulk.nq"
    data.write_text("".join(f"<urn:n{i}> <urn:v> \"{i}\" .\n" for i in range(600)))
    p = WorkerPool(WorkerConfig(str(data)), general=4, light=1, light_budget=1.0)
    yield p
    p.close()


def test_the_parser_tells_them_apart() -> None:
    assert parse(LIGHT, None).light and not parse(HEAVY, None).light


def test_light_queries_answer_while_four_heavy_run(pool: WorkerPool) -> None:
    heavy_errors: list[IcskgError] = []

    def heavy() -> None:
        try:
            pool.run(job(HEAVY), light=False)
        except IcskgError as exc:
            heavy_errors.append(exc)

    threads = [threading.Thread(target=heavy) for _ in range(4)]
    for t in threads:
        t.start()
    time.sleep(0.5)  # the general lane is now full
    latencies = []
    for _ in range(5):
        start = time.monotonic()
        assert pool.run(job(LIGHT), light=True).body.endswith(b"true}")
        latencies.append(time.monotonic() - start)
    for t in threads:
        t.join()
    # Heavy queries still stop at the time limit.
    assert len(heavy_errors) == 4 and all(isinstance(e, QueryTimeoutError) for e in heavy_errors)
    assert max(latencies) < 1.0, latencies


def test_misjudged_light_query_still_gets_its_time(pool: WorkerPool) -> None:
    start = time.monotonic()
    with pytest.raises(QueryTimeoutError, match="longer than"):
        pool.run(job(HEAVY), light=True)
    assert time.monotonic() - start >= TIMEOUT - 0.5
    deadline = time.monotonic() + 60
    while pool.size < 5 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pool.run(job(LIGHT), light=True).body.endswith(b"true}")


