"""Regression: a benchmark query cap firing inside rdflib's evaluation crashed the probe.

The cap raised an ``Exception`` subclass from a SIGALRM handler; when it fired inside
``Dataset.query``, the rdflib store wrapper turned it into a QuerySyntaxError, so the
1M-triple rdflib probe exited instead of recording a time-out.
"""

from __future__ import annotations

import time

import pytest
from rdflib import Dataset

from kg.bench.probe import QueryTimeout, capped
from kg.bench.stores import RdflibStore


def test_a_cap_inside_rdflib_is_a_timeout_not_a_query_error() -> None:
    dataset = Dataset(default_union=True)
    graph = dataset.graph("http://example.org/g")
    for i in range(60):
        graph.parse(data=f'<http://example.org/s{i}> <http://example.org/p> "{i}" .', format="nt")
    store = RdflibStore(dataset, "rdflib")
    # ORDER BY makes rdflib evaluate inside query(), where the wrapper catches exceptions.
    cross = "SELECT ?a WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h } ORDER BY ?a"
    started = time.perf_counter()
    with pytest.raises(QueryTimeout), capped(0.2):
        store.select(cross)
    assert time.perf_counter() - started < 10
