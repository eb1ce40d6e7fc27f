"""Regression: "What is Cheshire and Merseyside's vision for its residents?" was declined:
the vision says everyone in Cheshire and Merseyside gets a great start in life, and
"residents" met nothing in it; "how many people live in a typical place" read "live" as
going live.

"everyone", "live in" and the like now speak of a population (lexicon POPULATION), and
"in the first place" places nothing.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("question", [
    "What is Cheshire and Merseyside's vision for its residents?",
    "What vision does the partnership chaired by Alan Yates have for its population?",
])
def test_vision_for_residents(client: TestClient, question: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert "great start in life" in body["answer"]
