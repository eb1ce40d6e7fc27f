"""Regression: "Is the Cheshire and Merseyside Health and Care Partnership the largest STP?"
was answered "Yes." at confidence 0.98: the size-rank question ran with its default rank (2),
found the partnership there, and the yes/no verdict saw it listed. "The largest" now asks
about rank 1, so the answer is "No", with the rank the graph states."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_the_largest_is_rank_one(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Is the Cheshire and Merseyside Health and "
                                                 "Care Partnership the largest STP?"}).json()
    assert body["answered"] is True and body["answer"].startswith("No."), body["answer"]
    assert "second" in body["answer"]


def test_which_is_the_largest_is_not_rank_two(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Which is the largest STP?"}).json()
    # The graph ranks no STP first: an honest decline, not the runner-up.
    assert "Number 2" not in body["answer"]
