"""Regression: "What are the places that make up the BOB ICS?" was answered with the counts of
each kind of partner ("175 GP practice, 45 primary care network, ...") at confidence 1.0.
The plural after "what are the" names one of the kinds counted, so the places are wanted by
name."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_places_by_name_not_counts_of_kinds(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "What are the places that make up the BOB "
                                                 "ICS?"}).json()
    assert body["question_id"] != "system-composition", body["answer"]
    assert body["answered"] is True, body["answer"]
    # The places by name (a passage says "Oxon", the graph's statements "Oxfordshire place").
    assert "Oxon" in body["answer"] or "Oxfordshire place" in body["answer"], body["answer"]
    assert "Berkshire West" in body["answer"], body["answer"]
