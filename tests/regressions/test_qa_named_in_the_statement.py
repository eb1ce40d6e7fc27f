"""Regression: "How many of the STPs had become ICSs by the 2018 article?" was declined,
though the 2018 count of ICSs says in its qualifier that it counts the STPs that had
evolved into ICSs: the count links the ICS kind only, so it held half of what was named.

A statement now also holds what its own words name (a qualifier, a node's label).
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("question", [
    "How many of the STPs had become ICSs by the 2018 article?",
    "As of the 2018 article, how many STPs had evolved into ICSs?",
])
def test_named_in_the_statement(client: TestClient, question: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert "10" in body["answer"].split("(")[1]
