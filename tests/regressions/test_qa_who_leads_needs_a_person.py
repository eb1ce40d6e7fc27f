"""Regression: "Who chairs the Greater Manchester health and social care partnership?" was
answered at 0.58 with a passage about Greater Manchester taking ownership of its
challenges, which names no chair: the graph does not say who chairs it.

A passage given as the fallback for "who chairs / leads / runs ..." must now name a person.
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_unknown_chair_is_declined(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "Who chairs the Greater Manchester health and social care partnership?"
    }).json()
    assert body["answered"] is False


def test_known_chair_is_answered(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Who chairs BOB ICS?"}).json()
    assert body["answered"] is True and "David Clayton-Smith" in body["answer"]
