"""Regression: "Which ICS has 45 PCNs?" and "How many clinical commissioning groups are part
of the ICS that has 45 PCNs?" were declined: the figure 45 is the value of a count node,
whose subject is no ICS, and "are part of" was no phrasing of the count question.

The thing a count node counts in now stands for the figure's statement, and "How many K
are part of S?" is a phrasing of count-in-system.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "said"), [
    ("Which ICS has 45 PCNs?", "Bucks, Oxfordshire and Berks ICS"),
    ("Who chairs the ICS that has 175 GP practices?", "David Clayton-Smith"),
    ("How many clinical commissioning groups are part of the ICS that has 45 PCNs?", ": 3."),
])
def test_figure_names_the_system(client: TestClient, question: str, said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert said in body["answer"]
