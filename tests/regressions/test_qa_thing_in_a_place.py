"""Regression: "What is the collaborative commissioning forum in Cheshire and Merseyside
for?" was declined while "What is the collaborative commissioning forum for?" was
answered: the place after "in" was a second thing every statement had to hold, though it
only says which forum is meant (the forum operates in Cheshire and Merseyside).

A named place right after a named thing and "in" is dropped from what the statements
must hold when a statement ties the two; the question then names one thing, described.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("question", [
    "What is the collaborative commissioning forum in Cheshire and Merseyside for?",
    "What is the collaborative commissioning forum for?",
])
def test_thing_in_a_place(client: TestClient, question: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert "clinical commissioning groups" in body["answer"]
