"""Regression: a catalogue slot the question leaves empty was filled silently by its
default ("How many were there in Cheshire and Merseyside?" counted place-based
partnerships). Now such a question is declined with a question back: which kind?"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_unfilled_kind_is_asked_for(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "How many were there in Cheshire and Merseyside?"}).json()
    assert body["answered"] is False
    assert body["answer"].startswith("Which ") and body["answer"].count("?") >= 1
