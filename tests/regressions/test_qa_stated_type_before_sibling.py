"""Regression: "Is Dorset an ICS?" was answered "No" (from the two devolved systems of 2018,
Dorset's siblings), and "Is Greater Manchester counted as a devolved health and care
system?" "No" too: "counted" read as a count, so the stated type was never looked up.

A thing's stated type now settles "Is X a K?" before a sibling's fact can say no, and
"counted / regarded / classed as" only says how a source classes the thing.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "kind"), [
    ("Is Dorset an ICS?", "an integrated care system"),
    ("Is Dorset regarded as an ICS?", "an integrated care system"),
    ("Is Greater Manchester counted as a devolved health and care system?",
     "a devolved health and care system"),
])
def test_stated_type_says_yes(client: TestClient, question: str, kind: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert body["answer"].startswith("Yes.") and kind in body["answer"]
