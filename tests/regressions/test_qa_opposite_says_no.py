"""Regression: "Are NHS organisations required by law to break even like councils?" was
declined, though the graph says NHS organisations may run a deficit while councils must
break even: "like councils" asked the fact of councils too, and nothing tied breaking
even to a deficit.

A comparison clause ("like X", "unlike X") now only names the contrast, and a statement
of the opposite concept (lexicon OPPOSITES) about the thing asked answers "no".
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "verdict", "said"), [
    ("Are NHS organisations required by law to break even like councils?", "No.", "deficit"),
    ("Are local authorities allowed by law to run a deficit?", "No.", "break even"),
    ("Can NHS organisations run deficits, unlike councils?", "Yes.", "deficit"),
    ("Must local authorities break even?", "Yes.", "break even"),
])
def test_opposites(client: TestClient, question: str, verdict: str, said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert body["answer"].startswith(verdict) and said in body["answer"]
