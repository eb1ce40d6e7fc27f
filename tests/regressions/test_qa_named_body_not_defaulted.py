"""Regression: "Who holds ICPs to account?" was answered about ICBs.

The duty action "hold to account" was matched loosely over "holds ICPs to account",
hiding the name ICPs, and the catalogue slot then took its default (ICBs). Now a loose
action never swallows a name, and a question naming a body is never answered about the
default one: it is declined (the graph records no such duty for ICPs).
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_icps_are_not_read_as_icbs(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Who holds ICPs to account?"}).json()
    assert "integrated care board" not in body["answer"].lower() or not body["answered"]
    assert body["answered"] is False


def test_icbs_still_answered(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Who holds ICBs to account?"}).json()
    assert body["answered"] is True and "NHS England" in body["answer"]


def test_a_name_that_fits_no_slot_does_not_block_the_default(client: TestClient) -> None:
    # NHS England is the publisher, not a document: the document slot's default stands.
    body = client.post("/ask", json={
        "question": "How many next steps did NHS England and NHS Improvement set out?"}).json()
    assert body["answered"] is True and body["question_id"] == "next-steps"
    assert "8 next steps" in body["answer"]
