"""Regression: "When was the Northern Care Alliance NHS Group formed, relative to the 2018
article?" was answered with the group's 2018 figures at confidence 1.0: the year that names
the article was read as the period asked about. A year naming a source no longer dates a
when-question, and a figure's "as of" is not when a thing happened."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_a_year_naming_the_source_is_not_the_period(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "When was the Northern Care Alliance NHS Group "
                                                 "formed, relative to the 2018 article?"}).json()
    assert body["answered"] is True and "2017" in body["answer"], body["answer"]
