"""Regression: "Must local authorities heed ICP strategies?" was declined. A duty's action
("have regard to") was taken for a name among the statement's words, and the concepts that
names carry are dropped (a "local authority" says nothing of authoring), so the duty never
explained "heed" or "consider". The action now counts as a relation word: the duty says yes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("question", [
    "Must local authorities heed ICP strategies?",
    "Do councils have to consider the integrated care strategy?",
])
def test_the_duty_settles_a_synonym(client: TestClient, question: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["answer"].startswith("Yes."), body["answer"]
    assert "have regard to" in body["answer"] and body["sources"]
