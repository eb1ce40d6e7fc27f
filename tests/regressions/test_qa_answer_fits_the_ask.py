"""Regression: confident catalogue answers that do not answer what was asked.

- "Who announced in May 2018 that four more STPs would become ICSs?" was answered with the
  four STPs (the catalogue question "Which STPs would become ICSs?"), at confidence 1.0.
  A "who" question is no longer answered by a catalogue question none of whose phrasings
  asks who; the announcement's answer now leads with who announced it.
- "Which CCGs make up the Cheshire and Merseyside ICS?" was answered with the counts of each
  kind of member ("9 clinical commissioning group, ..."), at 0.98. A question asking for
  things by name is no longer answered with kinds, unless it asks for kinds.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

DECLINED_OR_ELSEWHERE = [
    ("Which CCGs make up the Cheshire and Merseyside ICS?", "system-composition"),
    ("Which places make up the BOB ICS?", "system-composition"),
]


@pytest.mark.parametrize(("question", "not_this"), DECLINED_OR_ELSEWHERE)
def test_not_answered_by_the_mismatched_template(client: TestClient, question: str,
                                                 not_this: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["question_id"] != not_this, body["answer"]


def test_who_announced_is_answered_with_who(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Who announced in May 2018 that four more "
                                                 "STPs would become ICSs?"}).json()
    assert body["answered"] is True, body["answer"]
    assert body["answer"].startswith("NHS Improvement and NHS England announced"), body["answer"]


@pytest.mark.parametrize(("question", "template"), [
    ("Which STPs would become integrated care systems in 2018/19?", "announced-to-become-icss"),
    ("How many organisations of each kind are in the BOB ICS?", "system-composition"),
    ("Who chairs the Cheshire and Merseyside Health and Care Partnership?", "who-chairs"),
])
def test_fitting_templates_still_answer(client: TestClient, question: str,
                                        template: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["question_id"] == template, body["answer"]
