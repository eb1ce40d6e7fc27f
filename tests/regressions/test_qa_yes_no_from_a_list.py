"""Regression: "Did NHS England prefer Option 1 for ICS legislation?" was declined, and a
catalogue list never answered a yes/no question.

The catalogue reads the question as the list it asks about (the preferred option; the STPs
announced in May 2018). The thing the question names that no slot took is now looked up in
that list: in it, "yes"; absent while the list holds others of its kind, "no"; else declined.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "verdict", "said"), [
    ("Did NHS England prefer Option 1 for ICS legislation?", "No.", "Option 2"),
    ("Was Gloucestershire one of the STPs announced in May 2018 to become an ICS?", "Yes.",
     "Gloucestershire"),
])
def test_verdict_from_the_list(client: TestClient, question: str, verdict: str,
                               said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert body["answer"].startswith(verdict) and said in body["answer"]


def test_a_place_named_beside_the_subject_is_not_the_subject(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "Do CCGs continue to exist after 1 July 2022 in Cheshire and Merseyside?"}).json()
    assert not body["answer"].startswith("Yes")
