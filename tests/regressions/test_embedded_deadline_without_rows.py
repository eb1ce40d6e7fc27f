"""Regression: on the embedded store the time limit was checked only before each row it
returned, so a query that did all its work and then found nothing (every combination
filtered out) ran past its limit and came back as a silent empty answer; ``ask`` ignored its
``timeout`` altogether. Both are now refused with the timeout error once the engine returns."""

from __future__ import annotations

import pytest

from kg.errors import QueryTimeoutError
from kg.store.embedded import EmbeddedStore

# A 160,000-combination cross product (tens of ms) whose filter no combination passes.
NOTHING = '{ ?a ?p ?b . ?c ?q ?d FILTER(STR(?b) = CONCAT(STR(?d), "x")) }'
LIMIT = 0.001


def test_an_empty_select_over_its_limit_is_refused(numbered_store: EmbeddedStore) -> None:
    assert numbered_store.select(f"SELECT * {NOTHING}").rows == ()  # no limit: the answer is empty
    with pytest.raises(QueryTimeoutError, match=f"{LIMIT:g} s limit"):
        numbered_store.select(f"SELECT * {NOTHING}", timeout=LIMIT)


def test_an_empty_construct_over_its_limit_is_refused(numbered_store: EmbeddedStore) -> None:
    with pytest.raises(QueryTimeoutError, match=f"{LIMIT:g} s limit"):
        numbered_store.construct(f"CONSTRUCT {{ ?a ?p ?d }} WHERE {NOTHING}", timeout=LIMIT)


def test_ask_over_its_limit_is_refused(numbered_store: EmbeddedStore) -> None:
    assert numbered_store.ask(f"ASK {NOTHING}") is False
    with pytest.raises(QueryTimeoutError, match=f"{LIMIT:g} s limit"):
        numbered_store.ask(f"ASK {NOTHING}", timeout=LIMIT)


def test_a_quick_query_within_its_limit_still_answers(numbered_store: EmbeddedStore) -> None:
    assert numbered_store.ask("ASK { <urn:n1> ?p ?o }", timeout=5) is True
    assert len(numbered_store.select("SELECT ?o { <urn:n1> ?p ?o }", timeout=5).rows) == 1
