"""Regression: "When was Integrating care: next steps published?" said "on 1 November 2020".

The source gives only the month (late November 2020); the graph stores the month's first
instant with ics:datePrecision "month", but the catalogue's answer sentence ignored the
precision and showed an invented day. Dates in answer sentences now follow the row's
?precision: "in November 2020".
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from kg.catalogue.answer import show_term
from kg.store.terms import Term

DATE = Term.literal("2020-11-01T00:00:00", "http://www.w3.org/2001/XMLSchema#dateTime")


def test_month_is_not_a_day(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "When was Integrating care: next steps published?"}).json()
    assert body["answered"] is True
    assert "November 2020" in body["answer"] and "1 November 2020" not in body["answer"]


def test_show_term_follows_precision() -> None:
    assert show_term(DATE, "month") == "2020-11"
    assert show_term(DATE, "year") == "2020"
    assert show_term(DATE, "day") == "2020-11-01"
    assert show_term(DATE) == "2020-11-01"
