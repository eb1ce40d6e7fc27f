"""Regression: "What are CMAST and MHLDSC?" was declined, though "What is CMAST?" and
"What is MHLDSC?" are each answered: no one statement describes both.

A question that names only things after "what is/are" now asks what each of them is,
answered in parts.
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_what_are_both(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "What are CMAST and MHLDSC?"}).json()
    assert body["answered"] is True and body["sources"]
    assert "Acute and Specialist" in body["answer"] and "Learning Disability" in body["answer"]


def test_a_name_with_and_is_one_thing(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "What is the Cheshire and Merseyside Health "
                                                 "and Care Partnership?"}).json()
    assert body["answered"] is True and "CMAST" not in body["answer"]
