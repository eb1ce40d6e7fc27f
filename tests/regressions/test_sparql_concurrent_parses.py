"""Regression: concurrent /sparql requests failed with a 500 and a traceback.

`icskg bench` saw 32 errors in one 0.5 s burst of light queries: "Param.postParse2() missing
1 required positional argument: 'tokenList'". Each new query is parsed by rdflib on a thread
of its own, and rdflib's pyparsing grammar is one shared object whose parse actions keep
state, so two parses at once corrupted each other. Parses now take turns (kg/sparql/algebra.py).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from kg.sparql.algebra import QueryParser

THREADS = 8
QUERIES = 160


def _query(n: int) -> str:
    # Distinct texts (no cache hits), with the constructs whose parse actions keep state.
    return (f"PREFIX ex: <urn:ex:> SELECT ?s (COUNT(?o) AS ?n{n}) WHERE {{ ?s ex:p{n} ?o "
            f"OPTIONAL {{ ?o ex:q ?x FILTER(?x > {n} || STRSTARTS(STR(?s), \"u{n}\")) }} }} "
            f"GROUP BY ?s ORDER BY DESC(?n{n}) LIMIT {n + 1}")


def test_parses_on_many_threads_at_once() -> None:
    parser = QueryParser()
    with ThreadPoolExecutor(THREADS) as pool:
        parsed = list(pool.map(lambda n: parser.parse(_query(n), None), range(QUERIES)))
    assert len(parsed) == QUERIES
    assert all(p.form == "SELECT" and not p.has_service for p in parsed)
