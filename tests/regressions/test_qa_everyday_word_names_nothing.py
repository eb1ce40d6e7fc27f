"""Regression: in "What can systems do better with data about local people's health?",
"local" was linked to the role "local council" (its label less the generic tail "council"),
so the question named a thing no statement about data held.

Only a proper name or an acronym is shortened to name its body ("Cheshire and Merseyside"
for its ICS); an everyday word is not.
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_local_is_no_name(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "What can systems do better with data "
                                                 "about local people's health?"}).json()
    assert body["answered"] is True and body["sources"]
    assert "individual needs" in body["answer"]
    assert "local council" not in body["interpretation"]
