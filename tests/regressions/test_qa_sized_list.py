"""Regression: "Which two devolved health and care systems are named in the 2018 article?"
was declined although one reading explained all of it and listed exactly the two
systems: a fact reading about few words stays below the threshold.

The size a question gives now confirms a reading that lists exactly that many things of
one kind; "List the eight ICSs..." read as a count node beside STPs is not confirmed.
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_two_named_systems(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "Which two devolved health and care systems are named in the 2018 "
                    "article?"}).json()
    assert body["answered"] is True and body["sources"]
    assert "Greater Manchester" in body["answer"] and "Surrey Heartlands" in body["answer"]


def test_mixed_list_is_not_confirmed(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "List the eight ICSs named in the 2018 progress article."}).json()
    assert body["answered"] is False or "Dorset" in body["answer"]
