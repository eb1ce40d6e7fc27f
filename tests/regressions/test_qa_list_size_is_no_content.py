"""Regression: "Which nine CCGs make up the Cheshire and Merseyside ICS?" was declined
while "Which CCGs make up ...?" was answered: "nine" after "which" was read as a word the
answer must explain (a rare one, so it weighed much), not as the size of the list asked for.

A number after "which", "what", "name" or "list" is now the list's size, like one after
"the".
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("question", [
    "Which nine CCGs make up the Cheshire and Merseyside ICS?",
    "Which CCGs make up the Cheshire and Merseyside ICS?",
])
def test_list_size_is_no_content(client: TestClient, question: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert "Halton" in body["answer"] and "Knowsley" in body["answer"]
