"""Regression: on the embedded store the time limit was checked only before each row it
returned, so a query that did all its work and then found nothing (every combination
filtered out) ran past its limit and came back as a silent empty answer; ``ask`` ignored its
``timeout`` altogether. Both are now refused with the timeout error once the engine returns."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import QueryTimeoutError
from kg.store.embedded import EmbeddedStore

# A 160,000-combination cross product (tens of ms) whose filter no combination passes.
NOTHING = '{ ?a ?p ?b . ?c ?q ?d FILTER(STR(?b) = CONCAT(STR(?d), "x")) }'
LIMIT = 0.001


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    oxs = ox.Store()
    graph = ox.NamedNode("urn:g")
    oxs.extend(ox.Quad(ox.NamedNode(f"urn:n{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i)), graph)
               for i in range(400))
    return EmbeddedStore(oxs)


def test_an_empty_select_over_its_limit_is_refused(store: EmbeddedStore) -> None:
    assert store.select(f"SELECT * {NOTHING}").rows == ()  # no limit: the answer is empty
    with pytest.raises(QueryTimeoutError, match=f"{LIMIT:g} s limit"):
        store.select(f"SELECT * {NOTHING}", timeout=LIMIT)


def test_an_empty_construct_over_its_limit_is_refused(store: EmbeddedStore) -> None:
    with pytest.raises(QueryTimeoutError, match=f"{LIMIT:g} s limit"):
        store.construct(f"CONSTRUCT {{ ?a ?p ?d }} WHERE {NOTHING}", timeout=LIMIT)


def test_ask_over_its_limit_is_refused(store: EmbeddedStore) -> None:
    assert store.ask(f"ASK {NOTHING}") is False
    with pytest.raises(QueryTimeoutError, match=f"{LIMIT:g} s limit"):
        store.ask(f"ASK {NOTHING}", timeout=LIMIT)


def test_a_quick_query_within_its_limit_still_answers(store: EmbeddedStore) -> None:
    assert store.ask("ASK { <urn:n1> ?p ?o }", timeout=5) is True
    assert len(store.select("SELECT ?o { <urn:n1> ?p ?o }", timeout=5).rows) == 1
