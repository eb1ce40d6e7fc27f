"""Regression: "was cheshire and merseyside the largest STP in england?" was declined while
"Is Cheshire and Merseyside the largest STP?" was answered "No" (it ranks second): "in
England" was a word every statement had to explain, though every source is about England.

"in England" and its like only set the scope (lexicon SCOPE), like "according to".
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("question", [
    "was cheshire and merseyside the largest STP in england?",
    "Is Cheshire and Merseyside the largest STP?",
])
def test_in_england(client: TestClient, question: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert body["answer"].startswith("No.") and "2" in body["answer"]
