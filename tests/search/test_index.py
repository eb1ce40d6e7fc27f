"""BM25 retrieval over the real build: the right passages, cited, with their statements."""

from __future__ import annotations

import pytest

from kg.errors import BadRequestError
from kg.search import SearchIndex
from kg.search.index import MAX_STATEMENTS_PER_HIT
from kg.store.embedded import EmbeddedStore
from kg.store.terms import Term

G = "https://w3id.org/icskg/graph/"

# (query, a passage graph that must be among the top three hits)
CASES = [
    ("Who must have regard to ICP strategies?", "d002-icp-strategy"),
    ("which CCGs were brought together in Cheshire and Merseyside", "d002-nine-ccgs"),
    ("seats on the ICB board", "d002-icb-board"),
    ("minimum population of a place", "d004-tiers"),
    ("how many STPs were formed in 2016", "d000-stps-formed"),
]


@pytest.mark.parametrize(("query", "graph"), CASES)
def test_the_passage_stating_it_ranks_in_the_top_three(index: SearchIndex, query: str,
                                                       graph: str) -> None:
    hits = index.search(query, k=3)
    assert G + graph in [h.graph for h in hits]
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(h.score > 0 for h in hits)


@pytest.mark.parametrize(("query", "graph"), CASES)
def test_hits_are_cited_by_the_provenance_graph(index: SearchIndex, built_store: EmbeddedStore,
                                                query: str, graph: str) -> None:
    del graph
    for hit in index.search(query, k=3):
        assert hit.locator and hit.locator.split("#char=")[1]
        assert hit.title
        assert built_store.ask(
            "ASK { GRAPH <https://w3id.org/icskg/graph/provenance> { "
            "?g <http://www.w3.org/ns/prov#wasDerivedFrom> ?doc ; "
            "<https://w3id.org/icskg/ontology#locator> ?loc } }",
            {"g": Term.iri(hit.graph), "doc": Term.iri(hit.document),
             "loc": Term.literal(hit.locator)})


def test_every_statement_is_a_triple_of_its_passage_graph(index: SearchIndex,
                                                          built_store: EmbeddedStore) -> None:
    found = index.search_statements("integrated care board has regard to strategy", k=8)
    assert len(found) == 8
    for statement, hit in found:
        assert statement.score > 0
        assert statement in hit.statements or len(hit.statements) == MAX_STATEMENTS_PER_HIT
        rows = built_store.select(
            "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
            {"g": Term.iri(hit.graph), "s": Term.iri(statement.subject),
             "p": Term.iri(statement.predicate)}).rows
        assert statement.object in {r["o"].value for r in rows}
        assert statement.text == (f"{statement.subject_label} — {statement.predicate_label} — "
                                  f"{statement.object_label}")
    scores = [s.score for s, _ in found]
    assert scores == sorted(scores, reverse=True)


def test_statements_carry_labels_not_iris(index: SearchIndex) -> None:
    hit = index.search("Who must have regard to ICP strategies?", k=1)[0]
    assert hit.graph == G + "d002-icp-strategy"
    best = hit.statements[0]
    assert "ICP strategies" in best.subject_label
    assert not best.subject_label.startswith("http")
    assert best.predicate_label in {"action", "duty object", "bearer", "is a"}
    assert [s.score for s in hit.statements] == sorted((s.score for s in hit.statements),
                                                       reverse=True)
    assert len(hit.statements) <= MAX_STATEMENTS_PER_HIT


@pytest.mark.parametrize(("one", "other"), [
    ("integrated care boards", "integrated care board"),
    ("CCGs in Cheshire", "ccg in cheshire"),
    ("Cheshire & Merseyside", "cheshire and merseyside"),
])
def test_the_qa_normalisation_makes_variants_equal(index: SearchIndex, one: str,
                                                   other: str) -> None:
    assert index.search(one, k=5) == index.search(other, k=5)


@pytest.mark.parametrize("query", ["", "   ", "the of and", "xyzzy plugh"])
def test_nothing_matching_finds_nothing(index: SearchIndex, query: str) -> None:
    assert index.search(query) == []
    assert index.search_statements(query) == []


@pytest.mark.parametrize("k", [0, -1, 101])
def test_k_out_of_range_is_a_bad_request(index: SearchIndex, k: int) -> None:
    with pytest.raises(BadRequestError, match="k must be between 1 and 100"):
        index.search("ICB", k=k)
    with pytest.raises(BadRequestError, match="k must be between 1 and 100"):
        index.search_statements("ICB", k=k)


def test_k_limits_the_hits(index: SearchIndex) -> None:
    assert len(index.search("integrated care system", k=1)) == 1
    assert len(index.search("integrated care system", k=7)) == 7
    assert len(index.search_statements("integrated care system", k=12)) == 12


def test_every_passage_of_the_build_is_indexed(index: SearchIndex,
                                               built_store: EmbeddedStore) -> None:
    rows = built_store.select("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { "
                              "?g a <https://w3id.org/icskg/ontology#FactGraph> }").rows
    assert index.passage_count == int(rows[0]["n"].value)
