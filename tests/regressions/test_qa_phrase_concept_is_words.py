"""Regression: "How many patients do the Northern Care Alliance's joined-up health and care
services serve?" was declined: "joined-up health and care" linked the programme item
"join up health and care" as a second thing the answer had to be about.

A concept of the graph named by a lower-case phrase of four or more words is now weak:
its words say what is asked. Short term names ("integration index") stay names.
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_phrase_is_not_a_subject(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "How many patients do the Northern Care "
                                     "Alliance's joined-up health and care services serve?"}
                       ).json()
    assert body["answered"] is True and body["sources"]
    assert "million" in body["answer"]


def test_short_term_stays_a_name(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "What is the single 'pot' in the ICS financial framework?"}).json()
    assert body["answered"] is True and "pot" in body["answer"].lower()
