"""Regression: "Will CCGs be abolished after 1 July 2022?" was answered "Yes" at 1.0:
the abolition is dated 1 July 2022, inside the day asked, and "after" was not weighed.

A yes/no question asking whether something happened after a date is now answered by
whether the statement's date comes after that period.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "verdict"), [
    ("Will CCGs be abolished after 1 July 2022?", "No."),
    ("Were CCGs abolished after 2020?", "Yes."),
    ("Were CCGs abolished after 2023?", "No."),
])
def test_after_a_date(client: TestClient, question: str, verdict: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert body["answer"].startswith(verdict)
