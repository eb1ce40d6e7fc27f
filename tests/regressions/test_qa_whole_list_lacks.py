"""Regression: "Is Stockport one of the nine CCGs in the Cheshire and Merseyside ICS?" was
declined with "The knowledge graph records nothing about Is Stockport": the question's
first word was taken as part of the unknown name. The graph lists exactly nine CCGs, the
number the question states, none of them Stockport, so the answer is "No"; without a stated
number the graph cannot know its list is whole, and declines."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_stated_size_makes_the_list_whole(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Is Stockport one of the nine CCGs in the "
                                                 "Cheshire and Merseyside ICS?"}).json()
    assert body["answered"] is True and body["answer"].startswith("No."), body["answer"]
    assert "Wirral CCG" in body["answer"] and body["sources"]


def test_without_a_size_no_verdict(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Is Trafford one of the CCGs of the "
                                                 "Cheshire and Merseyside ICS?"}).json()
    assert not body["answer"].startswith(("Yes", "No")), body["answer"]
    assert "Is Trafford" not in body["answer"]
