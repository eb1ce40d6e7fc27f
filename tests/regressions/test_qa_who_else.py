"""Regression: "Who took over from Mark Easton as Accountable Officer for the North West
London CCGs?" was answered (0.63) with the passage about Mark Easton himself: the graph
names no successor, and a passage naming no one but the person the question names cannot
say who someone else is.

Such a fallback passage now gives way to an honest refusal; a question asking that
person's view ("Who did Jenny Dodd think could ...?") still reads it.
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_no_one_else_named(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Who took over from Mark Easton as "
                                                 "Accountable Officer for the North West "
                                                 "London CCGs?"}).json()
    assert body["answered"] is False


def test_a_view_of_theirs_still_reads(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Who did Jenny Dodd think could best bridge "
                                                 "the different organisations, and how?"}).json()
    assert body["answered"] is True and body["sources"]
