"""Regression: EmbeddedStore dropped ``timeout``, ``max_rows`` and ``base_iri``: catalogue and
/ask queries ran with no time limit, a row cap of 1 returned 3 rows, and a relative IRI failed
to parse. The store now enforces all three (the time limit between rows: pyoxigraph cannot be
interrupted inside a step, which is why untrusted queries run in worker processes)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.errors import QueryTimeoutError, ResultLimitError
from kg.store.base import QueryRequest
from kg.store.embedded import EmbeddedStore

THREE = "SELECT ?s { VALUES ?s { <urn:a> <urn:b> <urn:c> } }"
MANY = "SELECT * { ?a ?p ?b . ?c ?q ?d }"


def test_row_cap(numbered_store: EmbeddedStore) -> None:
    with pytest.raises(ResultLimitError, match="more than 1 rows"):
        numbered_store.execute(QueryRequest(THREE, max_rows=1))
    assert numbered_store.execute(QueryRequest(THREE, max_rows=3)).row_count == 3


def test_row_cap_on_graphs(numbered_store: EmbeddedStore) -> None:
    with pytest.raises(ResultLimitError):
        numbered_store.execute(QueryRequest("CONSTRUCT WHERE { ?s ?p ?o }", max_rows=10))


def test_base_iri(numbered_store: EmbeddedStore) -> None:
    raw = numbered_store.execute(QueryRequest("SELECT ?x { BIND(<rel> AS ?x) }",
                                     base_iri="http://example.org/dir/"))
    assert b"http://example.org/dir/rel" in raw.body


@pytest.mark.parametrize("call", [
    lambda s: s.select(MANY, timeout=0.05),
    lambda s: s.construct("CONSTRUCT { ?a ?p ?d } WHERE { ?a ?p ?b . ?c ?q ?d }", timeout=0.05),
    lambda s: s.execute(QueryRequest(MANY, timeout=0.05)),
], ids=["select", "construct", "execute"])
def test_time_limit(numbered_store: EmbeddedStore,
                    call: Callable[[EmbeddedStore], object]) -> None:
    with pytest.raises(QueryTimeoutError, match=r"0\.05 s limit"):
        call(numbered_store)
