"""Regression: "Which body established the 44 STPs?" was answered at 1.0 with what STPs
were formed from (NHS organisations and councils), and "In what year was the Innovation
Agency founded?" with the date Jenny Dodd's post there began: one concept, FORM, held both
what a body is made of and who set it up.

Setting up (established, founded, created) is now its own concept, ESTABLISH, which
"formed" alone may mean but "formed from" and membership never do; the catalogue answers
it from ``ics:establishedBy`` (queries/established-by.rq).
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "said"), [
    ("Which body established the 44 sustainability and transformation partnerships?",
     "NHS England"),
    ("Who set up the STPs?", "NHS England"),
    ("Which organisations formed the Northern Care Alliance?", "Salford Royal"),
    ("What was the Northern Care Alliance created from?", "Pennine Acute"),
])
def test_set_up_or_formed_from(client: TestClient, question: str, said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert said in body["answer"]


def test_a_post_is_no_founding(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "In what year was the Innovation Agency "
                                                 "founded?"}).json()
    assert body["answered"] is False
