"""Regression: "What is the total number of people covered by BOB?" was declined. The
typo corrector did not know "covered" (only "cover" and "covers") and read it as
"converted", so the question seemed to ask about becoming something and the population
answer explained only half of it. A word whose stem is a known word's is now never a typo."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_covered_is_cover(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "What is the total number of people "
                                                 "covered by BOB?"}).json()
    assert body["answered"] is True, body["answer"]
    assert "1.8 million" in body["answer"] and body["sources"]
