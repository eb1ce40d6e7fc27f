"""Dates given by reference are read as the dated thing's date (kg/qa/timeof.py)."""

from __future__ import annotations

import pytest

from kg.qa import QAEngine
from kg.qa.timeof import dated_reference


@pytest.mark.parametrize(("question", "read"), [
    ("Were ICSs statutory bodies at the time of the DHACA webinar?",
     "Were ICSs statutory bodies on 19 November 2020?"),
    ("Had every STP become an ICS by the time of the 2018 article?",
     "Had every STP become an ICS by 2018?"),
    ("Were CCGs still around at the time of the November 2020 webinar?",
     "Were CCGs still around in November 2020?"),
    ("Who chairs the ICB?", "Who chairs the ICB?"),  # nothing given by reference
    ("Was it statutory at the time of the pandemic?",
     "Was it statutory at the time of the pandemic?"),  # nothing dated to refer to
])
def test_references_read_as_dates(engine: QAEngine, question: str, read: str) -> None:
    assert dated_reference(question, engine.model.analyser, engine.document_dates) == read
