"""Regression: "Does BOB ICS include three clinical commissioning groups?" was answered
"No" at 1.0 with the chair's membership: the digits of its date (19 November 2020) were
read as another figure, and the count of BOB's CCGs (three) never held the question's
words.

A number asked of a kind in a named thing is settled by that thing's count of the kind;
"one of the eight" by a count of eight that names it among its members.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

CASES = [
    ("Does BOB ICS include three clinical commissioning groups?", "Yes.", "count value: 3"),
    ("Does BOB ICS include five clinical commissioning groups?", "No.", "count value: 3"),
    ("Was Dorset one of the eight ICSs listed in the 2018 article?", "Yes.", "Dorset"),
]


@pytest.mark.parametrize(("question", "verdict", "said"), CASES)
def test_count_settles_the_number(client: TestClient, question: str, verdict: str,
                                  said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert body["answer"].startswith(verdict) and said in body["answer"]
    assert "Clayton-Smith" not in body["answer"]


def test_a_date_is_no_figure() -> None:
    from kg.qa.reader import written_numbers

    assert written_numbers("chair of BOB ICS (valid from: 19 November 2020)") == set()
    assert written_numbers("44 STPs in 2016, reviewed every four years") == {44, 4}
