"""Regression: "Did District Health Authorities have all the tools that are available
today?" was answered "Yes" at 1.0: the statement says they were early ICSs although they
lacked the tools now available, and only "not"/"no"/"never" in a node's own label were
read as negating.

"lacked", "without" negate too, and so does the text a statement quotes.
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_lacked_says_no(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Did District Health Authorities have all "
                                                 "the tools that are available today?"}).json()
    assert body["answered"] is True and body["sources"]
    assert body["answer"].startswith("No.")
