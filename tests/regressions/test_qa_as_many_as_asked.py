"""Regression: "What four things must systems do to realise the potential of data and
digital?" was answered from the right passage, with five results: a closed list of four
given as five things is no answer to a chatbot that shows the list.

A passage answer now lists no more results than the size the question asks for.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "size", "said"), [
    ("What four things must systems do to realise the potential of data and digital?", 4,
     "foundations"),
    ("In which three core areas must an STP meet objectives before it can mature into an "
     "ICS?", 3, "local government"),
])
def test_as_many_as_asked(client: TestClient, question: str, size: int, said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert 1 <= len(body["results"]) <= size
    assert said in body["answer"]
