"""Every named graph of the release says where it came from; every passage graph is summarised."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.store.embedded import EmbeddedStore

PREFIXES = """
PREFIX ics: <https://w3id.org/icskg/ontology#>
PREFIX icsg: <https://w3id.org/icskg/graph/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
DERIVED = ["icsg:inferred", "icsg:vocabulary", "icsg:ontology"]
ICSG = "https://w3id.org/icskg/graph/"


@pytest.fixture(scope="module")
def store(built_dir: Path) -> EmbeddedStore:
    return EmbeddedStore.from_files([built_dir / "kg.trig"])


def _rows(store: EmbeddedStore, query: str) -> list[dict[str, str]]:
    return [{k: v.value for k, v in row.items()} for row in store.select(PREFIXES + query).rows]


def test_every_named_graph_has_provenance(store: EmbeddedStore) -> None:
    undocumented = _rows(store, """
        SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o }
          FILTER(?g != icsg:provenance)
          FILTER NOT EXISTS { ?g prov:wasDerivedFrom ?source } } GROUP BY ?g""")
    assert undocumented == []


@pytest.mark.parametrize("graph", DERIVED)
def test_derived_graph_names_its_build_and_its_sources(store: EmbeddedStore, graph: str) -> None:
    rows = _rows(store, f"""
        SELECT ?build ?started ?source WHERE {{
          {graph} a ics:DerivedGraph ; prov:wasGeneratedBy ?build ; prov:wasDerivedFrom ?source .
          ?build a ics:Build ; prov:startedAtTime ?started ; prov:endedAtTime ?ended .
          FILTER(?started <= ?ended) }}""")
    assert len({r["build"] for r in rows}) == 1
    sources = {r["source"] for r in rows}
    if graph != "icsg:ontology":
        assert f"{ICSG}d002-icp-strategy" in sources  # the fact graphs it was made from
    if graph == "icsg:inferred":
        assert {f"{ICSG}vocabulary", f"{ICSG}ontology", f"{ICSG}provenance"} <= sources


def test_every_passage_graph_has_a_short_summary(store: EmbeddedStore) -> None:
    rows = _rows(store, """
        SELECT ?g ?summary WHERE { ?g a ics:FactGraph OPTIONAL { ?g rdfs:comment ?summary } }""")
    assert len(rows) >= 50
    missing = [r["g"] for r in rows if not r.get("summary")]
    too_long = [r["g"] for r in rows if r.get("summary") and len(r["summary"].split()) > 60]
    assert (missing, too_long) == ([], [])


def test_researchers_can_filter_on_plain_dates(store: EmbeddedStore) -> None:
    rows = _rows(store, """
        SELECT ?d WHERE { ?d ics:designationOf ?body ; ics:validFromDate ?from .
          FILTER(?from <= "2016-12-31"^^xsd:date) }""")
    assert {r["d"].rsplit("/", 1)[-1] for r in rows} >= {"designation-cm-stp"}
    ends = _rows(store, """
        SELECT ?end WHERE { ?c ics:countValue 18 ; ics:periodEnd ?end }""")
    assert {r["end"] for r in ends} == {"2020-12-31"}
