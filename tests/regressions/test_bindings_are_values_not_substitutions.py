"""Regression: the embedded store bound parameters with pyoxigraph ``substitutions``.

pyoxigraph plans a query before substituting, so parameterised catalogue
questions were planned as if their parameters were free (100-1000x slower at
1M triples), and a ``BIND(?param AS ?y)`` placed before any pattern silently
lost the value. Bindings now go in as a leading VALUES block on every store.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.store.embedded import EmbeddedStore
from kg.store.terms import Term

EX = "http://example.org/"


def store() -> EmbeddedStore:
    oxs = ox.Store()
    for i in range(3):
        oxs.add(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"),
                        ox.Literal(str(i)), ox.NamedNode(f"{EX}g")))
    return EmbeddedStore(oxs)


def test_a_bound_parameter_reaches_a_leading_bind() -> None:
    rows = store().select("SELECT ?p ?y WHERE { BIND(?p AS ?y) }", {"p": Term.iri(f"{EX}s1")}).rows
    assert [(r["p"].value, r["y"].value) for r in rows] == [(f"{EX}s1", f"{EX}s1")]


def test_a_bound_parameter_restricts_the_pattern_and_an_aggregate() -> None:
    query = "SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s <http://example.org/p> ?o } GROUP BY ?s"
    rows = store().select(query, {"s": Term.iri(f"{EX}s2")}).rows
    assert [(r["s"].value, r["n"].value) for r in rows] == [(f"{EX}s2", "1")]


def test_hostile_text_stays_a_value() -> None:
    evil = Term.literal('x" } ; DROP ALL ; SELECT * { "')
    rows = store().select("SELECT ?o WHERE { ?s <http://example.org/p> ?o }", {"o": evil}).rows
    assert rows == ()
