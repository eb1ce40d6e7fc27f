"""Regression: "What is an ICS?" was answered at 1.0 with the list of ICSs named in 2018
("Which integrated care systems were there in {asOf}?" holds every word it says), and
"What does the 'democratic mandate' refer to in the webinar summary?" or "What does PCN
mean in the context of ICS structures?" were declined.

A question that only names a thing after "what is" asks what the thing is; "what does X
refer to / stand for / mean (in SOURCE)" is read as "what is X (according to SOURCE)".
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "said"), [
    ("What is an ICS?", "partnership"),
    ("What does ICS stand for?", "integrated care system"),
    ("What does PCN mean in the context of ICS structures?", "GP practices"),
    ("What does the 'democratic mandate' refer to in the webinar summary?", "election"),
])
def test_what_it_is(client: TestClient, question: str, said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert body["question_id"] in ("what-is", "graph:describe")
    assert said in body["answer"]


def test_which_still_lists(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Which ICSs were there in 2018?"}).json()
    assert body["answered"] is True and len(body["results"]) >= 8
