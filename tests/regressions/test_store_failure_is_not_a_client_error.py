"""Regression: over Virtuoso, `icss-as-of` always gave 400 (a Virtuoso compiler error reported
as the client's syntax error). A store that fails on valid SPARQL is now a 502 naming the store;
only a query pyoxigraph cannot parse is a 400."""

from __future__ import annotations

import pytest

from kg.errors import QuerySyntaxError, StoreQueryError
from kg.store.remote_requests import rejected
from tests.stores.virtuoso import VirtuosoServer

# icss-as-of before its rewrite: NOT EXISTS over variables bound in one UNION branch.
SP031 = """PREFIX ics: <https://w3id.org/icskg/ontology#>
PREFIX kind: <https://w3id.org/icskg/id/kind/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?asOf ?x ?when ?list ?g ?doc WHERE {
  VALUES ?asOf { "2023-01-01T00:00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime> }
  {
    GRAPH ?g { ?list ics:countedMember ?x ; ics:asOf ?when ; ics:countOf ?listKind . }
    VALUES ?listKind { kind:IntegratedCareSystem kind:DevolvedHealthAndCareSystem }
  } UNION {
    GRAPH ?g { ?x a ics:IntegratedCareSystem ; ics:validFrom ?when . }
  }
  ?g prov:wasDerivedFrom ?doc .
  FILTER(?when <= ?asOf)
  FILTER NOT EXISTS {
    ?newer ics:countOf ?listKind ; ics:asOf ?newerWhen ; ics:countedMember ?someone .
    FILTER(BOUND(?list) && ?newerWhen > ?when && ?newerWhen <= ?asOf)
  }
}"""
WHERE = "http://127.0.0.1:8890/sparql"


def test_the_store_or_the_client_is_blamed_as_the_query_deserves() -> None:
    assert isinstance(rejected(SP031, "SP031", WHERE, 400), StoreQueryError)
    assert isinstance(rejected("SELECT ?x WHERE { ?x ?p }", "syntax", WHERE, 400),
                      QuerySyntaxError)
    assert isinstance(rejected("SELECT * {}", "internal", WHERE, 500), StoreQueryError)


def test_virtuoso_compiler_errors_are_the_stores(virtuoso_server: VirtuosoServer) -> None:
    with pytest.raises(StoreQueryError, match="SP031") as caught:
        virtuoso_server.remote().select(SP031)
    assert caught.value.message.startswith(
        f"the remote store at {virtuoso_server.query_url} failed")
