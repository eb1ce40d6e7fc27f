"""Regression: "What is an ICS?" was answered citing 42 passages: a description of a kind
touches nearly every passage, and graph readings passed them all on, while catalogue
answers cite at most 25 (``MAX_SOURCES``).

Graph readings now cite at most as many, the statements shown first.
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from kg.qa.engine import MAX_SOURCES


def test_sources_capped(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "What is an ICS?"}).json()
    assert body["answered"] is True
    assert 1 <= len(body["sources"]) <= MAX_SOURCES
