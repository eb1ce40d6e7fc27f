"""Regression: "Which four STPs were announced on 24 May as future ICSs for 2018/19?" was
declined: "24" (a day given without its year) was read as a figure the answer must hold,
and "as future ICSs" as a word no answer explained.

A day of a month is no figure; "as future" says to become.
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_day_without_year(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "Which four STPs were announced on 24 May "
                                                 "as future ICSs for 2018/19?"}).json()
    assert body["answered"] is True and body["sources"]
    assert "Gloucestershire" in body["answer"] and "Cumbria" in body["answer"]
