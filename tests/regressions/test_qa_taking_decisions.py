"""Regression: "What must ICBs make sure they have when taking decisions?" was declined,
though the graph says ICBs must have suitable clinical advice when making decisions:
"taking" was a word no statement explained, so the duty covered only part of the question.

"take/taking/reach decisions" now say deciding (lexicon.toml), the light verb with it.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("question", [
    "What must ICBs make sure they have when taking decisions?",
    "What must ICBs make sure they have when making decisions?",
])
def test_taking_decisions(client: TestClient, question: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert "clinical advice" in body["answer"]
