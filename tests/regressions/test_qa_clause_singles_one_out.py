"""Regression: "When does the ICS that Dave Sweeney works for go live?" was answered at
0.95 with the date of the webinar: the catalogue found no events of Dave Sweeney, tried
the ICS kind the question also names instead, and gave an event about every ICS.

A kind is no stand-in for a named thing whose reading has no answer; a reading that fills
its slot with a kind a clause singles one out of leaves the question to the join, which
asks about the ICS he works for by name.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_the_ics_he_works_for(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "When does the ICS that Dave Sweeney works "
                                                 "for go live?"}).json()
    assert body["answered"] is True and body["sources"]
    assert "1 July 2022" in body["answer"] and "webinar" not in body["answer"].lower()


@pytest.mark.parametrize("question", [
    "Name the CCGs that the Cheshire and Merseyside ICS will bring together.",
    "List the nine CCGs that make up the Cheshire and Merseyside ICS.",
])
def test_a_list_through_a_clause(client: TestClient, question: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and "Halton" in body["answer"]
