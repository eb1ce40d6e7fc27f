"""Regression: "What is an integrated care system, according to the Cheshire and Merseyside
journey page?" got a passage about ICPs at 0.55: the question was read as asked first, and a
fallback passage found for all its words kept the cited page's own account from being read.

A fallback passage no longer stops the reading from the cited document; a person cited
("according to the chair of the NAPC") is still read as asked first, for their view.
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from kg.qa.citing import names_document


def test_cited_page_describes_it(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "What is an integrated care system, according "
                                                 "to the Cheshire and Merseyside journey page?"}
                       ).json()
    assert body["answered"] is True and body["sources"]
    assert "responsibility" in body["answer"].lower()
    assert body["question_id"] != "graph:passage"


def test_a_person_is_no_document() -> None:
    assert names_document("the Cheshire and Merseyside journey page")
    assert not names_document("the chair of the National Association of Primary Care")
