"""Yes/no questions that compare a figure with a bound (kg/qa/compare.py)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kg.qa.compare import comparison


@pytest.mark.parametrize(("text", "bound", "figure", "holds"), [
    ("Does BOB serve more than 2 million people?", 2e6, 1.8e6, False),
    ("Does BOB serve over 1.5m people?", 1.5e6, 1.8e6, True),
    ("Are there fewer than 50 ICSs?", 50, 42, True),
    ("Did it have more than 10,000 staff?", 10000, 17000, True),
])
def test_comparisons_are_read(text: str, bound: float, figure: float, holds: bool) -> None:
    found = comparison(text)
    assert found is not None and found.bound == bound and found.holds(figure) is holds


def test_no_comparison_without_a_bound() -> None:
    assert comparison("Does BOB serve more people than Dorset?") is None


@pytest.mark.parametrize(("question", "verdict"), [
    ("Does the BOB ICS serve more than 2 million people?", "No."),
    ("Does the BOB ICS serve more than 1 million people?", "Yes."),
])
def test_a_figure_settles_the_comparison(client: TestClient, question: str,
                                        verdict: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert body["answer"].startswith(verdict) and "1.8 million" in body["answer"]


def test_figures_that_disagree_are_no_verdict(client: TestClient) -> None:
    # The graph counts ICSs on several dates (8 and 10 in 2018, 42 in 2022): no one figure.
    body = client.post("/ask", json={"question": "Are there more than 40 ICSs?"}).json()
    assert not body["answer"].startswith("No.")
