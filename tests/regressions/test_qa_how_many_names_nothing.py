"""Regression: a "how many" question naming no entity divided by zero in passage scoring.

It surfaced once passages became the fallback answer: coverage of the question's entities
was computed over an empty list. Such a question is now answered or declined, never a 500.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("question", ["How many?", "how many innovation stages are there",
                                      "How many of them were there?"])
def test_how_many_without_entities_is_not_a_server_error(client: TestClient,
                                                         question: str) -> None:
    response = client.post("/ask", json={"question": question})
    assert response.status_code == 200
    assert isinstance(response.json()["answered"], bool)
