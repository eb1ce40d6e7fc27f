"""Regression: "Who is Jenny Dodd?" opened with a view she shared ("An ICS is a
collaboration of partnerships") instead of who she is.

The description ranked a person's n-ary facts by size, and attributed views are the largest.
Views now follow the other facts, so her post comes first.
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_role_first(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Who is Jenny Dodd?"}).json()
    assert body["answered"] is True and body["sources"]
    assert body["answer"].startswith("Jenny Dodd as associate director of transformation")
