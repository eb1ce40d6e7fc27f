"""Regression: "What is the total population served by the Cheshire and Merseyside ICS?"
was answered "size rank: 2" at confidence 1.0, because "size" means population in the
lexicon and a rank is a number. A position is not an amount: "how many" and population
questions are not answered by ranks (kg/qa/reader.py POSITIONS)."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_a_rank_does_not_answer_a_population_question(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "What is the total population served by the "
                                                 "Cheshire and Merseyside ICS?"}).json()
    assert body["answered"] is False, body["answer"]
