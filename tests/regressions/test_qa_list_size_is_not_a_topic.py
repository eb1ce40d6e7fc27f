"""Regression: "What are the eight key next steps set out by NHSE/I for system working?" was
declined, and "the three aims of ..." scored far below "the aims of ...".

The list's size ("eight", "three") counted as a word the question is about, which no
template says, so the matching reading fell under the bar. A number right after "the" (or
"its", "their", ...) now gives the list's size only.
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_sized_list_question(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "What are the eight key next steps set out by NHSE/I for system working?"}).json()
    assert body["answered"] is True and body["question_id"] == "next-steps"
    assert "provider collaboratives" in body["answer"]
