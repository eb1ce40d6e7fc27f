"""Regression: "Does the Cheshire and Merseyside journey page say the partnership had already
become an ICS?" was answered "Yes." at confidence 1.0 from a statement that the partnership
was moving towards becoming one. A thing on its way to becoming a kind is not one yet."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_on_the_way_to_becoming_is_not_yet(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Does the Cheshire and Merseyside journey page "
                                                 "say the partnership had already become an "
                                                 "ICS?"}).json()
    assert not body["answer"].startswith("Yes"), body["answer"]
