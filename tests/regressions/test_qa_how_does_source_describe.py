"""Regression: "How does the Cheshire and Merseyside journey page describe integrated care
partnerships?" was declined: "how" and "journey" were read as words a statement must
explain, though they only ask for a definition and name its source.

"How does <a page, article, report...> describe X?" now reads as "What is X, according
to <it>?". A person's description ("How did Mark Easton describe an ICS?") stays a
question about that person's view.
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from kg.qa.citing import reworded


def test_reworded_for_a_document() -> None:
    assert reworded("How does the journey page describe ICPs?") == \
        "What is ICPs, according to the journey page?"
    assert reworded("How did Mark Easton describe an ICS?") == \
        "How did Mark Easton describe an ICS?"


def test_described_by_the_page(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "How does the Cheshire and Merseyside journey page describe integrated "
                    "care partnerships?"}).json()
    assert body["answered"] is True and body["sources"]
    assert "alliance" in body["answer"].lower()
