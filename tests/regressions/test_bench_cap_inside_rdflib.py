"""Regression: a benchmark query cap firing inside rdflib's evaluation crashed the probe.

The cap raised an ``Exception`` subclass from a SIGALRM handler; when it fired inside
``Dataset.query``, the rdflib store wrapper turned it into a QuerySyntaxError, so the
1M-triple rdflib probe exited instead of recording a time-out.

The check runs in a fresh interpreter: the cap is a process-wide SIGALRM timer, and servers
and clients other tests start in this process may hold signal state of their own.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = """
import time
from rdflib import Dataset
from kg.bench.probe import QueryTimeout, capped
from kg.bench.stores import RdflibStore

dataset = Dataset(default_union=True)
graph = dataset.graph("http://example.org/g")
for i in range(60):
    graph.parse(data=f'<http://example.org/s{i}> <http://example.org/p> "{i}" .', format="nt")
store = RdflibStore(dataset, "rdflib")
# ORDER BY makes rdflib evaluate inside query(), where the wrapper catches exceptions.
cross = "SELECT ?a WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h } ORDER BY ?a"
started = time.perf_counter()
try:
    with capped(0.2):
        store.select(cross)
except QueryTimeout:
    print("timeout", round(time.perf_counter() - started, 2))
"""


def test_a_cap_inside_rdflib_is_a_timeout_not_a_query_error() -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=root, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    word, seconds = done.stdout.split()
    assert word == "timeout" and float(seconds) < 10
