"""Regression: real words were corrected as typos of the graph's words ("country" became
"county", "known" became "know"), and "position" read as a gain (it stems like
"positive"), so "What position does Dr Siân Rees hold?" was declined.

A dictionary word, or a regular inflection of one, is now never a typo; a name the graph
holds still is ("Chesire").
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kg.qa.analysis import is_english


@pytest.mark.parametrize(("word", "english"), [
    ("country", True), ("countries", True), ("governed", True), ("known", True),
    ("chesire", False), ("intergrated", False),
])
def test_dictionary_words(word: str, english: bool) -> None:
    assert is_english(word) is english


def test_position_asks_for_a_role(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "What position does Dr Siân Rees hold?"}).json()
    assert body["answered"] is True and body["sources"]
    assert "Oxford Academic Health Science Network" in body["answer"]


def test_misspelt_name_still_links(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Who chairs Chesire and Merseyside ICS?"}).json()
    assert body["answered"] is True and "Alan Yates" in body["answer"]
