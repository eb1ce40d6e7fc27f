"""Entity linking over the graph's labels and alt labels."""

from __future__ import annotations

import pytest

from kg.qa import QAEngine

ICSD = "https://w3id.org/icskg/id/"
KIND = f"{ICSD}kind/"


def linked(engine: QAEngine, text: str) -> list[str]:
    index = engine.model.analyser.index
    return [m.best.entity.iri for m in index.mentions_in(text)]


@pytest.mark.parametrize(("text", "iri"), [
    ("the ICB", f"{KIND}IntegratedCareBoard"),
    ("Integrated Care Boards", f"{KIND}IntegratedCareBoard"),
    ("integrated care board's", f"{KIND}IntegratedCareBoard"),
    ("CCGs", f"{KIND}ClinicalCommissioningGroup"),
    ("ccgs", f"{KIND}ClinicalCommissioningGroup"),
    ("clinical commissioning groups", f"{KIND}ClinicalCommissioningGroup"),
    ("Cheshire & Merseyside ICS", f"{ICSD}cheshire-and-merseyside-ics"),
    ("cheshire and merseyside health and care partnership", f"{ICSD}cheshire-and-merseyside-ics"),
    ("BOB", f"{ICSD}bob-ics"),
    ("councils", f"{KIND}LocalAuthority"),
    ("ICP strategies", f"{KIND}IntegratedCareStrategy"),
])
def test_labels_alt_labels_case_punctuation_plurals(engine: QAEngine, text: str,
                                                     iri: str) -> None:
    assert linked(engine, text) == [iri]


@pytest.mark.parametrize(("text", "iri"), [
    ("intergrated care boards", f"{KIND}IntegratedCareBoard"),
    ("Chesire and Merseyside ICS", f"{ICSD}cheshire-and-merseyside-ics"),
    ("Northen Care Aliance", f"{ICSD}northern-care-alliance"),
])
def test_small_typos(engine: QAEngine, text: str, iri: str) -> None:
    assert linked(engine, text) == [iri]


def test_ambiguous_name_keeps_alternatives(engine: QAEngine) -> None:
    index = engine.model.analyser.index
    (mention,) = index.mentions_in("Cheshire and Merseyside")
    names = [c.entity.iri for c in mention.candidates]
    assert names[0] == f"{ICSD}cheshire-and-merseyside-ics"
    assert f"{ICSD}cheshire-and-merseyside-icb" in names[1:]


def test_longest_name_wins(engine: QAEngine) -> None:
    assert linked(engine, "Blackpool and Fylde Coast became part of what?") == [
        f"{ICSD}blackpool-and-fylde-coast-ics"]


def test_everyday_words_are_not_named_entities(engine: QAEngine) -> None:
    index = engine.model.analyser.index
    # "aims" may fill a slot asking for a class, but it is read as an ordinary word.
    assert all(m.weak for m in index.mentions_in("Who is the chair and what are the aims?"))
    assert linked(engine, "What is the capital of France?") == []
