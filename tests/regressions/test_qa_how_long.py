"""Regression: "How long did the DHACA webinar last?" was declined: the graph gave the
webinar's times (10:00 to 11:30) but no length, and nothing read "how long" or "last".

The webinar's period now says its length too (an hour and a half), lengths of time are
one concept (lexicon DURATION), and the one statement of the thing giving a length answers.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("question", [
    "How long did the DHACA webinar last?",
    "How long did the DHACA webinar run for?",
])
def test_how_long(client: TestClient, question: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert "90 minutes" in body["answer"]
