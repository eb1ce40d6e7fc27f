"""Regression: "What year was the 'Journey to becoming an ICS' page written?" was declined.

A document quoted by part of its title was not linked (the title is "The journey to
becoming an integrated care system (ICS)"), and "written" (~PRODUCE) did not meet the
document's date. A quoted run of words now names the one document whose title holds all
of them, and a document's date answers when it was written or published.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kg.qa.linking import EntityIndex
from kg.store.embedded import EmbeddedStore

DOC = "https://w3id.org/icskg/id/"


@pytest.mark.parametrize(("question", "year"), [
    ("What year was the 'Journey to becoming an ICS' page written?", "2020"),
    ("When was the \u2018progress so far\u2019 article written?", "2018"),
])
def test_quoted_title_dated(client: TestClient, question: str, year: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert year in body["answer"]


def test_quoted_words_must_single_out_one_document(built_dir: Path) -> None:
    store = EmbeddedStore.from_files([built_dir / "kg.trig"])
    index = EntityIndex.from_store(store, frozenset())
    found = index.quoted_titles("Who wrote 'progress so far'?")
    assert [m.best.entity.iri for m in found] == [f"{DOC}doc-001"]
    assert (found[0].start, found[0].end) == (2, 5)
    assert index.quoted_titles("Which 'integrated care' document?") == []  # several hold it
