"""Regression: "In what year did NHS organisations and councils team up to form STPs?"
was declined ("team up" was read as staff and a word to explain), and "What types of
organisation make up the BOB ICS partnership?" declined: "types of organisation" only
says what kind of answer is wanted, yet its words had to be explained.

Teaming up and joining forces now form something (lexicon FORM); the kind words before
an answer noun ("which kinds of organisation") are the answer's kind, like "which body".
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "said"), [
    ("In what year did NHS organisations and councils team up to form STPs?", "2016"),
    ("What types of organisation make up the BOB ICS partnership?", "ahsn"),
])
def test_joined_forces(client: TestClient, question: str, said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    text = (body["answer"] + " " + " ".join(r["label"] for r in body["results"])).lower()
    assert said in text
