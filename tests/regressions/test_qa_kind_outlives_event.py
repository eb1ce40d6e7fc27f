"""Regression: "Will CCGs continue to exist once the Cheshire and Merseyside ICS goes
live?" was declined: the abolition of CCGs names no ICS, and the go-live names no CCG, so
no one statement held both things asked about.

A question of lasting past a time now weighs the kind's stated abolition against the date
it gives, or the dated event of the thing it names.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "verdict"), [
    ("Will CCGs continue to exist once the Cheshire and Merseyside ICS goes live?", "No."),
    ("Do CCGs continue to exist after 1 July 2022 in Cheshire and Merseyside?", "No."),
    ("Will CCGs carry on existing after 2022?", "No."),
    ("Did CCGs continue to exist after April 2021?", "Yes."),
])
def test_abolition_against_the_time_asked(client: TestClient, question: str,
                                          verdict: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert body["answer"].startswith(verdict) and "1 July 2022" in body["answer"]
