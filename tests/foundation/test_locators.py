"""Locator verification against ../shared/corpus (skipped cleanly when it is absent)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build.locators import normalise
from kg.build.pipeline import build
from kg.errors import LocatorError
from kg.paths import facts_dir


def test_every_locator_and_checksum_verifies(tmp_path: Path, corpus_dir: Path) -> None:
    report = build(tmp_path / "out", corpus_dir, progress=lambda _: None)
    assert report.locators is not None
    assert report.locators.documents == 5
    assert report.locators.passages == report.release.fact_graphs
    assert report.locators.mentions > 100


def _with_provenance_edit(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "facts"
    shutil.copytree(facts_dir(), folder)
    path = folder / "provenance.trig"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_a_span_pointing_at_the_wrong_passage_is_caught(tmp_path: Path, corpus_dir: Path) -> None:
    provenance = (facts_dir() / "provenance.trig").read_text(encoding="utf-8")
    block = provenance[provenance.index("icsg:d001-northern-care-alliance a"):]
    start = block.split("ics:charStart ", 1)[1].split(" ", 1)[0]
    end = block.split("ics:charEnd ", 1)[1].split(" ", 1)[0]
    old = f"ics:charStart {start} ;\n        ics:charEnd {end} ;"
    facts = _with_provenance_edit(tmp_path, old, "ics:charStart 0 ;\n        ics:charEnd 200 ;")
    with pytest.raises(LocatorError, match=r"d001-northern-care-alliance.*does not mention"):
        build(tmp_path / "out", corpus_dir, facts_dir=facts, progress=lambda _: None)


def test_a_changed_document_is_caught_by_its_checksum(tmp_path: Path, corpus_dir: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    doc = corpus / "001_b4ee659c7ae7ce16.txt"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nedited", encoding="utf-8")
    with pytest.raises(LocatorError, match="checksum"):
        build(tmp_path / "out", corpus, progress=lambda _: None)


@pytest.mark.parametrize(("a", "b"), [
    ("Integrated Care Boards", "integrated care board"),
    ("Cheshire & Merseyside", "Cheshire and Merseyside"),
    ("ICSs", "ICS"),
    ("Joint Local Health and Wellbeing Strategies", "joint local health and wellbeing strategy"),
    ("NHS Long-Term Plan", "NHS Long Term Plan"),
    ("ICBs’ constitutions", "ICB constitution"),
])
def test_mention_matching_folds_case_punctuation_and_plurals(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)
