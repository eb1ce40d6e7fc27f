"""The synthetic generator: the real ontology's terms, provenance for every passage graph,
and data the catalogue questions actually find."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.bench import england
from kg.bench.generator import Generated, generate
from kg.catalogue import load_catalogue, run_question
from kg.store.embedded import EmbeddedStore

ICS = "https://w3id.org/icskg/ontology#"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generate(tmp_path_factory.mktemp("gen") / "kg.trig", 10_000)


@pytest.fixture(scope="module")
def store(data: Generated) -> EmbeddedStore:
    return EmbeddedStore.from_files([data.path])


def test_plan_fills_systems_before_editions() -> None:
    assert england.plan(10_000, 5_000, 3_000, 2_000) == england.Plan(1, 1)
    assert england.plan(5_000 + 42 * 5_000, 5_000, 3_000, 2_000) == england.Plan(42, 1)
    assert england.plan(1_000_000, 5_000, 3_000, 2_000).systems == 42
    assert england.plan(1_000_000, 5_000, 3_000, 2_000).editions == 11


def test_england_totals() -> None:
    shapes = [england.system(i) for i in range(england.SYSTEMS)]
    assert sum(s.places for s in shapes) == england.PLACES
    assert sum(s.pcns for s in shapes) == england.PCNS
    assert sum(s.practices for s in shapes) == england.PRACTICES
    assert sum(s.trusts for s in shapes) == england.TRUSTS
    assert sum(s.councils for s in shapes) == england.COUNCILS
    assert len({s.slug for s in shapes}) == england.SYSTEMS


def test_size_and_count(data: Generated, store: EmbeddedStore) -> None:
    assert store.triple_count() == data.triples
    assert 5_000 < data.triples < 20_000
    assert (data.systems, data.editions) == (1, 1)


def test_every_passage_graph_has_provenance(store: EmbeddedStore) -> None:
    query = f"""SELECT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
      FILTER(STRSTARTS(STR(?g), "https://w3id.org/icskg/graph/syn-"))
      FILTER NOT EXISTS {{ GRAPH <https://w3id.org/icskg/graph/provenance> {{
        ?g <{PROV_DERIVED}> ?doc . ?doc a <{ICS}SourceDocument> }} }} }}"""
    assert list(store.oxigraph.query(query)) == []


def test_inferred_types_follow_the_tbox(store: EmbeddedStore) -> None:
    icb = ox.NamedNode("https://w3id.org/icskg/id/north-mercia-icb")
    graph = ox.NamedNode("https://w3id.org/icskg/graph/inferred")
    types = {q.object.value for q in store.oxigraph.quads_for_pattern(
        icb, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), None, graph)}
    assert {f"{ICS}StatutoryNHSBody", f"{ICS}StatutoryBody", f"{ICS}NHSOrganisation",
            f"{ICS}Body"} <= types


def test_catalogue_finds_synthetic_facts(data: Generated, store: EmbeddedStore) -> None:
    catalogue = load_catalogue()
    question = catalogue.get("body-accountable-for")
    # A named board bears its own duties and every duty of its kind.
    of_kind = {r["x"].value for r in run_question(store, question, {}).rows}
    named = {r["x"].value for r in run_question(store, question, {"body": data.sample_board}).rows}
    assert named == of_kind | {"https://w3id.org/icskg/id/matter-nhs-spend",
                               "https://w3id.org/icskg/id/matter-nhs-performance"}
    ccgs = run_question(store, catalogue.get("ccgs-in-system"),
                        {"system": data.sample_board.replace("-icb", "-ics")})
    assert {r["x"].value for r in ccgs.rows} == {
        f"https://w3id.org/icskg/id/north-mercia-ccg-{k}" for k in range(3)}


def test_files_are_deterministic(tmp_path: Path, data: Generated) -> None:
    again = generate(tmp_path / "again.trig", 10_000)
    assert again.path.read_bytes() == data.path.read_bytes()
