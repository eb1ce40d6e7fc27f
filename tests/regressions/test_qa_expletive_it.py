"""Regression: "On what date was it announced that the Gloucestershire STP would become an
ICS?" was refused as referring back ("it" with no earlier question), and "Is it true that
CCGs were abolished in 2022?" was declined.

An "it" standing for the clause after it ("it was announced that", "it is true that")
refers to nothing said before; "Is it true that X?" asks X, yes or no.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "said"), [
    ("On what date was it announced that the Gloucestershire STP would become an ICS?",
     "24 May 2018"),
    ("Is it true that CCGs were abolished in 2022?", "Yes."),
])
def test_expletive_it(client: TestClient, question: str, said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert said in body["answer"]


def test_it_still_refers_back(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "When did it go live?"}).json()
    assert body["answered"] is False
