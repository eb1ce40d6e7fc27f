"""Regression: "What does Option 1 for putting ICSs into law involve?" was answered at 0.95
with the list of both legislative options, which says nothing of what Option 1 involves.

A catalogue list that holds a thing the question names in no slot now does not fit: the
question asks about that one thing ("Which options..." and yes/no questions still do).
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_named_option_is_not_answered_by_the_list(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "What does Option 1 for putting ICSs into law involve?"}).json()
    assert not (body["answered"] and "Option 2" in body["answer"]
                and "accountable officer" not in body["answer"].lower())


def test_the_list_still_answers_which(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "Which options for legislating ICSs were proposed?"}).json()
    assert body["answered"] is True and "Option 1" in body["answer"] \
        and "Option 2" in body["answer"]
