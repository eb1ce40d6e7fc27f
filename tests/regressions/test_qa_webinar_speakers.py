"""Regression: "Which two webinar speakers described ICSs as a collaboration of
partnerships?" was answered wrongly: the summary records what its people said at the
webinar, yet no statement of it carried "speak", so another passage won.

A source's kind now lends its statements the words it implies (a webinar: speakers spoke,
lexicon SOURCE_KIND_WORDS). "How many speakers" still reads the statement giving their
number first, though every statement of the summary now explains "speakers".
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "said"), [
    ("Which two webinar speakers described ICSs as a collaboration of partnerships?",
     "Sweeney"),
    ("How many speakers presented at the DHACA ICS webinar?", "four"),
])
def test_webinar_speakers(client: TestClient, question: str, said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert said in body["answer"] + " ".join(r["label"] for r in body["results"])
