"""Regression: "How many community beds does North West London have?" was answered at
confidence 1.0 with "2" and "24", the response times in hours of the same sentence.

A question that counts things is not answered by a length of time or a percentage; one
that asks for hours still is.
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_hours_count_no_beds(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "How many community beds does North West London have?"}).json()
    assert body["answered"] is False


def test_hours_answer_a_question_of_hours(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "How many hours did rapid response times vary by in North West London?"
    }).json()
    assert body["answered"] is True and "24 hours" in body["answer"]
