"""Regression: figure questions answered without a figure, at confidence 0.98-1.0.

"What's the population scale of an ICP, and of an ICS?" got the tiers' names only, and
"How many STPs were announced on 24 May to become ICSs?" got the list of them, uncounted.
A catalogue answer to a question that asks for a figure must now give one: a list is
counted when the question asks how many, and otherwise the reading is not taken.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from kg.qa.retrieval import states_figure


def test_a_list_is_counted(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "How many STPs were announced on 24 May to become ICSs?"}).json()
    assert body["answered"] is True
    assert re.match(r"4 in all\. ", body["answer"]), body["answer"]
    assert len(body["results"]) == 4


def test_names_are_no_population(client: TestClient) -> None:
    body = client.post("/ask", json={
        "question": "What's the population scale of an ICP, and of an ICS?"}).json()
    assert body["answer"] != "The tiers: neighbourhood, place and system."
    assert not body["answered"] or states_figure(body["answer"])


@pytest.mark.parametrize(("text", "figure"), [
    ("held on 19 November 2020", False), ("the 2016 plan", False), ("in 2018/19", False),
    ("about 50% fewer", True), ("1.8 million people", True), ("nine borough places", True),
    ("half of England", True)])
def test_what_counts_as_a_figure(text: str, figure: bool) -> None:
    assert states_figure(text) is figure
