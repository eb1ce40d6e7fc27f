"""Regression (found by the fuzzer): a question with a lone surrogate made the answer's
``context`` (which repeats the question) fail validation, a 500. The context now carries
the question as valid UTF-8."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_lone_surrogate_in_question(client: TestClient) -> None:
    response = client.post("/ask", content='{"question": "Who chairs \\ud800 BOB?"}',
                           headers={"content-type": "application/json"})
    assert response.status_code == 200
    body = response.json()
    assert body["context"]["question"] and "\ud800" not in body["context"]["question"]
