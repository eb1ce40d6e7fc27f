"""Regression: "How does the 2022 Cheshire and Merseyside page describe an Integrated Care
Partnership?" was declined, though "... according to the Cheshire and Merseyside CCGs
page?" was answered: a source clause with a year was kept in the question (the year says
as of when a figure held), so the page's words were read as things the answer must hold.

What a thing is holds at no date: for "What is X, according to <dated source>?" the year
only names the source, and the clause is read as the citation.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("question", [
    "How does the 2022 Cheshire and Merseyside page describe an Integrated Care Partnership?",
    "What is an Integrated Care Partnership, according to the 2022 Cheshire and Merseyside "
    "page?",
])
def test_dated_source_of_a_definition(client: TestClient, question: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert "joint committee" in body["answer"]
