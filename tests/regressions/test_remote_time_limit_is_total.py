"""Regression: the remote store's time limit bounded each socket read, not the answer. A store
that streams its answer (Oxigraph sends rows as it finds them) never left a read waiting that
long, so a query with a 2 s limit ran for 65 s and was answered in full. The limit now covers
the whole answer: past it the read stops with the timeout error."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg.errors import QueryTimeoutError
from kg.store.base import QueryRequest
from kg.store.protocol import Endpoint
from kg.store.remote import RemoteStore
from tests.stores.conftest import OxigraphServer, oxigraph_command

LIMIT = 1.0
# A filtered cross product with no ORDER BY: rows trickle out for about a minute.
TRICKLE = ("SELECT * { ?a ?b ?c . ?d ?e ?f "
           "FILTER(STRLEN(STR(?c)) * 7 = STRLEN(STR(?f)) * 3 + 1) }")


@pytest.fixture
def remote(built_dir: Path, tmp_path: Path) -> Iterator[RemoteStore]:
    """A server of the test's own: stopping it ends the query still running there."""
    oxigraph_command()
    server = OxigraphServer(tmp_path / "oxigraph").start()
    try:
        server.push(built_dir / "kg.trig")
        yield RemoteStore(Endpoint(server.query_url, timeout=LIMIT))
    finally:
        server.stop()


CALLS: dict[str, Callable[[RemoteStore], object]] = {
    "execute": lambda r: r.execute(QueryRequest(TRICKLE, timeout=LIMIT, max_rows=10**8)),
    "select": lambda r: r.select(TRICKLE),  # the endpoint's own limit
}


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_a_streamed_answer_is_cut_off_at_the_limit(
        remote: RemoteStore, call: Callable[[RemoteStore], object]) -> None:
    start = time.monotonic()
    with pytest.raises(QueryTimeoutError, match=f"did not answer within {LIMIT:g} s"):
        call(remote)
    # One read may still wait up to the limit once the answer is already late.
    assert time.monotonic() - start < 2 * LIMIT + 2
