"""Retrieval over a tiny made-up graph: summaries, alternative labels, literals, empty graphs."""

from __future__ import annotations

from kg.search import SearchHit, SearchIndex, Statement
from kg.store.embedded import EmbeddedStore

G = "https://w3id.org/icskg/graph/"
D = "https://w3id.org/icskg/id/"


def test_a_summary_is_returned_and_searched(mini: SearchIndex) -> None:
    hits = mini.search("island timetables", k=5)
    assert [h.graph for h in hits] == [G + "t-ferries"]
    assert hits[0].summary == "Which harbour boards run the island ferry timetables."
    assert hits[0].document == D + "doc-t"
    assert hits[0].title == "Test document"
    assert hits[0].locator == "t.txt#char=0,10"


def test_an_alternative_label_finds_its_entity(mini: SearchIndex) -> None:
    (statement, hit), *_ = mini.search_statements("HB", k=5)
    assert hit.graph == G + "t-ferries"
    assert statement.subject == D + "harbour-board"


def test_statements_read_as_labels_with_literals_as_written(mini: SearchIndex) -> None:
    hit = mini.search("lighthouse keeper", k=1)[0]
    assert hit.graph == G + "t-lighthouses"
    assert hit.summary is None
    texts = {s.text for s in hit.statements}
    assert texts == {"lighthouse keeper — keeps — lamp", "lighthouse keeper — ics:shifts — 3"}
    three = next(s for s in hit.statements if s.object == "3")
    assert three.object_label == "3"
    assert three.predicate == "https://w3id.org/icskg/ontology#shifts"


def test_type_statements_come_first_and_label_triples_are_not_statements(
        mini: SearchIndex) -> None:
    hit = mini.search("harbour board runs ferry", k=1)[0]
    predicates = [s.predicate_label for s in hit.statements]
    assert "is a" in predicates
    assert all(not s.predicate.endswith(("#label", "#altLabel")) for s in hit.statements)


def test_hits_are_frozen_values(mini: SearchIndex) -> None:
    hit = mini.search("lamp", k=1)[0]
    assert isinstance(hit, SearchHit)
    assert all(isinstance(s, Statement) for s in hit.statements)
    assert hash(hit) == hash(mini.search("lamp", k=1)[0])


def test_a_graph_without_passages_finds_nothing(tmp_path: object) -> None:
    del tmp_path
    index = SearchIndex.from_store(EmbeddedStore.from_files([]))
    assert index.passage_count == 0
    assert index.search("anything") == []
    assert index.search_statements("anything") == []
