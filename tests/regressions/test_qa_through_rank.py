"""Regression: "Who chairs the second largest STP in England?" was answered at 0.67 with
the passage about the 44 STPs, which names no chair.

A thing named only by its rank ("the second largest STP", "the partnership described as
the second largest of England's 44 STPs") is now looked up first, and the question asked
again about it by name, both answers cited.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("question", [
    "Who chairs the second largest STP in England?",
    "Who chairs the partnership described as the second largest of England's 44 STPs?",
])
def test_chair_of_the_ranked(client: TestClient, question: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and len(body["sources"]) >= 1
    assert "Alan Yates" in body["answer"] and "Cheshire and Merseyside" in body["answer"]
