"""Source records: document, title, publisher, date and locator of the graphs behind a result."""

from __future__ import annotations

from kg.catalogue import Catalogue, execute_question, resolve_sources, sources_for
from kg.catalogue.sources import SourceRecord
from kg.store.embedded import EmbeddedStore

ICSG = "https://w3id.org/icskg/graph/"
ICSD = "https://w3id.org/icskg/id/"


def test_sources_of_a_result(catalogue_store: EmbeddedStore, catalogue: Catalogue) -> None:
    run = execute_question(catalogue_store, catalogue.get("who-must-have-regard-to"), {})
    (source,) = sources_for(catalogue_store, run.result)
    assert source.graph == f"{ICSG}d002-icp-strategy"
    assert source.document == f"{ICSD}doc-002"
    assert source.title == "Integrated Care Systems"
    assert source.publisher == "Cheshire and Merseyside clinical commissioning groups"
    assert source.date == "2022"
    assert source.locator == (f"002_642277295977972f.txt#char={source.char_start},"
                              f"{source.char_end}")


def test_graphs_without_provenance_have_no_source(catalogue_store: EmbeddedStore) -> None:
    graphs = [f"{ICSG}inferred", f"{ICSG}ontology", f"{ICSG}d004-tiers", f"{ICSG}d004-tiers"]
    records = resolve_sources(catalogue_store, graphs)
    assert [r.graph for r in records] == [f"{ICSG}d004-tiers"]
    assert isinstance(records[0], SourceRecord)
    assert records[0].publisher == "DHACA"
    assert resolve_sources(catalogue_store, []) == []


def test_sources_are_ordered_by_document_and_position(catalogue_store: EmbeddedStore,
                                                      catalogue: Catalogue) -> None:
    run = execute_question(catalogue_store, catalogue.get("timeline"), {})
    records = sources_for(catalogue_store, run.result)
    keys = [(r.document, r.char_start or 0) for r in records]
    assert keys == sorted(keys)
    assert {r.document.rsplit("/", 1)[-1] for r in records} == {
        "doc-000", "doc-001", "doc-002", "doc-003", "doc-004"}
