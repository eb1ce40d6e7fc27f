"""Regression: "Did Chris Ham warn that ICSs could be derailed if any partners decide to
withdraw?" and "Must an ICB board include someone representing general practice?" were
declined: a yes/no verdict needed one statement holding every word of the question, so a
word it never says ("decide", "someone") left it unsettled. And "Does the C&M ICS see much
need to engage its hospitals?" against "its hospitals need little engagement" said yes.

A statement holding half of the question (by weight), and every thing it names, settles
it; "little" and "few" (not "a little") negate what follows.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

CASES = [
    ("Did Chris Ham warn that ICSs could be derailed if any partners decide to withdraw?",
     "Yes.", "derail"),
    ("Must an ICB board include someone representing general practice?", "Yes.",
     "general practice"),
    ("Does the Cheshire and Merseyside ICS see much need to engage its hospitals?", "No.",
     "little engagement"),
    ("Did the webinar speakers treat ICSs as single organisations?", "No.",
     "not single organisations"),
]


@pytest.mark.parametrize(("question", "verdict", "said"), CASES)
def test_most_of_the_question_settles_it(client: TestClient, question: str, verdict: str,
                                         said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert body["answer"].startswith(verdict)
    assert said in body["answer"]


def test_unstated_outcome_is_still_unknown(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Did every system manage to submit its "
                                                 "implementation plan by September 2021?"}).json()
    assert body["answered"] is False
