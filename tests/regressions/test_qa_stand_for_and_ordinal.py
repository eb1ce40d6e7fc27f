"""Regression: "What does DHACA stand for?" was answered at 1.0 with the DHACA webinar's
description (the graph has no expansion of the letters), and "What does the first
legislative option for ICSs involve?" with both options at 0.998.

"What does X stand for?" about a thing whose only name is X is refused plainly; one with a
longer name is described. An ordinal before the kind ("the first option") picks one of
the things a list holds, so the whole list does not answer it.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("question", [
    "What does DHACA stand for?",
    "What does the first legislative option for ICSs involve?",
])
def test_not_answered(client: TestClient, question: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is False


def test_an_acronym_with_a_name(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "What does AHSN stand for?"}).json()
    assert body["answered"] is True and "academic health science network" in body["answer"]
