"""Regression: "What is the vision of the partnership where Dave Sweeney is Executive
Director?" was declined: the clause names the body only through its member.

The one body the person's stated membership (in the role named, if any) is with now takes
the clause's place, and the question is asked again about it by name. A person with
memberships of several bodies and no role to pick one is no such body.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "said"), [
    ("What is the vision of the partnership where Dave Sweeney is Executive Director?",
     "Cheshire and Merseyside"),
    ("Who chairs the partnership where Dave Sweeney works?", "Alan Yates"),
])
def test_body_of_the_member(client: TestClient, question: str, said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and len(body["sources"]) >= 2
    assert said in body["answer"]
