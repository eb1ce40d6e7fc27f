"""The built dataset: named graphs with provenance, a union default graph, materialised inferences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.store.embedded import EmbeddedStore

PREFIXES = """
PREFIX ics: <https://w3id.org/icskg/ontology#>
PREFIX icsd: <https://w3id.org/icskg/id/>
PREFIX icsg: <https://w3id.org/icskg/graph/>
PREFIX kind: <https://w3id.org/icskg/id/kind/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
"""
ICSD = "https://w3id.org/icskg/id/"


@pytest.fixture(scope="module")
def store(built_dir: Path) -> EmbeddedStore:
    return EmbeddedStore.from_files([built_dir / "kg.trig"])


def values(store: EmbeddedStore, query: str, var: str) -> set[str]:
    return {row[var].value for row in store.select(PREFIXES + query).rows}


def test_release_files(built_dir: Path) -> None:
    for name in ("kg.trig", "ontology.owl", "ontology.ttl", "catalog-v001.xml", "build.json",
                 "imports/org.owl", "imports/prov.owl", "imports/skos.owl", "imports/dcterms.owl"):
        assert (built_dir / name).is_file(), name
    report = json.loads((built_dir / "build.json").read_text())
    assert report["fact_graphs"] >= 50
    assert report["seconds"] < 60


def test_every_fact_graph_has_a_document_with_metadata_and_a_locator(store: EmbeddedStore) -> None:
    rows = store.select(PREFIXES + """
        SELECT ?g ?doc ?title ?publisher ?date ?locator ?start ?end WHERE {
          GRAPH ?g { ?s ?p ?o }
          FILTER(STRSTARTS(STR(?g), "https://w3id.org/icskg/graph/d"))
          OPTIONAL { ?g prov:wasDerivedFrom ?doc .
                     ?doc dcterms:title ?title ; dcterms:publisher ?publisher ; dcterms:date ?date .
                     ?g ics:locator ?locator ; ics:charStart ?start ; ics:charEnd ?end }
        }""").rows
    graphs = {r["g"].value for r in rows}
    assert len(graphs) >= 50
    missing = {r["g"].value for r in rows if "locator" not in r or "title" not in r}
    assert missing == set()
    for row in rows:
        assert int(row["start"].value) < int(row["end"].value)
        assert row["locator"].value.endswith(f"#char={row['start'].value},{row['end'].value}")


def test_all_five_documents_are_cited(store: EmbeddedStore) -> None:
    docs = values(store, "SELECT DISTINCT ?doc { GRAPH ?g { ?s ?p ?o } ?g prov:wasDerivedFrom ?doc . "
                         "?doc a ics:SourceDocument }",
                  "doc")
    assert docs == {f"{ICSD}doc-00{i}" for i in range(5)}


def test_default_graph_is_the_union(store: EmbeddedStore) -> None:
    bearers = values(store, """SELECT ?b { ?d ics:action ics:haveRegardTo ;
                                            ics:dutyObject kind:IntegratedCareStrategy ; ics:bearer ?b }""",
                     "b")
    assert bearers == {f"{ICSD}kind/IntegratedCareBoard", f"{ICSD}kind/LocalAuthority"}


def test_types_from_subclasses_are_materialised(store: EmbeddedStore) -> None:
    types = values(store, "SELECT ?t { icsd:cheshire-and-merseyside-icb a ?t }", "t")
    ics = "https://w3id.org/icskg/ontology#"
    assert {ics + "IntegratedCareBoard", ics + "StatutoryNHSBody", ics + "StatutoryBody",
            ics + "NHSOrganisation", ics + "Body", "http://www.w3.org/ns/org#Organization",
            "http://www.w3.org/ns/prov#Agent"} <= types


def test_inverse_and_transitive_relations_are_materialised(store: EmbeddedStore) -> None:
    duties = values(store, "SELECT ?d { kind:LocalAuthority ics:bearsDuty ?d }", "d")
    assert f"{ICSD}duty-la-regard-icp-strategy" in duties
    members = values(store, "SELECT ?x { ?x org:memberOf icsd:cheshire-and-merseyside-ics }", "x")
    assert len(members) == 9
    parts = values(store, "SELECT ?x { ?x ics:partOf kind:IntegratedCareSystem }", "x")
    assert f"{ICSD}kind/PrimaryCareNetwork" in parts  # via ProviderAlliance and PlaceBasedPartnership
    graph = values(store, """SELECT ?g { GRAPH ?g { kind:PrimaryCareNetwork ics:partOf
                                                    kind:IntegratedCareSystem } }""", "g")
    assert graph == {"https://w3id.org/icskg/graph/inferred"}


def test_dated_figures_are_kept_apart(store: EmbeddedStore) -> None:
    rows = store.select(PREFIXES + """
        SELECT ?n ?when ?g { GRAPH ?g { ?c ics:countOf kind:IntegratedCareSystem ;
                                           ics:countValue ?n ; ics:asOf ?when }
                             FILTER NOT EXISTS { ?c a ics:ExpectedCount } }""").rows
    figures = {(int(r["n"].value), r["when"].value[:4]) for r in rows}
    assert figures == {(10, "2018"), (8, "2018"), (18, "2020"), (42, "2022")}


def test_validity_periods_are_datetimes(store: EmbeddedStore) -> None:
    rows = store.select(PREFIXES + "SELECT ?x ?v { ?x ics:validFrom|ics:validUntil ?v }").rows
    assert rows
    assert {r["v"].datatype for r in rows} == {"http://www.w3.org/2001/XMLSchema#dateTime"}


def test_kinds_carry_the_labels_of_their_class(store: EmbeddedStore) -> None:
    rows = store.select(PREFIXES + """SELECT ?label ?alt { kind:IntegratedCareBoard rdfs:label ?label ;
        <http://www.w3.org/2004/02/skos/core#altLabel> ?alt ; ics:kindOf ics:IntegratedCareBoard }""").rows
    assert {(r["label"].value, r["alt"].value) for r in rows} == {("integrated care board", "ICB")}
