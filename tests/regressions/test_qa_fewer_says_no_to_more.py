"""Regression: "Did Frimley Health see an increase in A&E attendances?" was declined, though
the graph says it saw fewer: a rise and a drop were no concepts, so nothing opposed them.

RISE and DROP are opposites (as breaking even and a deficit are); a statement of the
opposite change says no only when it is of the thing asked about.
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_fewer_says_no_to_an_increase(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Did Frimley Health see an increase in "
                                                 "A&E attendances?"}).json()
    assert body["answered"] is True and body["sources"]
    assert body["answer"].startswith("No.") and "fewer" in body["answer"]


def test_a_drop_in_something_else_settles_nothing(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Did Frimley Health see an increase in "
                                                 "staff numbers?"}).json()
    assert not body["answer"].startswith("No.")
