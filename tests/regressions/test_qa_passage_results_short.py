"""Regression: "Which places make up BOB ICS?" was answered from the right passage, but
with eleven results (GP practice counts, roles, definitions), so a list asked for was
buried in everything near it.

A passage answer now lists at most five results, those that explain most of the question
first.
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from kg.qa.retrieval import PASSAGE_RESULTS


def test_passage_list_is_short_and_on_topic(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Which places make up BOB ICS?"}).json()
    assert body["answered"] is True and body["sources"]
    assert len(body["results"]) <= PASSAGE_RESULTS
    text = (body["answer"] + " ".join(r["label"] for r in body["results"])).lower()
    assert all(place in text for place in ("bucks", "oxfordshire", "berks west"))
