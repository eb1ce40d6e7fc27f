"""Regression: "Does NHS England favour the statutory corporate NHS body model for ICSs?"
and "Will staff employed by CCGs move across to the ICBs?" were declined, and "When was
Alan Yates appointed chairman of the Cheshire and Merseyside Health and Care Partnership?"
(which the sources do not say) was answered once the second was fixed.

A kind that only qualifies a name ("the model for ICSs") need not be in the statement; a
one-word everyday label ("staff") keeps its meaning in a statement's words; "move
across" is a transfer; a fallback passage for a "when" question must explain a third of
its words, not only hold a date.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("question", [
    "Does NHS England favour the statutory corporate NHS body model for ICSs?",
    "Will staff employed by CCGs move across to the ICBs?",
])
def test_yes(client: TestClient, question: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert body["answer"].startswith("Yes.")


def test_a_date_of_something_else(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "When was Alan Yates appointed chairman of "
                                                 "the Cheshire and Merseyside Health and Care "
                                                 "Partnership?"}).json()
    assert body["answered"] is False
